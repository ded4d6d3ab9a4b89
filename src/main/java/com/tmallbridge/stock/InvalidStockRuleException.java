package com.tmallbridge.stock;

/** A publish rule, lock or safety stock value is invalid; the message names the value. */
public class InvalidStockRuleException extends IllegalArgumentException {
  public InvalidStockRuleException(String message) {
    super(message);
  }
}
