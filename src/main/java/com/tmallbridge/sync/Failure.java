package com.tmallbridge.sync;

import com.tmallbridge.core.BridgeException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why one delivery did not complete, as recorded on the message.
 *
 * @param code stable reason code (column {@code last_error_code})
 * @param message readable explanation for operators (column {@code last_error})
 * @param retryable whether another attempt may succeed; false blocks the message at once
 * @param dueNow whether the next attempt is due at once instead of after the retry backoff
 * @param waitUntil when set, the next attempt is due then and this failure is not counted as an
 *     attempt ({@link DeliveryException#waitUntil})
 */
record Failure(String code, String message, boolean retryable, boolean dueNow, @Nullable Instant waitUntil) {
  static final int MAX_CODE = 64;
  static final int MAX_MESSAGE = 2000;

  Failure {
    code = Texts.abbreviate(code, MAX_CODE);
    message = Texts.abbreviate(message, MAX_MESSAGE);
  }

  /** A handler's own report. */
  static Failure of(DeliveryException e) {
    return new Failure(e.reasonCode(), describe(e), e.retryable(), false, e.waitUntil());
  }

  /**
   * Any other exception (or recoverable error) out of a handler or its transaction: retryable, as
   * the handler contract says. A {@link BridgeException} (e.g. an ERP connector's) keeps its own error code.
   */
  static Failure unexpected(Throwable e) {
    String code = e instanceof BridgeException bridge ? bridge.errorCode().code() : SyncErrorCode.HANDLER_FAILED.code();
    return new Failure(code, e.getClass().getName() + ": " + describe(e), true, false, null);
  }

  static Failure noHandler(String messageType) {
    return new Failure(
        SyncErrorCode.NO_HANDLER.code(), "no MessageHandler is registered for message type '" + messageType + "'", false, false, null);
  }

  static Failure claimExpired(String owner, Duration timeout) {
    return new Failure(
        SyncErrorCode.CLAIM_EXPIRED.code(), "claimed by " + owner + " more than " + timeout + " ago without a result", true, true, null);
  }

  static Failure interruptedByRestart(String owner) {
    return new Failure(
        SyncErrorCode.INTERRUPTED_BY_RESTART.code(), "delivery by " + owner + " was interrupted by a restart", true, true, null);
  }

  /** The exception's message followed by its causes' messages, so the root cause is visible. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getMessage() == null ? "(no message)" : e.getMessage());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && cause != e && depth < 5; depth++, cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
