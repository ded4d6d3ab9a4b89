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
          + " invalid quantity); fix the listing or the SKU mapping, the same update fails again.");

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
