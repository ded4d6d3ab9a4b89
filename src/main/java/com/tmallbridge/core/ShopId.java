package com.tmallbridge.core;

/** Identifies one configured shop (a Tmall store) inside this installation. */
public record ShopId(long value) {
  public ShopId {
    if (value <= 0) {
      throw new IllegalArgumentException("shop id must be positive, got " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
