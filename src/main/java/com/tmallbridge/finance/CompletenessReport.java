package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The completeness check of one shop's day: trades on Tmall against sales orders in the ERP,
 * counted by created and by paid time (GMT+8), and every gap with what the re-fetch made of it.
 *
 * @param shopId the shop
 * @param day the day
 * @param checkedAt when the check ran
 * @param tmallCreated trades Tmall lists as created that day (paid or not)
 * @param tmallPaid trades Tmall lists as paid that day
 * @param erpCreated of the trades created that day, how many have an ERP sales order
 * @param erpPaid of the trades paid that day, how many have an ERP sales order
 * @param gaps paid trades (not closed) without an ERP sales order when the check began
 */
public record CompletenessReport(
    ShopId shopId,
    LocalDate day,
    Instant checkedAt,
    int tmallCreated,
    int tmallPaid,
    int erpCreated,
    int erpPaid,
    List<Gap> gaps) {

  public CompletenessReport {
    gaps = List.copyOf(gaps);
  }

  /** Gaps now in the ERP. */
  public long recovered() {
    return gaps.stream().filter(g -> g.outcome() == GapOutcome.RECOVERED).count();
  }

  /**
   * One paid trade the ERP lacked.
   *
   * @param tid the trade
   * @param outcome what the re-fetch made of it
   * @param detail one readable line
   */
  public record Gap(String tid, GapOutcome outcome, String detail) {}

  /** What the targeted re-fetch made of a gap. */
  public enum GapOutcome {
    /** Read again, delivered: the ERP has the sales order now. */
    RECOVERED,
    /** Read again and queued for the ERP; not delivered yet (see the outbox). */
    QUEUED,
    /** Read again but held by the bridge as an exception (see {@code bridge exceptions list}). */
    HELD,
    /** The bridge had exported it already, yet the ERP does not hold it: removed in the ERP? Needs a person. */
    EXPORTED_BUT_ABSENT,
    /** Tmall does not return the trade any more. */
    NOT_ON_TMALL
  }
}
