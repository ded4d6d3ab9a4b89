package com.tmallbridge.erp;

import com.tmallbridge.core.BridgeException;
import com.tmallbridge.core.ErrorCode;

/**
 * An ERP call failed. {@code retryable} is true when the same call may succeed later (timeouts,
 * 5xx, locks, throttling) and false when it cannot succeed unchanged (validation, unknown
 * material, permissions). Connectors throw it and never retry themselves.
 */
public class ConnectorException extends BridgeException {
  public ConnectorException(ErrorCode code, boolean retryable, String message) {
    super(code, retryable, message);
  }

  public ConnectorException(ErrorCode code, boolean retryable, String message, Throwable cause) {
    super(code, retryable, message, cause);
  }
}
