package com.tmallbridge.console.job;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.PollResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The job "re-read a shop's orders since a time" (a backfill, what {@code sync --once --rerun-from}
 * does on the command line): the shop's pull checkpoint goes back to {@code from}, then each step
 * reads one window of trades from the checkpoint through {@link OrderManagement#pollWindows} (the
 * inbox applies only newer snapshots and the ERP is idempotent, so replays change nothing and
 * missed trades are picked up). One unit is one minute of the span from {@code from} to the start
 * of the job; progress is how far the checkpoint has come (the continuous pull, where it runs,
 * moves it too: both read the same windows, the checkpoint only goes forward). A window that fails
 * (Tmall refusing, the shop paused) fails the job with Tmall's reason; what was read stays read.
 */
public final class BackfillWork implements JobWork {
  /** The job kind. */
  public static final String KIND = "backfill";

  private final OrderManagement orders;
  private final ShopId shop;
  private final Instant from;
  private final Clock clock;
  private Instant until = Instant.EPOCH;
  private long total;
  private long received;
  private long applied;

  /**
   * @throws IllegalArgumentException when {@code from} is in the future or more than 3 months back
   *     (checked again when the job begins)
   */
  public BackfillWork(OrderManagement orders, ShopId shop, Instant from, Clock clock) {
    if (from.isAfter(clock.instant())) {
      throw new IllegalArgumentException("the start of the re-read, " + from + ", is in the future");
    }
    this.orders = orders;
    this.shop = shop;
    this.from = from;
    this.clock = clock;
  }

  @Override
  public long begin() {
    orders.rewind(shop, from);
    until = clock.instant();
    total = Math.max(1, Duration.between(from, until).toMinutes());
    return total;
  }

  @Override
  public Step step() {
    PollResult result = orders.pollWindows(shop, 1);
    received += result.received();
    applied += result.applied();
    if (result.error() != null) {
      throw new IllegalStateException(result.error());
    }
    Instant reached = orders.pulledUpTo(shop).orElse(from);
    boolean finished = !reached.isBefore(until);
    long done = finished ? total : Math.min(total, Math.max(0, Duration.between(from, reached).toMinutes()));
    return new Step(done, finished, received + " trades read, " + applied + " new or changed");
  }
}
