package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErrorCode;

/** Errors of the Tryton connector. Only {@link #UNAVAILABLE} is retryable. */
enum TrytonErrorCode implements ErrorCode {
  LOGIN_REFUSED(
      "TRYTON-001",
      "Tryton refused the login (wrong user or password, unknown database, or the user has no company);"
          + " fix bridge.erp.tryton.* and the user in Tryton."),
  UNAVAILABLE(
      "TRYTON-002",
      "Tryton could not be reached, timed out, answered 5xx or 429, or hit a database lock or a"
          + " concurrent update; the same call may succeed later."),
  REJECTED(
      "TRYTON-003",
      "Tryton rejected the call with a user or validation error (the message is Tryton's); retrying"
          + " unchanged will not help."),
  SERVER_FAULT(
      "TRYTON-004",
      "Tryton failed with an unexpected server error or answered something that is not JSON-RPC;"
          + " see trytond's log."),
  UNKNOWN_MATERIAL(
      "TRYTON-005",
      "A material code names no product in Tryton (product.product code); create it or fix the SKU mapping."),
  UNKNOWN_CUSTOMER(
      "TRYTON-006",
      "The customer number names no party in Tryton (party code); create the customer with ensureCustomer first."),
  INVALID_ORDER(
      "TRYTON-007",
      "The sales order cannot be written to Tryton: a non-positive quantity, a negative amount, or a shop"
          + " code containing ':'."),
  UNKNOWN_WAREHOUSE(
      "TRYTON-008",
      "A warehouse code maps to no Tryton warehouse location; check bridge.erp.tryton.warehouses."),
  INVALID_CURSOR(
      "TRYTON-009",
      "A feed cursor is not one this connector handed out; start again from the empty cursor."),
  INVALID_STOCK_MOVE(
      "TRYTON-010",
      "A stock movement has a zero quantity or a blank reference."),
  UNKNOWN_UNIT(
      "TRYTON-011",
      "A material's unit maps to no Tryton unit of measure; check bridge.erp.tryton.units."),
  UNKNOWN_DOCUMENT(
      "TRYTON-012",
      "A sales order or return number names no sale (sale.sale number) or customer return shipment in Tryton."),
  DELIVERY_REFUSED(
      "TRYTON-013",
      "A parcel cannot be booked: the sale is held (a bridge hold note), cancelled, has no waiting customer"
          + " shipment, or has fewer open units than asked."),
  NOTHING_MATCHES(
      "TRYTON-014",
      "No line of the sale matches the sub-order ids, or nothing of them is left to cancel or return."),
  VOUCHER_REFUSED(
      "TRYTON-015",
      "A voucher cannot be posted: an account code names no open Tryton account with a type, the date lies in no"
          + " open period of a fiscal year, or the voucher journal (bridge.erp.tryton.voucher-journal) does not exist.");

  private final String code;
  private final String description;

  TrytonErrorCode(String code, String description) {
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
