package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every after-sale case ever opened, in its latest state, ordered by {@code modified} descending
 * then refund id. Fed by the trade store: a case replaced by a newer one on the same sub-order keeps
 * its last state here, as on TOP. Thread-safe.
 */
final class RefundIndex implements TradeStore.TradeObserver {
  private record Key(long modified, long refundId) {}

  private static final Comparator<Key> NEWEST_FIRST =
      Comparator.comparingLong(Key::modified).reversed().thenComparingLong(Key::refundId);

  private final Map<Long, RefundRecord> byId = new HashMap<>();
  private final TreeMap<Key, RefundRecord> byModified = new TreeMap<>(NEWEST_FIRST);

  /** One page of matching cases and how many match. */
  record Page(int total, List<RefundRecord> refunds) {}

  @Override
  public synchronized void changed(
      @Nullable TradeRecord before, TradeRecord after, boolean live) {
    for (RefundRecord refund : after.refunds()) {
      RefundRecord old = byId.put(refund.refundId(), refund);
      if (old != null) {
        byModified.remove(key(old));
      }
      byModified.put(key(refund), refund);
    }
  }

  synchronized Optional<RefundRecord> get(long refundId) {
    return Optional.ofNullable(byId.get(refundId));
  }

  /**
   * Cases in the given statuses and trade types, modified within [from, to] (either bound may be
   * null), newest first.
   */
  synchronized Page query(
      Set<RefundStatus> statuses,
      Set<TradeType> types,
      @Nullable Instant from,
      @Nullable Instant to,
      long offset,
      int limit) {
    List<RefundRecord> page = new ArrayList<>(limit);
    int total = 0;
    for (RefundRecord refund : byModified.values()) {
      boolean inWindow =
          (from == null || !refund.modified().isBefore(from))
              && (to == null || !refund.modified().isAfter(to));
      if (inWindow && statuses.contains(refund.status()) && types.contains(refund.tradeType())) {
        if (total >= offset && page.size() < limit) {
          page.add(refund);
        }
        total++;
      }
    }
    return new Page(total, page);
  }

  /** Every case, newest first. */
  synchronized List<RefundRecord> all() {
    return List.copyOf(byModified.values());
  }

  /** Cases still waiting for someone, newest first. */
  synchronized List<RefundRecord> open() {
    return byModified.values().stream().filter(r -> !r.status().terminal()).toList();
  }

  private static Key key(RefundRecord refund) {
    return new Key(refund.modified().getEpochSecond(), refund.refundId());
  }
}
