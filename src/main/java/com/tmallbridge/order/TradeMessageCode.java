package com.tmallbridge.order;

import com.tmallbridge.core.ErrorCode;

/**
 * What {@link TradeMessages} logs when a pushed message cannot be used. None but {@link
 * #STREAM_REFUSED} stops anything: the message is confirmed (or, for a refused subscription, the
 * shop simply gets no pushes) and polling still brings the trade in at its next cycle.
 */
public enum TradeMessageCode implements ErrorCode {
  UNKNOWN_SHOP("TMC-001", "a message came for a seller nick no configured shop of this app has: add the shop (shop add) or "
      + "cancel the seller's authorisation of the app; the message was confirmed"),
  INCOMPLETE_MESSAGE("TMC-002", "a trade or refund message carried no tid / refund_id: nothing to fetch, the message was confirmed; "
      + "polling brings the change in"),
  FETCH_REFUSED("TMC-003", "Tmall refused to return the trade a message named (permanent error or lost authorisation): "
      + "the message was confirmed; fix the shop's authorisation (shop check) and polling catches up"),
  SUBSCRIBE_FAILED("TMC-004", "taobao.tmc.user.permit failed for a shop: it gets no pushes until the next start, but is still "
      + "polled; check the app's TMC topics in the TOP console and the shop's authorisation"),
  STREAM_FAILED("TMC-005", "the message stream of an app could not be started: the app's shops are still polled; check "
      + "bridge.channel.tmall.tmc.* and the app key/secret"),
  STREAM_REFUSED("TMC-006", "the message channel refused the app's credentials (TMC CONNECTACK 401, e.g. invalid sign or an "
      + "expired timestamp): every shop of the app is marked as needing re-authorisation and is no longer called; check the "
      + "app key and secret and the server's clock, then add the shop again with the right credentials (shop add)");

  private final String code;
  private final String description;

  TradeMessageCode(String code, String description) {
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
