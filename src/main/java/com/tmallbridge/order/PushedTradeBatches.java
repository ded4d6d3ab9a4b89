package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the pushed trade messages of each shop and reads their trades together ({@link
 * OrderFeed#pushedTrades}: for Tmall a few list pages instead of one fetch per trade), on one
 * thread per shop. A round takes every message waiting for the shop; the next round starts when
 * this one ended and at least {@code interval} after it began, so a peak of payments fills rounds
 * instead of multiplying calls.
 *
 * <p>A message's stage completes only once a snapshot of its trade, read by a call that began
 * after the message was received (so it shows the message's change), has been imported and
 * committed — or at once, logged, when the channel says the trade does not exist or refuses for
 * good. Several messages of one trade waiting together are answered by one read; a message that
 * arrived during a round is answered by a later page of that round when the page lists its trade.
 * On transient trouble (retryable or flow-control failure, paused shop, database error) every
 * message not yet answered completes exceptionally, and the channel delivers it again. Thread-safe.
 */
final class PushedTradeBatches {
  private static final Logger log = LoggerFactory.getLogger(PushedTradeBatches.class);

  /** Told how each message ended, for the counters of {@link TradeMessages}. */
  interface Outcomes {
    void imported();

    void ignored();
  }

  private final OrderFeed feed;
  private final TradeImporter importer;
  private final ShopManagement shops;
  private final Clock clock;
  private final Duration interval;
  private final Timer messageTimer;
  private final Timer importTimer;
  private final Outcomes outcomes;
  private final Map<Long, ShopQueue> queues = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  PushedTradeBatches(OrderFeed feed, TradeImporter importer, ShopManagement shops, Clock clock, Duration interval,
      Timer messageTimer, Timer importTimer, Outcomes outcomes) {
    this.feed = feed;
    this.importer = importer;
    this.shops = shops;
    this.clock = clock;
    this.interval = interval;
    this.messageTimer = messageTimer;
    this.importTimer = importTimer;
    this.outcomes = outcomes;
  }

  /**
   * Queues a trade message of {@code shop} (its tid set) for the shop's next round.
   *
   * @return completes when the message may be confirmed; exceptionally when it must come again
   */
  CompletableFuture<Void> submit(Shop shop, ChannelMessage message) {
    Pending pending = new Pending(message, System.nanoTime(), new CompletableFuture<>());
    if (stopped) {
      pending.done.completeExceptionally(new IllegalStateException("message consumer stopping; message comes again"));
      return pending.done;
    }
    queues.computeIfAbsent(shop.id().value(), id -> new ShopQueue()).add(shop, pending);
    return pending.done;
  }

  /** Stops the reading threads; messages not answered yet complete exceptionally (they come again). */
  void stop() {
    stopped = true;
    for (ShopQueue queue : queues.values()) {
      queue.stop();
    }
    queues.clear();
  }

  /** Starts again after {@link #stop}. */
  void start() {
    stopped = false;
  }

  private record Pending(ChannelMessage message, long receivedNanos, CompletableFuture<Void> done) {
    String tid() {
      return message.tid();
    }
  }

  /** One shop's waiting messages and its reading thread. */
  private final class ShopQueue {
    private final ScheduledExecutorService thread;
    private final List<Pending> waiting = new ArrayList<>();
    private Shop shop;
    private boolean scheduled;
    private long lastRound;

    ShopQueue() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread t = new Thread(runnable, "tmc-trade-reader");
        t.setDaemon(true);
        return t;
      });
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.thread = executor;
    }

    synchronized void add(Shop latest, Pending pending) {
      shop = latest;
      waiting.add(pending);
      if (!scheduled) {
        scheduled = true;
        long wait = Math.max(0, lastRound + interval.toNanos() - System.nanoTime());
        thread.schedule(this::round, wait, TimeUnit.NANOSECONDS);
      }
    }

    void stop() {
      thread.shutdownNow();
      List<Pending> left;
      synchronized (this) {
        left = new ArrayList<>(waiting);
        waiting.clear();
      }
      IllegalStateException stopping = new IllegalStateException("message consumer stopped; message comes again");
      left.forEach(p -> p.done.completeExceptionally(stopping));
    }

    private void round() {
      List<Pending> batch;
      Shop current;
      synchronized (this) {
        batch = new ArrayList<>(waiting);
        waiting.clear();
        current = shop;
        lastRound = System.nanoTime();
      }
      try {
        read(current, batch);
      } catch (RuntimeException | Error e) {
        unanswered(current, batch, e);
      } finally {
        synchronized (this) {
          if (waiting.isEmpty() || stopped) {
            scheduled = false;
          } else {
            long wait = Math.max(0, lastRound + interval.toNanos() - System.nanoTime());
            thread.schedule(this::round, wait, TimeUnit.NANOSECONDS);
          }
        }
      }
    }

    private void read(Shop current, List<Pending> batch) {
      if (!current.callableAt(clock.instant())) {
        throw new IllegalStateException("shop " + current.code() + " is paused until " + current.pausedUntil() + "; message comes again");
      }
      List<ChannelMessage> messages = batch.stream().map(Pending::message).toList();
      feed.pushedTrades(current.credentials(), messages, new OrderFeed.PushedTradeSink() {
        @Override
        public void read(List<ChannelTrade> trades, long startedNanos) {
          answer(current, batch, trades, startedNanos);
        }

        @Override
        public void missing(String tid) {
          for (Pending p : batch) {
            if (tid.equals(p.tid()) && !p.done.isDone()) {
              log.warn("{} message {}: Tmall says trade {} does not exist for shop {}; confirmed",
                  TradeMessageCode.FETCH_REFUSED.code(), p.message.id(), tid, current.code());
              outcomes.ignored();
              p.done.complete(null);
            }
          }
        }

        @Override
        public void refused(String tid, ChannelException problem) {
          shops.recordFailure(current.id(), problem);
          for (Pending p : batch) {
            if (tid.equals(p.tid()) && !p.done.isDone()) {
              log.warn("{} message {} trade {} shop {}: {}; confirmed", TradeMessageCode.FETCH_REFUSED.code(), p.message.id(),
                  tid, current.code(), problem.getMessage());
              outcomes.ignored();
              p.done.complete(null);
            }
          }
        }
      });
      for (Pending p : batch) {
        if (!p.done.isDone()) {
          p.done.completeExceptionally(new IllegalStateException("trade " + p.tid() + " was not read; message comes again"));
        }
      }
    }

    /** Imports the trades that answer waiting messages (of the round, or arrived before the read began). */
    private void answer(Shop current, List<Pending> batch, List<ChannelTrade> trades, long startedNanos) {
      Map<String, ChannelTrade> byTid = new LinkedHashMap<>();
      trades.forEach(t -> byTid.put(t.tid(), t));
      List<Pending> answered = new ArrayList<>();
      for (Pending p : batch) {
        if (!p.done.isDone() && byTid.containsKey(p.tid())) {
          answered.add(p);
        }
      }
      synchronized (this) {
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
          Pending p = it.next();
          if (p.receivedNanos - startedNanos < 0 && byTid.containsKey(p.tid())) {
            answered.add(p);
            it.remove();
          }
        }
      }
      if (answered.isEmpty()) {
        return;
      }
      List<ChannelTrade> page = answered.stream().map(p -> byTid.get(p.tid())).distinct().toList();
      long importing = System.nanoTime();
      try {
        importer.importPage(current, page);
      } catch (RuntimeException | Error e) {
        answered.forEach(p -> p.done.completeExceptionally(e));
        throw e;
      }
      long done = System.nanoTime();
      importTimer.record(done - importing, TimeUnit.NANOSECONDS);
      for (Pending p : answered) {
        messageTimer.record(done - p.receivedNanos, TimeUnit.NANOSECONDS);
        outcomes.imported();
        p.done.complete(null);
      }
    }

    /** The round failed: transient trouble fails what is left (it comes again), a refusal for good confirms it. */
    private void unanswered(Shop current, List<Pending> batch, Throwable e) {
      boolean transientTrouble = !(e instanceof ChannelException ce) || shops.recordFailure(current.id(), ce);
      for (Pending p : batch) {
        if (p.done.isDone()) {
          continue;
        }
        if (transientTrouble) {
          p.done.completeExceptionally(e);
        } else {
          log.warn("{} message {} trade {} shop {}: {}; confirmed", TradeMessageCode.FETCH_REFUSED.code(), p.message.id(),
              p.tid(), current.code(), e.getMessage());
          outcomes.ignored();
          p.done.complete(null);
        }
      }
    }
  }
}
