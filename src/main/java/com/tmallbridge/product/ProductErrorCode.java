package com.tmallbridge.product;

import com.tmallbridge.core.ErrorCode;

/** Reason codes of the product module's refusals; each says what to do. */
public enum ProductErrorCode implements ErrorCode {
  UNKNOWN_MATERIAL("PRODUCT-001", "the ERP has no such material: create it in the ERP (or products create-materials), then try again"),
  INVALID_COMBO("PRODUCT-002", "a combo needs at least one component, distinct materials, quantities of at least 1 and no combo inside"),
  UNKNOWN_COMBO("PRODUCT-003", "no combo has this code: list them with 'products combos list'"),
  INVALID_GIFT_RULE("PRODUCT-004", "the gift rule is incomplete or contradictory: read the message and correct the values"),
  INVALID_MAPPING("PRODUCT-005", "the mapping row is incomplete: it needs num_iid and a material or combo code"),
  UNKNOWN_LISTING("PRODUCT-006", "the item/SKU was not read from Tmall: run 'products match' first or check the ids");

  private final String code;
  private final String description;

  ProductErrorCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}
