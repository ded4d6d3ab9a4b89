package com.tmallbridge.aftersale;

import com.tmallbridge.aftersale.RefundRepository.EarlierCase;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.Checkpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the goods of one sub-order's after-sale cases booked in the order Tmall created the cases.
 *
 * <p>After an exchange the buyer holds the replacement's goods, so a later return or exchange of the
 * sub-order takes them back from the replacement sales order ({@link
 * RefundRepository#latestReplacement}). That only works when the earlier case was booked first. The
 * bridge does not see cases in creation order: a pushed case arrives at once, a pulled one up to a
 * pull interval later, and a restart loses nothing but reorders. So a case whose rules take goods
 * back waits ({@link #reasonToWait}) until
 * <ol>
 *   <li>the refund pull's checkpoint ({@code tmall}/{@code refunds}) is past the case's creation.
 *       Tmall lets a sub-order have one open case at a time, so every earlier case of the
 *       sub-order was created, and ended, before this one was created; the pull lists cases by
 *       modified time and moves its checkpoint only after a window is stored, so past that point
 *       the bridge holds every earlier case at its final version; and
 *   <li>no earlier case of the sub-order (by {@code created}, then refund id) is still
 *       {@linkplain RefundStage#unfinished() unfinished}: its rules have run on that version.
 * </ol>
 * {@link RefundFollower} adds an ERP-side reason: the replacement sales order the goods are to be
 * taken back from has delivered nothing yet (the buyer returns what the seller shipped; the ERP
 * books it when its delivery is booked). A case that waited {@code bridge.aftersale.case-order-wait} since the bridge first stored it is
 * booked anyway (a pull that cannot run, an earlier case stuck in the outbox) with a warning; if
 * that books against the wrong order, the ERP's refusal shows on the refund as usual.
 */
@Component
class CaseOrder {
  private static final Logger log = LoggerFactory.getLogger(CaseOrder.class);
  /** Shortest pause before a held-back case looks again. */
  static final Duration MIN_PAUSE = Duration.ofSeconds(2);
  /** Longest pause before a held-back case looks again. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(60);

  private final RefundRepository refunds;
  private final Checkpoints checkpoints;
  private final AfterSaleProperties properties;
  private final Clock clock;

  CaseOrder(RefundRepository refunds, Checkpoints checkpoints, AfterSaleProperties properties, Clock clock) {
    this.refunds = refunds;
    this.checkpoints = checkpoints;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Why the goods of case {@code r} must not be booked yet, judged from the bridge's own rows (the
   * pull's checkpoint, the earlier cases' stages), or empty when they may be. Call it inside the
   * transaction that books the case.
   */
  Optional<String> reasonToWait(ShopId shop, RefundView r) {
    Optional<Instant> pulled = checkpoints.get(RefundPoller.SOURCE, RefundPoller.STREAM, shop);
    if (pulled.isEmpty() || !pulled.get().isAfter(r.created())) {
      return Optional.of("the refund pull has read Tmall's cases up to " + pulled.map(Instant::toString).orElse("nothing yet")
          + ", not past " + r.created() + " when case " + r.refundId() + " was created; an earlier case of sub-order " + r.oid()
          + " may not be stored yet");
    }
    Optional<EarlierCase> earlier = refunds.unfinishedEarlierCase(shop, r);
    return earlier.map(e -> "the earlier case " + e.refundId() + " of sub-order " + r.oid() + " is in stage " + e.stage()
        + "; case " + r.refundId() + " is booked after it");
  }

  /**
   * When case {@code r}, held back for {@code reason}, should look again; empty when it has waited
   * {@code bridge.aftersale.case-order-wait} since the bridge first stored it and is to be booked now
   * (logged as a warning). The pause grows with the time already waited, from {@link #MIN_PAUSE} to
   * {@link #MAX_PAUSE}, so a short wait ends quickly and a long one costs few looks.
   */
  Optional<Instant> lookAgainAt(ShopId shop, RefundView r, String reason) {
    Instant now = clock.instant();
    Instant firstSeen = refunds.firstSeen(shop, r.refundId()).orElse(now);
    Duration waited = Duration.between(firstSeen, now);
    if (waited.compareTo(properties.caseOrderWait()) >= 0) {
      log.warn("refund {} of shop {}: booked after waiting {} although {}", r.refundId(), r.shopCode(), waited, reason);
      return Optional.empty();
    }
    Duration pause = waited.dividedBy(10);
    pause = pause.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    return Optional.of(now.plus(pause));
  }
}
