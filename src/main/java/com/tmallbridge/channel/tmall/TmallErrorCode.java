package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.ErrorCode;

/** Error codes of the Tmall channel ({@code TMALL-nnn}), shown to operators and in logs. */
public enum TmallErrorCode implements ErrorCode {
  TRANSPORT_FAILED(
      "TMALL-001",
      "The TOP gateway could not be reached or did not answer with a TOP JSON envelope (I/O error,"
          + " timeout, non-200 status, HTML page) on any attempt; check the network and try again later."),
  SERVER_ERROR(
      "TMALL-002",
      "TOP reported a server-side error (isp.* sub code or code 10) on every attempt; try again later."),
  FLOW_CONTROLLED(
      "TMALL-003",
      "TOP flow control (App Call Limited, codes 4-8) banned calls; stop calling until the ban ends."),
  SESSION_INVALID(
      "TMALL-004",
      "The seller's session is missing, invalid or expired (codes 26/27/44, isv.invalid-sessionkey);"
          + " the seller must authorise the app again."),
  REAUTHORISATION_PENDING(
      "TMALL-005",
      "Calls for this shop are suspended because TOP reported its session invalid; they resume when the"
          + " shop gets new credentials or the suspension is cleared."),
  REJECTED(
      "TMALL-006",
      "TOP rejected the call (isv.* sub code, missing permission, bad or missing parameter); repeating it"
          + " unchanged fails again."),
  LOCAL_RATE_LIMIT(
      "TMALL-007",
      "The bridge's own per-shop rate limit (bridge.channel.tmall.callsPerSecond) had no free permit"
          + " within bridge.channel.tmall.rateLimitTimeout; try again later."),
  UNREADABLE_RECORD(
      "TMALL-008",
      "TOP returned a record the bridge cannot read (required field missing, malformed money or time)."),
  INVALID_CREDENTIALS(
      "TMALL-009",
      "The shop's TOP credentials are unusable (unknown sign method or malformed gateway URL); fix the"
          + " shop's configuration."),
  QUANTITY_REJECTED(
      "TMALL-020",
      "TOP refused a stock quantity update (isv.* sub code: unknown item or SKU, item not the seller's,"
          + " invalid quantity); fix the listing or the SKU mapping, the same update fails again."),
  // Shipments, refunds and TMC use TMALL-04x so that codes added elsewhere in parallel do not collide.
  INVALID_TRACKING_NUMBER(
      "TMALL-040",
      "Tmall refused the tracking number (blank, wrong format for the carrier or already used by another"
          + " parcel); correct the tracking number in the ERP delivery and retry the shipment."),
  INVALID_CARRIER(
      "TMALL-041",
      "Tmall does not know the carrier code sent with the shipment; fix the carrier mapping (shipments are"
          + " sent with codes from taobao.logistics.companies.get) and retry."),
  TRADE_STATE_FORBIDS_SHIPPING(
      "TMALL-042",
      "The trade's state on Tmall does not allow shipping it (not paid, closed, refunded, shipping forbidden"
          + " or a split that does not match its sub-orders); check the trade on Tmall before retrying."),
  TRADE_NOT_FOUND(
      "TMALL-043",
      "Tmall says the trade does not exist for this seller; check the trade id and the shop."),
  SHIPMENT_NOT_CONFIRMED(
      "TMALL-044",
      "Tmall answered the shipment without an error but did not confirm it (is_success false) and the trade"
          + " is not shipped; retry later."),
  TMC_PERMIT_REFUSED(
      "TMALL-045",
      "Tmall did not open the message service (TMC) for the seller; check that the application subscribed"
          + " TMC topics in the TOP console and that the seller authorised it."),
  TMC_CONNECT_REFUSED(
      "TMALL-046",
      "The TMC message channel refused the connection (bad app key, signature or group name); check the"
          + " application's credentials and bridge.channel.tmall.tmc.groupName."),
  // Settlement (bills) uses TMALL-06x.
  SETTLEMENT_WINDOW_FULL(
      "TMALL-060",
      "taobao.bill.bills.get lists at most 5,000 bill lines per query window and even the shortest window"
          + " the bridge splits down to (bridge.finance.min-split-window) holds that many; lower"
          + " bridge.finance.min-split-window (down to 1s) and import again.");

  private final String code;
  private final String description;

  TmallErrorCode(String code, String description) {
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
