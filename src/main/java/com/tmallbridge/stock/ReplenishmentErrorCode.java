package com.tmallbridge.stock;

import com.tmallbridge.core.ErrorCode;

/** Error codes of replenishment and low-stock alerts. */
enum ReplenishmentErrorCode implements ErrorCode {
  ALERT_NOT_RECORDED("REPLENISH-001",
      "a low-stock alert could not be opened, updated or closed for one material/warehouse; the next pass tries again");

  private final String code;
  private final String description;

  ReplenishmentErrorCode(String code, String description) {
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
