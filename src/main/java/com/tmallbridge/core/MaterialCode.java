package com.tmallbridge.core;

/** The ERP's material (item/SKU) code; Tmall's merchant code ({@code outer_id}) maps onto it. */
public record MaterialCode(String value) {
  public MaterialCode {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("material code must not be blank");
    }
    value = value.trim();
  }

  @Override
  public String toString() {
    return value;
  }
}
