package com.tmallbridge.aftersale;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refund with its status history and the ERP effects taken for it ({@code refunds show}).
 *
 * @param refund the refund
 * @param history every status seen, oldest first
 * @param effects every ERP effect, oldest first
 */
public record RefundDetail(RefundView refund, List<StatusSeen> history, List<Effect> effects) {

  /** A status of the refund and Tmall's modified time of the snapshot that had it. */
  public record StatusSeen(String status, Instant modified, Instant seenAt) {}

  /**
   * One effect: {@code HOLD}, {@code RELEASE}, {@code CANCEL_LINES}, {@code CREATE_RETURN},
   * {@code RECEIVE_RETURN}, {@code MONEY_ADJUSTMENT} or {@code RESHIP}.
   */
  public record Effect(String effect, @Nullable String erpDoc, @Nullable Long amountFen, @Nullable Long units, String detail, Instant at) {}
}
