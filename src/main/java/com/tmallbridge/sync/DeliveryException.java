package com.tmallbridge.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A handler's report that a delivery failed, and whether trying again later may help. */
public class DeliveryException extends RuntimeException {
  private final boolean retryable;
  private final String reasonCode;
  private final @Nullable Instant waitUntil;

  /**
   * @param reasonCode stable code of the cause, e.g. {@code EMBEDDED-002}
   * @param retryable whether a later attempt may succeed
   * @param message readable explanation for operators
   */
  public DeliveryException(String reasonCode, boolean retryable, String message, Throwable cause) {
    this(reasonCode, retryable, message, cause, null);
  }

  private DeliveryException(String reasonCode, boolean retryable, String message, @Nullable Throwable cause, @Nullable Instant waitUntil) {
    super(message, cause);
    this.reasonCode = reasonCode;
    this.retryable = retryable;
    this.waitUntil = waitUntil;
  }

  /**
   * The message cannot be delivered before a known moment, for a cause that is not the message's
   * fault and ends by itself then (e.g. the shop's flow-control pause after a TOP ban): it waits
   * until {@code until} and this try does not count as an attempt, so a long pause neither spends
   * its retries nor backs it off past the pause's end.
   */
  public static DeliveryException waitUntil(String reasonCode, String message, Instant until) {
    return new DeliveryException(reasonCode, true, message, null, until);
  }

  /** When the cause ends, for {@link #waitUntil}; null for an ordinary failure. */
  public @Nullable Instant waitUntil() {
    return waitUntil;
  }

  public boolean retryable() {
    return retryable;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
