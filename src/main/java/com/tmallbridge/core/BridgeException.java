package com.tmallbridge.core;

/**
 * Base of the bridge's own runtime exceptions. Carries an {@link ErrorCode} and whether trying the
 * same operation again later may succeed ({@code retryable}); the sync engine decides what to do.
 */
public class BridgeException extends RuntimeException {
  private final ErrorCode errorCode;
  private final boolean retryable;

  public BridgeException(ErrorCode errorCode, boolean retryable, String message) {
    super(message);
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  public BridgeException(ErrorCode errorCode, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public boolean retryable() {
    return retryable;
  }
}
