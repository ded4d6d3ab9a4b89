package com.tmallbridge.demo;

import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeMessages;
import com.tmallbridge.sandbox.tmall.LiveRun;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Payment → ERP order latency under a Double 11 burst: live trades are created and paid in the
 * sandbox at a high rate while continuous sync runs (polling every {@code bridge.order.poll-interval},
 * plus pushed TMC messages when {@code bridge.channel.tmall.tmc.enabled}); when every paid trade has
 * its ERP order, {@link LatencyProbe} measures each one from the sandbox's pay time to the built-in
 * ERP's creation time. One run measures one configuration; {@code bench latency} runs it once with
 * TMC and once polling only, each in a fresh bridge.
 */
@Service
public class LatencyBenchmark {
  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final TradeMessages messages;
  private final LatencyProbe probe;
  private final Clock clock;
  private final StageBreakdown stages;

  LatencyBenchmark(DemoSeeder seeder, OrderSync sync, TradeMessages messages, LatencyProbe probe, Clock clock, StageBreakdown stages) {
    this.stages = stages;
    this.seeder = seeder;
    this.sync = sync;
    this.messages = messages;
    this.probe = probe;
    this.clock = clock;
  }

  /** Starts a sandbox for a run on the system clock (the bridge's clock); the caller closes it. */
  public static TmallSandbox startSandbox(long seed) {
    return TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(Clock.systemUTC()));
  }

  /**
   * Runs the stream against {@code sandbox} (started with {@link #startSandbox}), without a peak.
   *
   * @param trades trades created over {@code span}; most are paid seconds after creation
   * @param timeout how long to wait after the stream for the last paid trade to reach the ERP
   * @param progress receives one line per step
   */
  public Result run(TmallSandbox sandbox, int trades, Duration span, Duration timeout, Consumer<String> progress)
      throws InterruptedException {
    return run(sandbox, trades, span, Peak.NONE, timeout, progress);
  }

  /**
   * Runs the stream against {@code sandbox} (started with {@link #startSandbox}) with a paid peak on
   * top of it.
   *
   * @param trades trades created over {@code span}; most are paid seconds after creation
   * @param peak trades all paid, created at a higher rate for a while during the stream
   * @param timeout how long to wait after the stream for the last paid trade to reach the ERP
   * @param progress receives one line per step
   */
  public Result run(TmallSandbox sandbox, int trades, Duration span, Peak peak, Duration timeout, Consumer<String> progress)
      throws InterruptedException {
    Instant start = clock.instant();
    Shop shop = seeder.addShop(sandbox, start.minus(Duration.ofMinutes(5)));
    seeder.seedMaterials(sandbox, shop);
    sync.start();
    try {
      if (messages.enabled()) {
        progress.accept("  waiting for the TMC connection");
        waitUntil(messages::connected, Duration.ofSeconds(30));
        if (!messages.connected()) {
          throw new IllegalStateException("TMC is enabled but the message stream did not connect within 30 s");
        }
      }
      Instant burstFrom = clock.instant();
      stages.restart();
      progress.accept("  burst: " + trades + " live trades over " + span.toSeconds() + " s");
      LiveRun run = sandbox.generateLive(trades, span);
      LiveRun peakRun = null;
      if (peak.trades() > 0) {
        pause(peak.after().toMillis());
        progress.accept("  peak: " + peak.trades() + " more trades, all paid, over " + peak.span().toSeconds() + " s");
        peakRun = sandbox.generateLivePaid(peak.trades(), peak.span());
      }
      if (!run.awaitDone(span.plus(Duration.ofMinutes(2)))
          || peakRun != null && !peakRun.awaitDone(peak.span().plus(Duration.ofMinutes(2)))) {
        throw new IllegalStateException("the sandbox did not finish the burst");
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      LatencyProbe.Latency latency = probe.measure(sandbox, shop, burstFrom);
      long lastShown = 0;
      while (!latency.complete() && System.nanoTime() < deadline) {
        if (System.nanoTime() - lastShown > 5_000_000_000L) {
          progress.accept("  " + latency.arrived() + "/" + latency.paid() + " paid trades in the ERP");
          lastShown = System.nanoTime();
        }
        pause(500);
        latency = probe.measure(sandbox, shop, burstFrom);
      }
      LatencyProbe.Latency bySecond = probe.measureFromPaySecond(sandbox, shop, burstFrom);
      progress.accept("  measured from TOP's second-precision pay_time instead (the old time base): p50_ms=" + bySecond.p50Ms()
          + " p99_ms=" + bySecond.p99Ms());
      return new Result(latency, messages.stats(), stages.table());
    } finally {
      sync.stop();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      pause(100);
    }
  }

  private static void pause(long millis) throws InterruptedException {
    Object tick = new Object();
    synchronized (tick) {
      tick.wait(millis);
    }
  }

  /**
   * A paid peak during the stream.
   *
   * @param trades trades created evenly over {@code span}, each paid one to two seconds later; 0 for none
   * @param span how long the peak lasts
   * @param after when it starts, from the start of the stream
   */
  public record Peak(int trades, Duration span, Duration after) {
    /** No peak. */
    public static final Peak NONE = new Peak(0, Duration.ofSeconds(1), Duration.ZERO);
  }

  /**
   * One run.
   *
   * @param latency payment → ERP order figures
   * @param messages pushed-message counters (all zero when TMC was off)
   * @param stages the per-stage breakdown from the start of the burst ({@link StageBreakdown#table()})
   */
  public record Result(LatencyProbe.Latency latency, TradeMessages.Stats messages, java.util.List<String> stages) {}
}
