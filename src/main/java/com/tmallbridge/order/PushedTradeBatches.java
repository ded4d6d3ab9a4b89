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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the pushed trade messages of each shop and reads their trades together ({@link
 * OrderFeed#pushedTrades}: for Tmall a few list pages instead of one fetch per trade), on one
 * reading thread per shop, so a shop has one round in flight. A round takes every message waiting
 * for the shop; the next round starts when this one ended and at least {@code interval} after it
 * began, or, after a round that made n calls, n ÷ {@code callsPerSecond} seconds after it began:
 * so a peak of payments fills rounds instead of multiplying calls (a list page sorted newest first
 * read every 50 ms would list the newest second's trades again each time). What a read answers is
 * imported on the shop's own importing thread, in the order it was read (reads queued meanwhile
 * together, up to {@link #IMPORT_BATCH} trades, in transactions of at most {@link #IMPORT_CHUNK}),
 * while the round reads on: the next page or round is listed while the last one commits. At most
 * {@link #IMPORTS_QUEUED} reads wait for the importing thread; a round that would queue more waits
 * for it.
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
  /** Reads (list pages, fetches) answered and waiting for a shop's importing thread, at most. */
  static final int IMPORTS_QUEUED = 10;
  /** Trades after which the importing thread takes no further read before it has imported those it took. */
  static final int IMPORT_BATCH = 300;
  /**
   * Trades a transaction of the importing thread holds at most: under a peak a read answers up to a
   * page of 100 trades, and the first of them commit (and go on to the ERP) after a quarter of the
   * time that one transaction of all of them would take.
   */
  static final int IMPORT_CHUNK = 25;

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
  private final int callsPerSecond;
  private final Timer messageTimer;
  private final OrderMeters.MessageStages stages;
  private final Timer importTimer;
  private final Outcomes outcomes;
  private final Map<Long, ShopQueue> queues = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  PushedTradeBatches(OrderFeed feed, TradeImporter importer, ShopManagement shops, Clock clock, Duration interval,
      int callsPerSecond, Timer messageTimer, OrderMeters.MessageStages stages, Timer importTimer, Outcomes outcomes) {
    this.feed = feed;
    this.importer = importer;
    this.shops = shops;
    this.clock = clock;
    this.interval = interval;
    this.callsPerSecond = callsPerSecond;
    this.messageTimer = messageTimer;
    this.stages = stages;
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

  /**
   * The shortest time from the start of a round that made {@code calls} calls to the start of the
   * next: {@code interval}, or {@code calls ÷ callsPerSecond} seconds when that is longer.
   */
  static Duration spacing(Duration interval, int calls, int callsPerSecond) {
    Duration byCalls = Duration.ofNanos(calls * 1_000_000_000L / callsPerSecond);
    return byCalls.compareTo(interval) > 0 ? byCalls : interval;
  }

  /** Starts again after {@link #stop}. */
  void start() {
    stopped = false;
  }

  /** A message waiting for its trade; {@code answered} once a read that answers it is queued for import. */
  private static final class Pending {
    final ChannelMessage message;
    final long receivedNanos;
    final CompletableFuture<Void> done;
    volatile boolean answered;
    /** When the round that took this message began, or the read that answered it without a round. */
    volatile long roundNanos;
    /** When the read that answers it was handed to the importing thread. */
    volatile long answeredNanos;

    Pending(ChannelMessage message, long receivedNanos, CompletableFuture<Void> done) {
      this.message = message;
      this.receivedNanos = receivedNanos;
      this.done = done;
    }

    String tid() {
      return message.tid();
    }

    boolean open() {
      return !answered && !done.isDone();
    }
  }

  /** The trades of one read and the messages they answer, waiting for the importing thread. */
  private record Answer(Shop shop, List<ChannelTrade> trades, List<Pending> messages) {}

  /** A trade of a read and the messages that read answers for it. */
  private record Answered(ChannelTrade trade, List<Pending> messages) {}

  /**
   * The trades of {@code answers}, in order, cut into pieces of at most {@link #IMPORT_CHUNK}, each
   * trade with the messages its own read answers (a message is answered by one read: the one that
   * began after it was received, never by another read of the same trade).
   */
  private static List<List<Answered>> chunks(List<Answer> answers) {
    List<List<Answered>> chunks = new ArrayList<>();
    List<Answered> chunk = new ArrayList<>();
    for (Answer answer : answers) {
      Map<String, List<Pending>> byTid = new HashMap<>();
      answer.messages().forEach(p -> byTid.computeIfAbsent(p.tid(), t -> new ArrayList<>()).add(p));
      for (ChannelTrade trade : answer.trades()) {
        if (chunk.size() == IMPORT_CHUNK) {
          chunks.add(chunk);
          chunk = new ArrayList<>();
        }
        chunk.add(new Answered(trade, byTid.getOrDefault(trade.tid(), List.of())));
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** One shop's waiting messages and its reading thread. */
  private final class ShopQueue {
    private final ScheduledExecutorService thread;
    private final ExecutorService importing;
    private final Semaphore importSlots = new Semaphore(IMPORTS_QUEUED);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Pending> waiting = new ArrayList<>();
    /** How many messages of each tid {@link #waiting} holds. */
    private final Map<String, Integer> waitingTids = new HashMap<>();
    private Shop shop;
    private boolean scheduled;
    private long lastRound;
    private long gap = interval.toNanos();

    ShopQueue() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread t = new Thread(runnable, "tmc-trade-reader");
        t.setDaemon(true);
        return t;
      });
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.thread = executor;
      this.importing = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "tmc-trade-import");
        t.setDaemon(true);
        return t;
      });
    }

    synchronized void add(Shop latest, Pending pending) {
      shop = latest;
      waiting.add(pending);
      waitingTids.merge(pending.tid(), 1, Integer::sum);
      if (!scheduled) {
        scheduled = true;
        long wait = Math.max(0, lastRound + gap - System.nanoTime());
        thread.schedule(this::round, wait, TimeUnit.NANOSECONDS);
      }
    }

    void stop() {
      thread.shutdownNow();
      // not interrupted: a running import finishes its transaction (its messages are then answered);
      // the reads still queued are failed below and come again
      importing.shutdown();
      List<Pending> left;
      synchronized (this) {
        left = new ArrayList<>(waiting);
        waiting.clear();
        waitingTids.clear();
      }
      for (Answer a = answers.poll(); a != null; a = answers.poll()) {
        left.addAll(a.messages());
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
        waitingTids.clear();
        current = shop;
        lastRound = System.nanoTime();
      }
      long began = lastRound;
      batch.forEach(p -> p.roundNanos = began);
      int calls = 0;
      try {
        calls = read(current, batch);
      } catch (RuntimeException | Error e) {
        unanswered(current, batch, e);
      } finally {
        synchronized (this) {
          gap = spacing(interval, calls, callsPerSecond).toNanos();
          if (log.isDebugEnabled()) {
            log.debug("round of {} message(s): {} call(s) in {} ms; next no sooner than {} ms after its start; {} waiting, {} read(s) queued for import",
                batch.size(), calls, (System.nanoTime() - began) / 1_000_000, gap / 1_000_000, waiting.size(), answers.size());
          }
          if (waiting.isEmpty() || stopped) {
            scheduled = false;
          } else {
            long wait = Math.max(0, lastRound + gap - System.nanoTime());
            thread.schedule(this::round, wait, TimeUnit.NANOSECONDS);
          }
        }
      }
    }

    /** @return the calls the read made */
    private int read(Shop current, List<Pending> batch) {
      if (!current.callableAt(clock.instant())) {
        throw new IllegalStateException("shop " + current.code() + " is paused until " + current.pausedUntil() + "; message comes again");
      }
      List<ChannelMessage> messages = batch.stream().map(p -> p.message).toList();
      Set<String> batchTids = new HashSet<>();
      batch.forEach(p -> batchTids.add(p.tid()));
      int calls = feed.pushedTrades(current.credentials(), messages, new OrderFeed.PushedTradeSink() {
        @Override
        public boolean wants(String tid) {
          return batchTids.contains(tid) || waitingFor(tid);
        }

        @Override
        public void read(List<ChannelTrade> trades, long startedNanos) {
          answer(current, batch, trades, startedNanos);
        }

        @Override
        public void missing(String tid) {
          for (Pending p : batch) {
            if (tid.equals(p.tid()) && p.open()) {
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
            if (tid.equals(p.tid()) && p.open()) {
              log.warn("{} message {} trade {} shop {}: {}; confirmed", TradeMessageCode.FETCH_REFUSED.code(), p.message.id(),
                  tid, current.code(), problem.getMessage());
              outcomes.ignored();
              p.done.complete(null);
            }
          }
        }
      });
      for (Pending p : batch) {
        if (p.open()) {
          p.done.completeExceptionally(new IllegalStateException("trade " + p.tid() + " was not read; message comes again"));
        }
      }
      return calls;
    }

    /** Whether a message of {@code tid} waits for the next round (a page of this round may answer it). */
    private synchronized boolean waitingFor(String tid) {
      return waitingTids.containsKey(tid);
    }

    /**
     * Queues the trades that answer waiting messages (of the round, or arrived before the read
     * began) for the importing thread; waits while {@link #IMPORTS_QUEUED} reads are queued.
     */
    private void answer(Shop current, List<Pending> batch, List<ChannelTrade> trades, long startedNanos) {
      Map<String, ChannelTrade> byTid = new LinkedHashMap<>();
      trades.forEach(t -> byTid.put(t.tid(), t));
      List<Pending> answered = new ArrayList<>();
      for (Pending p : batch) {
        if (p.open() && byTid.containsKey(p.tid())) {
          answered.add(p);
        }
      }
      synchronized (this) {
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
          Pending p = it.next();
          if (p.receivedNanos - startedNanos < 0 && byTid.containsKey(p.tid())) {
            p.roundNanos = startedNanos;
            answered.add(p);
            it.remove();
            waitingTids.computeIfPresent(p.tid(), (tid, n) -> n > 1 ? n - 1 : null);
          }
        }
      }
      if (answered.isEmpty()) {
        return;
      }
      List<ChannelTrade> page = answered.stream().map(p -> byTid.get(p.tid())).distinct().toList();
      try {
        importSlots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        IllegalStateException stopping = new IllegalStateException("message consumer stopping; message comes again", e);
        answered.forEach(p -> p.done.completeExceptionally(stopping));
        throw stopping;
      }
      long handed = System.nanoTime();
      answered.forEach(p -> {
        p.answeredNanos = handed;
        p.answered = true;
      });
      Answer answer = new Answer(current, page, answered);
      answers.add(answer);
      try {
        importing.execute(this::importAnswers);
      } catch (RejectedExecutionException e) {
        answers.remove(answer);
        importSlots.release();
        answered.forEach(p -> p.done.completeExceptionally(new IllegalStateException("message consumer stopped; message comes again")));
      }
    }

    /**
     * Imports the queued reads in order, up to {@link #IMPORT_BATCH} trades, in transactions of at
     * most {@link #IMPORT_CHUNK} trades, and completes each message once the transaction holding its
     * own read of its trade committed.
     */
    private void importAnswers() {
      List<Answer> taken = new ArrayList<>();
      int trades = 0;
      while (trades < IMPORT_BATCH) {
        Answer next = answers.poll();
        if (next == null) {
          break;
        }
        taken.add(next);
        trades += next.trades().size();
      }
      if (taken.isEmpty()) {
        return;
      }
      try {
        List<List<Answered>> chunks = chunks(taken);
        for (int i = 0; i < chunks.size(); i++) {
          List<Answered> chunk = chunks.get(i);
          List<Pending> messages = chunk.stream().flatMap(a -> a.messages().stream()).toList();
          List<ChannelTrade> page = chunk.stream().map(Answered::trade).toList();
          long started = System.nanoTime();
          try {
            importer.importPage(taken.get(taken.size() - 1).shop(), page);
          } catch (RuntimeException | Error e) {
            List<Pending> failed = chunks.subList(i, chunks.size()).stream().flatMap(List::stream)
                .flatMap(a -> a.messages().stream()).toList();
            log.warn("importing {} pushed trade(s) failed; their {} message(s) come again: {}", page.size(), failed.size(), e.toString());
            failed.forEach(p -> p.done.completeExceptionally(e));
            return;
          }
          long done = System.nanoTime();
          importTimer.record(done - started, TimeUnit.NANOSECONDS);
          for (Pending p : messages) {
            messageTimer.record(done - p.receivedNanos, TimeUnit.NANOSECONDS);
            stages.round().record(p.roundNanos - p.receivedNanos, TimeUnit.NANOSECONDS);
            stages.read().record(p.answeredNanos - p.roundNanos, TimeUnit.NANOSECONDS);
            stages.importing().record(done - p.answeredNanos, TimeUnit.NANOSECONDS);
            outcomes.imported();
            p.done.complete(null);
          }
        }
      } finally {
        importSlots.release(taken.size());
      }
    }

    /** The round failed: transient trouble fails what is left (it comes again), a refusal for good confirms it. */
    private void unanswered(Shop current, List<Pending> batch, Throwable e) {
      boolean transientTrouble = !(e instanceof ChannelException ce) || shops.recordFailure(current.id(), ce);
      for (Pending p : batch) {
        if (!p.open()) {
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
