package com.tmallbridge.product;

/**
 * An operator's product input (mapping, combo, gift rule) is refused. Nothing was changed; the
 * message names the value and what to do; it may be retried once corrected.
 */
public class InvalidProductInputException extends IllegalArgumentException {
  private final ProductErrorCode reason;

  public InvalidProductInputException(ProductErrorCode reason, String message) {
    super(reason.code() + ": " + message);
    this.reason = reason;
  }

  public ProductErrorCode reason() {
    return reason;
  }
}
