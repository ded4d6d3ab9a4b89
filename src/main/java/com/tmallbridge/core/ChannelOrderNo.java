package com.tmallbridge.core;

/** A sales channel's order number, e.g. a Tmall {@code tid}, kept as text (64-bit ids overflow JS). */
public record ChannelOrderNo(String value) {
  public ChannelOrderNo {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("channel order number must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
