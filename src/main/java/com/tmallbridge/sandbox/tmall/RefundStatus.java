package com.tmallbridge.sandbox.tmall;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Refund statuses the sandbox simulates, named as TOP names them. */
enum RefundStatus {
  WAIT_SELLER_AGREE,
  WAIT_BUYER_RETURN_GOODS,
  WAIT_SELLER_CONFIRM_GOODS,
  SELLER_REFUSE_BUYER,
  CLOSED,
  SUCCESS;

  /** Documented exchange statuses the sandbox never produces: valid filters, no matches. */
  private static final Set<String> DOCUMENTED_NOT_SIMULATED =
      Set.of(
          "WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS",
          "EXCHANGE_TRANSFORM_TO_REFUND",
          "WAIT_SELLER_CONSIGN_GOODS");

  /** Whether the case is over: nothing can change it any more. */
  boolean terminal() {
    return this == CLOSED || this == SUCCESS;
  }

  /**
   * The statuses a {@code status} filter selects: all when absent, else exactly one.
   *
   * @throws TopError 41 when the value is no TOP refund status
   */
  static Set<RefundStatus> parseFilter(@Nullable String value) {
    if (value == null) {
      return EnumSet.allOf(RefundStatus.class);
    }
    for (RefundStatus status : values()) {
      if (status.name().equals(value)) {
        return EnumSet.of(status);
      }
    }
    if (DOCUMENTED_NOT_SIMULATED.contains(value)) {
      return EnumSet.noneOf(RefundStatus.class);
    }
    throw TopError.invalidArgument("status", "unknown refund status '" + value + "'");
  }
}
