package com.tmallbridge.shop;

/** A shop registration is invalid; the message says which value and what to do. */
public class InvalidShopException extends IllegalArgumentException {
  public InvalidShopException(String message) {
    super(message);
  }
}
