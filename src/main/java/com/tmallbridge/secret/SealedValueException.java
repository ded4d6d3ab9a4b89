package com.tmallbridge.secret;

/** A sealed column value that cannot be opened: unknown key, altered value or wrong context. */
public class SealedValueException extends RuntimeException {
  SealedValueException(String message, Throwable cause) {
    super(message, cause);
  }

  SealedValueException(String message) {
    super(message);
  }
}
