package com.tmallbridge.sandbox.tmall;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The trade statuses the sandbox simulates, named exactly as TOP names them. */
enum TradeStatus {
  WAIT_BUYER_PAY,
  WAIT_SELLER_SEND_GOODS,
  /** Some sub-orders shipped in split parcels, others still wait (offline.send with is_split). */
  SELLER_CONSIGNED_PART,
  WAIT_BUYER_CONFIRM_GOODS,
  TRADE_FINISHED,
  TRADE_CLOSED,
  TRADE_CLOSED_BY_TAOBAO;

  /** Statuses TOP documents that no simulated trade ever reaches: valid filters, no matches. */
  private static final Set<String> DOCUMENTED_NOT_SIMULATED =
      Set.of(
          "TRADE_NO_CREATE_PAY",
          "TRADE_BUYER_SIGNED",
          "PAY_PENDING",
          "WAIT_PRE_AUTH_CONFIRM",
          "PAID_FORBID_CONSIGN");

  /**
   * The statuses a {@code status} request parameter selects: all when absent, one status, or the
   * query-only aggregates {@code ALL_WAIT_PAY} and {@code ALL_CLOSED}.
   *
   * @throws TopError 41 when the value is no TOP trade status
   */
  static Set<TradeStatus> parseFilter(@Nullable String value) {
    if (value == null) {
      return EnumSet.allOf(TradeStatus.class);
    }
    switch (value) {
      case "ALL_WAIT_PAY":
        return EnumSet.of(WAIT_BUYER_PAY);
      case "ALL_CLOSED":
        return EnumSet.of(TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO);
      default:
        break;
    }
    for (TradeStatus status : values()) {
      if (status.name().equals(value)) {
        return EnumSet.of(status);
      }
    }
    if (DOCUMENTED_NOT_SIMULATED.contains(value)) {
      return EnumSet.noneOf(TradeStatus.class);
    }
    throw TopError.invalidArgument("status", "unknown trade status '" + value + "'");
  }

  /** Whether the buyer has paid a trade in this status (and it was not closed unpaid). */
  boolean paid() {
    return this != WAIT_BUYER_PAY && this != TRADE_CLOSED_BY_TAOBAO;
  }
}
