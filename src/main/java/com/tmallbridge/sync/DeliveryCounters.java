package com.tmallbridge.sync;

import java.util.concurrent.atomic.LongAdder;

/** In-memory counts behind {@link OutboxDispatcher#stats()}; thread-safe. */
final class DeliveryCounters {
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder blocked = new LongAdder();
  private final LongAdder claimsLost = new LongAdder();
  private final LongAdder recovered = new LongAdder();

  void count(DeliveryOutcome outcome) {
    switch (outcome) {
      case DELIVERED -> delivered.increment();
      case FAILED -> failed.increment();
      case BLOCKED -> blocked.increment();
      case NOT_RECORDED -> claimsLost.increment();
    }
  }

  void countRecovered() {
    recovered.increment();
  }

  DispatcherStats snapshot() {
    return new DispatcherStats(delivered.sum(), failed.sum(), blocked.sum(), claimsLost.sum(), recovered.sum());
  }
}
