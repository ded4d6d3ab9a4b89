package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the store with traffic: history with whole lifecycles already lived, Double 11 bursts of
 * just-paid trades, and live trades created and paid over real time on the scheduler. All random
 * choices come from one seeded generator, so the same calls on the same seed and clock produce the
 * same trades. Thread-safe.
 */
final class ScenarioGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioGenerator.class);

  private final TradeGenerator trades;
  private final TradeStore store;
  private final Clock clock;
  private final TradeMix mix;
  private final Duration burstWindow;
  private final ScheduledExecutorService scheduler;
  private final SplittableRandom random;

  ScenarioGenerator(
      TradeGenerator trades,
      TradeStore store,
      SandboxConfig config,
      ScheduledExecutorService scheduler) {
    this.trades = trades;
    this.store = store;
    this.clock = config.clock();
    this.mix = config.mix();
    this.burstWindow = config.burstWindow();
    this.scheduler = scheduler;
    this.random = new SplittableRandom(config.seed() ^ 0x7A11_5EEDL);
  }

  /** {@code n} trades created in [from, min(to, now)), each already at its final state. */
  synchronized void history(int n, Instant from, Instant to) {
    Instant now = clock.instant();
    Instant end = to.isAfter(now) ? now : to;
    requireCount(n);
    if (!from.isBefore(end)) {
      throw new IllegalArgumentException(
          "history needs from < min(to, now), got " + from + ", " + end);
    }
    List<TradeRecord> made = new ArrayList<>(n);
    for (Instant created : sortedTimes(n, from, Duration.between(from, end))) {
      TradeRecord trade = trades.newTrade(random, created, mix.type(random.nextDouble()));
      List<PlannedEvent> plan =
          Lifecycle.plan(mix.outcome(random.nextDouble()), random, trade.lines().size());
      Instant start = trade.times().created();
      for (PlannedEvent step : Lifecycle.fitWithin(plan, Duration.between(start, now))) {
        trade = step.event().applyTo(trade, start.plus(step.offset()));
      }
      made.add(trade);
    }
    store.putHistory(made);
  }

  /** {@code n} trades created within the burst window before now and paid seconds later. */
  synchronized void burst(int n) {
    requireCount(n);
    Instant now = clock.instant();
    Instant from = now.minus(burstWindow);
    List<TradeRecord> made = new ArrayList<>(n);
    for (Instant created : sortedTimes(n, from, burstWindow)) {
      TradeRecord trade = trades.newTrade(random, created, mix.type(random.nextDouble()));
      Instant paid = trade.times().created().plusSeconds(3 + random.nextInt(58));
      made.add(Lifecycle.payment(random).applyTo(trade, paid.isAfter(now) ? now : paid));
    }
    store.putAll(made);
  }

  /**
   * Creates {@code n} trades spread evenly over the next {@code span}; within the span 85% are paid
   * some seconds after creation, 10% closed unpaid, 5% left unpaid.
   */
  LiveRun live(int n, Duration span) {
    requireCount(n);
    if (span.isNegative()) {
      throw new IllegalArgumentException("span must not be negative");
    }
    LiveRun run = new LiveRun(n);
    long spanMillis = span.toMillis();
    for (int i = 0; i < n; i++) {
      long startMillis = spanMillis * i / n;
      scheduler.schedule(
          () -> createLive(run, spanMillis - startMillis), startMillis, TimeUnit.MILLISECONDS);
    }
    return run;
  }

  private void createLive(LiveRun run, long remainingMillis) {
    try {
      TradeRecord trade;
      List<PlannedEvent> plan;
      synchronized (this) {
        trade = trades.newTrade(random, clock.instant(), mix.type(random.nextDouble()));
        plan = livePlan(remainingMillis);
      }
      store.put(trade);
      continueLive(run, trade.tid(), plan, 0, Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.error("live trade generation failed", e);
      run.tradeCompleted();
    }
  }

  private void continueLive(
      LiveRun run, long tid, List<PlannedEvent> plan, int next, Duration done) {
    if (next == plan.size()) {
      run.tradeCompleted();
      return;
    }
    PlannedEvent step = plan.get(next);
    long delay = step.offset().minus(done).toMillis();
    scheduler.schedule(
        () -> {
          try {
            store.update(tid, trade -> step.event().applyTo(trade, clock.instant()));
            continueLive(run, tid, plan, next + 1, step.offset());
          } catch (RuntimeException e) {
            LOG.error("live event {} on trade {} failed", step.event(), tid, e);
            run.tradeCompleted();
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private List<PlannedEvent> livePlan(long remainingMillis) {
    int roll = random.nextInt(100);
    if (roll < 85) {
      long paid = Math.min(remainingMillis, 1_000 + random.nextInt(14_000));
      return List.of(new PlannedEvent(Duration.ofMillis(paid), Lifecycle.payment(random)));
    }
    if (roll < 95) {
      long closed = Math.min(remainingMillis, 2_000 + random.nextInt(28_000));
      return List.of(new PlannedEvent(Duration.ofMillis(closed), new TradeEvent.ClosedUnpaid()));
    }
    return List.of();
  }

  /** {@code n} sorted random instants in [from, from + span), spread over whole milliseconds. */
  private Instant[] sortedTimes(int n, Instant from, Duration span) {
    long spanMillis = Math.max(1, span.toMillis());
    long[] offsets = new long[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = random.nextLong(spanMillis);
    }
    Arrays.sort(offsets);
    Instant[] times = new Instant[n];
    for (int i = 0; i < n; i++) {
      times[i] = from.plusMillis(offsets[i]);
    }
    return times;
  }

  private static void requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + n);
    }
  }
}
