package com.tmallbridge.stock;

import com.tmallbridge.core.ErrorCode;

/** Error codes of the stock flow. */
enum StockErrorCode implements ErrorCode {
  SHOP_UNAVAILABLE("STOCK-001", "The shop is unknown, paused or needs re-authorisation; the push waits and is retried."),
  PUSH_REJECTED("STOCK-002", "Tmall rejected the quantity of this SKU; fix the listing (or its mapping) and push again."),
  PUSH_FAILED("STOCK-003", "The quantity push failed for a transient reason; it is retried with back-off.");

  private final String code;
  private final String description;

  StockErrorCode(String code, String description) {
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
