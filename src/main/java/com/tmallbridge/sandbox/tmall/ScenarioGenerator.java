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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the store with traffic: history with whole lifecycles already lived, Double 11 bursts of
 * just-paid trades, and live trades created and paid over real time on the scheduler. All random
 * choices come from one seeded generator, so the same calls on the same seed and clock produce the
 * same trades.
 *
 * <p>Stock moves with the trades ({@link ShopStock}): a trade is created only when its units are
 * available and takes them by the item's {@link StockMode}; payment takes 付款减库存 units (and, when
 * the seller lowered the stock meanwhile so that they are gone, Tmall refuses the payment and the
 * trade closes unpaid); closing an unpaid trade gives its units back. Nothing after payment moves
 * stock: not shipping, not finishing, and not refunds, whether a sub-order's refund succeeds before
 * or after shipping and whether or not it closes the whole trade ({@code TRADE_CLOSED}); the units
 * stay sold (付款减库存 units were taken at payment, so no hold is left to release), and returned
 * goods are booked by the seller's ERP, which pushes stock again. When the shop has nothing left
 * to sell, generation stops early. Thread-safe.
 */
final class ScenarioGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioGenerator.class);

  private final TradeGenerator trades;
  private final ShopStock stock;
  private final TradeStore store;
  private final Clock clock;
  private final TradeMix mix;
  private final Duration burstWindow;
  private final ScheduledExecutorService scheduler;
  private final SplittableRandom random;

  ScenarioGenerator(
      TradeGenerator trades,
      ShopStock stock,
      TradeStore store,
      SandboxConfig config,
      ScheduledExecutorService scheduler,
      long seed) {
    this.trades = trades;
    this.stock = stock;
    this.store = store;
    this.clock = config.clock();
    this.mix = config.mix();
    this.burstWindow = config.burstWindow();
    this.scheduler = scheduler;
    this.random = new SplittableRandom(seed ^ 0x7A11_5EEDL);
  }

  /**
   * {@code n} trades created in [from, min(to, now)), each already at its final state.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   */
  synchronized int history(int n, Instant from, Instant to) {
    Instant now = clock.instant();
    Instant end = to.isAfter(now) ? now : to;
    requireCount(n);
    if (!from.isBefore(end)) {
      throw new IllegalArgumentException(
          "history needs from < min(to, now), got " + from + ", " + end);
    }
    List<TradeRecord> made = new ArrayList<>(n);
    for (Instant created : sortedTimes(n, from, Duration.between(from, end))) {
      TradeRecord trade = create(created, mix.type(random.nextDouble()));
      if (trade == null) {
        break;
      }
      List<PlannedEvent> plan =
          Lifecycle.plan(mix.outcome(random.nextDouble()), random, trade.lines().size());
      Instant start = trade.times().created();
      for (PlannedEvent step : Lifecycle.fitWithin(plan, Duration.between(start, now))) {
        trade = apply(step.event(), trade, start.plus(step.offset()));
        if (trade.status() == TradeStatus.TRADE_CLOSED_BY_TAOBAO) {
          break;
        }
      }
      made.add(trade);
    }
    store.putHistory(made);
    return soldOutIfShort(made.size(), n);
  }

  /**
   * {@code n} trades created within the burst window before now and paid seconds later.
   *
   * @return how many were created: fewer than {@code n} only when the shop sold out
   */
  synchronized int burst(int n) {
    requireCount(n);
    Instant now = clock.instant();
    Instant from = now.minus(burstWindow);
    List<TradeRecord> made = new ArrayList<>(n);
    for (Instant created : sortedTimes(n, from, burstWindow)) {
      TradeRecord trade = create(created, mix.type(random.nextDouble()));
      if (trade == null) {
        break;
      }
      Instant paid = trade.times().created().plusSeconds(3 + random.nextInt(58));
      made.add(apply(Lifecycle.payment(random), trade, paid.isAfter(now) ? now : paid));
    }
    store.putAll(made);
    return soldOutIfShort(made.size(), n);
  }

  /**
   * Applies a planned event together with its effect on stock: payment takes 付款减库存 units (or,
   * when they are gone, the payment is refused and the trade closes), closing an unpaid trade gives
   * its units back.
   */
  private TradeRecord apply(TradeEvent event, TradeRecord trade, Instant at) {
    if (trade.status() == TradeStatus.WAIT_BUYER_PAY) {
      if (event instanceof TradeEvent.Paid && !stock.pay(trade.lines(), at)) {
        stock.release(trade.lines(), at);
        return trade.closedByTaobao(at);
      }
      if (event instanceof TradeEvent.ClosedUnpaid) {
        stock.release(trade.lines(), at);
      }
    }
    return event.applyTo(trade, at);
  }

  /** A new trade whose units are reserved, or null when the shop has nothing left to sell. */
  private @Nullable TradeRecord create(Instant created, TradeType type) {
    return create(created, type, null);
  }

  private @Nullable TradeRecord create(Instant created, TradeType type, @Nullable Long onlyItem) {
    for (int attempt = 0; attempt < 3; attempt++) {
      TradeRecord trade = trades.newTrade(random, created, type, onlyItem);
      if (trade == null) {
        return null;
      }
      if (stock.reserve(trade.lines(), created)) {
        return trade;
      }
    }
    return null;
  }

  private static int soldOutIfShort(int made, int wanted) {
    if (made < wanted) {
      LOG.warn("the shop sold out: created {} of {} trades", made, wanted);
    }
    return made;
  }

  /**
   * Creates {@code n} trades spread evenly over the next {@code span}; within the span 85% are paid
   * some seconds after creation, 10% closed unpaid, 5% left unpaid.
   */
  LiveRun live(int n, Duration span) {
    return live(n, span, false);
  }

  /**
   * A paid peak: {@code n} trades created evenly over {@code span}, every one paid one to two
   * seconds after creation, so payments come at {@code n / span} a second, shifted by about 1.5 s.
   */
  LiveRun livePaid(int n, Duration span) {
    return live(n, span, true);
  }

  /**
   * {@code n} trades of one sub-order each on a SKU of item {@code numIid}, created evenly over
   * {@code span} and each paid one to two seconds later (a trade not created when the item has no
   * units left counts in {@link LiveRun} as not created).
   */
  LiveRun livePaidOf(long numIid, int n, Duration span) {
    return live(n, span, true, numIid);
  }

  private LiveRun live(int n, Duration span, boolean allPaid) {
    return live(n, span, allPaid, null);
  }

  private LiveRun live(int n, Duration span, boolean allPaid, @Nullable Long onlyItem) {
    requireCount(n);
    if (span.isNegative()) {
      throw new IllegalArgumentException("span must not be negative");
    }
    LiveRun run = new LiveRun(n);
    long spanMillis = span.toMillis();
    for (int i = 0; i < n; i++) {
      long startMillis = spanMillis * i / n;
      scheduler.schedule(
          () -> createLive(run, spanMillis - startMillis, allPaid, onlyItem), startMillis, TimeUnit.MILLISECONDS);
    }
    return run;
  }

  private void createLive(LiveRun run, long remainingMillis, boolean allPaid, @Nullable Long onlyItem) {
    try {
      TradeRecord trade;
      List<PlannedEvent> plan;
      synchronized (this) {
        trade = create(clock.instant(), mix.type(random.nextDouble()), onlyItem);
        plan = allPaid
            ? List.of(new PlannedEvent(Duration.ofMillis(1_000 + random.nextInt(1_000)), Lifecycle.payment(random)))
            : livePlan(remainingMillis);
      }
      if (trade == null) {
        run.tradeNotCreated();
        return;
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
            store.update(tid, trade -> apply(step.event(), trade, clock.instant()));
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
