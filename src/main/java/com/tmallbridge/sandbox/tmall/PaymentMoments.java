package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth for latency measurements: the millisecond moment each live trade was paid, taken from
 * the sandbox clock when the payment is stored (the moment its TMC message is published). TOP shows
 * {@code pay_time} at second precision only, so a probe that measured from it would count the
 * fraction of the second before the payment (on average 500 ms) as latency. Never on the wire.
 * Thread-safe.
 */
final class PaymentMoments implements TradeStore.TradeObserver {
  private final Clock clock;
  private final Map<Long, Instant> paidAt = new ConcurrentHashMap<>();

  PaymentMoments(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void changed(@Nullable TradeRecord before, TradeRecord after, boolean live) {
    if (live && after.times().payTime() != null && (before == null || before.times().payTime() == null)) {
      paidAt.putIfAbsent(after.tid(), clock.instant());
    }
  }

  /** The moment a live trade was paid, at the clock's precision; null for history or an unpaid trade. */
  @Nullable Instant paidAt(long tid) {
    return paidAt.get(tid);
  }
}
