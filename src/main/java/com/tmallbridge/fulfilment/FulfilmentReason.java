package com.tmallbridge.fulfilment;

import com.tmallbridge.core.ErrorCode;

/** Why a shipment is held for the operator. The codes are stable; the descriptions say what to do. */
public enum FulfilmentReason implements ErrorCode {
  UNKNOWN_TRADE("SHIP-001",
      "the delivery's trade is not known to the bridge for this shop (or has no lines): check the trade was imported, then retry"),
  NO_TRACKING_NUMBER("SHIP-002",
      "the ERP delivery has no carrier or no tracking number: retry with --tracking and --company, or fix the delivery in the ERP"),
  UNMAPPED_CARRIER("SHIP-003",
      "the ERP carrier maps to no Tmall company code: map it (shipments carriers set --erp X --tmall Y), then retry"),
  TRACKING_MISMATCH("SHIP-004",
      "the tracking number does not match the Tmall company's pattern: retry with the right --tracking or --company"),
  TRACKING_REFUSED("SHIP-005",
      "Tmall refused the tracking number (wrong format or used by another parcel): retry with the right --tracking"),
  COMPANY_REFUSED("SHIP-006",
      "Tmall does not accept the company code: fix the carrier mapping or retry with another --company"),
  TRADE_STATE("SHIP-007",
      "Tmall's trade does not allow shipping (closed, refunded, not found or the split does not match): check the trade on Tmall"),
  CHANNEL_REFUSED("SHIP-008",
      "Tmall refused the shipment for another reason: read the message, fix the cause, then retry"),
  CHANNEL_UNAVAILABLE("SHIP-009",
      "Tmall could not be reached or the shop is paused or needs authorising after every retry: fix the shop, then retry");

  private final String code;
  private final String description;

  FulfilmentReason(String code, String description) {
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
