package com.tmallbridge.order;

import com.tmallbridge.core.ErrorCode;

/** Why a trade is held. The names are the reason codes operators see. */
public enum OrderReason implements ErrorCode {
  UNMAPPED_SKU("a line's SKU maps to no ERP material: add a mapping (mappings add) or the material, then retry"),
  INVALID_AMOUNT("the trade's money does not add up (e.g. payment below post fee or negative lines): check the trade on Tmall"),
  INVALID_TRADE("the trade lacks data the ERP needs (no lines, zero quantity, unknown time): check the trade on Tmall"),
  ERP_REJECTED("the ERP refused the sales order: read the message, fix the cause in the ERP or the mapping, then retry"),
  ERP_UNAVAILABLE("the ERP could not be reached after every retry: check it is up, then retry");

  private final String description;

  OrderReason(String description) {
    this.description = description;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String description() {
    return description;
  }
}
