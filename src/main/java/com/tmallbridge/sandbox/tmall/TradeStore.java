package com.tmallbridge.sandbox.tmall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The shop's trades in memory: snapshots by tid plus two {@link TradeIndex}es (by modified, by
 * created) kept in step under one read-write lock, so a page request never sees a trade half moved.
 * Snapshots are immutable and safe to render outside the lock. Thread-safe.
 */
final class TradeStore {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Long, TradeRecord> byTid = new HashMap<>();
  private final TradeIndex byModified = new TradeIndex(TradeRecord.categoryCount());
  private final TradeIndex byCreated = new TradeIndex(TradeRecord.categoryCount());

  /**
   * Sees every change of a trade, under the store's write lock, in the order the changes happen.
   * Must be quick and must not call back into the store.
   */
  interface TradeObserver {
    /**
     * @param before the previous snapshot, null for a new trade
     * @param after the new snapshot
     * @param live false for generated history (events that happened before now), true otherwise
     */
    void changed(@Nullable TradeRecord before, TradeRecord after, boolean live);
  }

  private final List<TradeObserver> observers = new CopyOnWriteArrayList<>();

  void observe(TradeObserver observer) {
    observers.add(observer);
  }

  /** Adds new trades as live events; a tid already present is replaced. */
  void putAll(Collection<TradeRecord> trades) {
    putAll(trades, true);
  }

  /** Adds generated history: observers see it with {@code live=false}. */
  void putHistory(Collection<TradeRecord> trades) {
    putAll(trades, false);
  }

  private void putAll(Collection<TradeRecord> trades, boolean live) {
    lock.writeLock().lock();
    try {
      trades.forEach(trade -> putLocked(trade, live));
    } finally {
      lock.writeLock().unlock();
    }
  }

  void put(TradeRecord trade) {
    putAll(List.of(trade));
  }

  /**
   * Applies a change to one trade atomically.
   *
   * @return the new snapshot
   * @throws IllegalArgumentException when the tid is unknown
   */
  TradeRecord update(long tid, UnaryOperator<TradeRecord> change) {
    lock.writeLock().lock();
    try {
      TradeRecord current = byTid.get(tid);
      if (current == null) {
        throw new IllegalArgumentException("no trade " + tid);
      }
      TradeRecord changed = change.apply(current);
      putLocked(changed, true);
      return changed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  Optional<TradeRecord> get(long tid) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byTid.get(tid));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One page of a filtered window, newest first, and the window's total. */
  TradePage query(TradeQuery query) {
    TradeIndex index = query.axis() == TradeQuery.Axis.MODIFIED ? byModified : byCreated;
    long from = query.from().getEpochSecond();
    long to = query.to().getEpochSecond();
    lock.readLock().lock();
    try {
      int total = index.count(from, to, query.categories());
      List<Long> tids = index.page(from, to, query.categories(), query.offset(), query.limit());
      List<TradeRecord> trades = new ArrayList<>(tids.size());
      tids.forEach(tid -> trades.add(byTid.get(tid)));
      return new TradePage(total, trades);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every snapshot, ordered by tid. */
  List<TradeRecord> all() {
    lock.readLock().lock();
    try {
      List<TradeRecord> all = new ArrayList<>(byTid.values());
      all.sort(Comparator.comparingLong(TradeRecord::tid));
      return all;
    } finally {
      lock.readLock().unlock();
    }
  }

  int size() {
    lock.readLock().lock();
    try {
      return byTid.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void putLocked(TradeRecord trade, boolean live) {
    TradeRecord old = byTid.put(trade.tid(), trade);
    if (old != null) {
      byModified.remove(old.times().modified().getEpochSecond(), old.tid(), old.category());
      byCreated.remove(old.times().created().getEpochSecond(), old.tid(), old.category());
    }
    byModified.insert(trade.times().modified().getEpochSecond(), trade.tid(), trade.category());
    byCreated.insert(trade.times().created().getEpochSecond(), trade.tid(), trade.category());
    for (TradeObserver observer : observers) {
      observer.changed(old, trade, live);
    }
  }
}
