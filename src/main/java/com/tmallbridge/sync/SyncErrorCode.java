package com.tmallbridge.sync;

import com.tmallbridge.core.ErrorCode;

/** Reasons the sync engine itself records on an outbox message (column {@code last_error_code}). */
public enum SyncErrorCode implements ErrorCode {
  NO_HANDLER("SYNC-001", "No handler is registered for the message type; deploy or enable the module that handles it, then retry the message."),
  HANDLER_FAILED("SYNC-002", "The handler failed with an unexpected exception; it is retried with backoff. See the last error for the cause."),
  CLAIM_EXPIRED("SYNC-003", "The message stayed IN_FLIGHT longer than bridge.sync.outbox.inFlightTimeout (its dispatcher probably died); it is due again."),
  INTERRUPTED_BY_RESTART("SYNC-004", "The process stopped while the message was being delivered; it is due again after the restart.");

  private final String code;
  private final String description;

  SyncErrorCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}
