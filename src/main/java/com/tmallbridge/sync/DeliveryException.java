package com.tmallbridge.sync;

/** A handler's report that a delivery failed, and whether trying again later may help. */
public class DeliveryException extends RuntimeException {
  private final boolean retryable;
  private final String reasonCode;

  /**
   * @param reasonCode stable code of the cause, e.g. {@code EMBEDDED-002}
   * @param retryable whether a later attempt may succeed
   * @param message readable explanation for operators
   */
  public DeliveryException(String reasonCode, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  public String reasonCode() {
    return reasonCode;
  }
}
