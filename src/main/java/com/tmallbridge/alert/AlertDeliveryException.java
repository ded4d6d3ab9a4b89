package com.tmallbridge.alert;

/** A message an {@link AlertChannel} could not deliver; the message names the channel and the receiver's answer. */
public class AlertDeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public AlertDeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public AlertDeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** Whether the same message may get through later (a network failure, a 5xx, a rate limit); false for a wrong URL or key. */
  public boolean retryable() {
    return retryable;
  }
}
