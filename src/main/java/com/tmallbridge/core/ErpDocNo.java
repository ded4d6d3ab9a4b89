package com.tmallbridge.core;

/** A document number assigned by the ERP (sales order, customer, delivery...). */
public record ErpDocNo(String value) {
  public ErpDocNo {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("ERP document number must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
