package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErrorCode;

/** Errors of the built-in ERP. Only {@link #DATABASE_UNAVAILABLE} is retryable. */
enum EmbeddedErrorCode implements ErrorCode {
  UNKNOWN_MATERIAL(
      "EMBEDDED-001",
      "A sales order line names a material the built-in ERP does not have or has deactivated;"
          + " add the material or fix the SKU mapping, then resubmit."),
  INVALID_ORDER(
      "EMBEDDED-002",
      "The sales order is inconsistent (non-positive quantity, negative amount, duplicate line"
          + " number or lines plus post fee not equal to the total); fix the source data."),
  DATABASE_UNAVAILABLE(
      "EMBEDDED-003",
      "The database was unreachable, timed out on a lock, or chose this transaction as a"
          + " deadlock or serialization victim; the same call may succeed later."),
  DATABASE_REJECTED(
      "EMBEDDED-004",
      "The database rejected the statement (constraint, value too long, schema); retrying"
          + " unchanged will not help."),
  UNKNOWN_CUSTOMER(
      "EMBEDDED-005",
      "The sales order names a customer number the built-in ERP does not have; create the"
          + " customer with ensureCustomer first."),
  INVALID_STOCK_MOVE(
      "EMBEDDED-006",
      "A stock movement has a zero quantity, an unknown warehouse or an unknown material."),
  UNKNOWN_SALES_ORDER(
      "EMBEDDED-007",
      "The operation names a sales order number the built-in ERP does not have."),
  DELIVERY_REJECTED(
      "EMBEDDED-008",
      "The delivery cannot be booked: the order is cancelled or fully shipped, a line is unknown, or"
          + " a quantity exceeds what was ordered minus what was already delivered."),
  CANCELLATION_REJECTED(
      "EMBEDDED-009",
      "The sales order cannot be cancelled because goods have already been delivered for it;"
          + " book a return instead."),
  INVALID_WAREHOUSE(
      "EMBEDDED-010",
      "A warehouse needs a code of 1-32 characters and a name of 1-100 characters."),
  INVALID_CURSOR(
      "EMBEDDED-011",
      "A feed cursor (stock changes, deliveries) is not one the built-in ERP handed out; start again"
          + " from the empty cursor."),
  DELIVERY_HELD(
      "EMBEDDED-012",
      "The sales order's delivery is held (e.g. a refund was requested before shipping); it cannot"
          + " ship until every hold is released."),
  RETURN_REJECTED(
      "EMBEDDED-013",
      "The return cannot be booked: the sales order or return is unknown, or nothing of the named"
          + " lines was delivered and not yet returned."),
  LINE_CANCELLATION_REJECTED(
      "EMBEDDED-014",
      "The line cancellation names a sales order the ERP does not have or sub-orders none of its"
          + " lines belong to."),
  VOUCHER_REJECTED(
      "EMBEDDED-015",
      "The voucher cannot be posted: it names an account the built-in ERP's chart of accounts does"
          + " not have, or it does not balance; fix the posting scheme, then post again.");

  private final String code;
  private final String description;

  EmbeddedErrorCode(String code, String description) {
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
