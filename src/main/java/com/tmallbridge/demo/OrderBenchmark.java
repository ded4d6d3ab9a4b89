package com.tmallbridge.demo;

import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The Double 11 order benchmark: a burst of trades through sandbox → bridge → built-in ERP, timed
 * end to end, next to two floors measured in the same run on the same data: fetching and parsing the
 * pages with no database, and a plain JDBC batch insert of the same rows.
 */
@Service
public class OrderBenchmark {
  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final OrderFeed feed;
  private final DemoRunner demo;
  private final Clock clock;

  OrderBenchmark(DemoSeeder seeder, OrderSync sync, OrderManagement orders, OrderFeed feed, DemoRunner demo, Clock clock) {
    this.seeder = seeder;
    this.sync = sync;
    this.orders = orders;
    this.feed = feed;
    this.demo = demo;
    this.clock = clock;
  }

  /**
   * Runs the benchmark.
   *
   * @param trades trades in the burst
   * @param scratch a directory for the insert floor's own H2 database
   * @param progress receives one line per step
   */
  public Figures run(int trades, long seed, Path scratch, Consumer<String> progress) throws Exception {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(clock))) {
      Instant now = clock.instant();
      progress.accept("generating a burst of " + trades + " trades");
      sandbox.burst(trades);
      Shop shop = seeder.addShop(sandbox, now.minus(Duration.ofMinutes(15)));
      seeder.seedMaterials(sandbox, shop);
      long paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).count();
      System.gc();
      resetPeaks();

      progress.accept("end to end: " + trades + " trades (" + paid + " paid) sandbox -> bridge -> built-in ERP");
      long t0 = System.nanoTime();
      sync.start(2);
      AtomicLong lastShown = new AtomicLong();
      Object tick = new Object();
      while (orders.stateCounts().getOrDefault(TradeState.EXPORTED, 0L) < paid) {
        long exported = orders.stateCounts().getOrDefault(TradeState.EXPORTED, 0L);
        if (System.nanoTime() - lastShown.get() > 5_000_000_000L) {
          progress.accept("  " + exported + "/" + paid + " in the ERP after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
          lastShown.set(System.nanoTime());
        }
        synchronized (tick) {
          tick.wait(250);
        }
      }
      double e2eSeconds = (System.nanoTime() - t0) / 1e9;
      sync.stop();
      long heapMb = peakHeapMb();
      OrderCheck.Result check = demo.verify(sandbox);
      long problems = check.checks().values().stream().mapToLong(Long::longValue).sum();
      progress.accept("  verified against the ERP: " + (problems == 0 ? "all checks 0" : "PROBLEMS " + check.checks()));

      progress.accept("fetch floor: the same pages fetched and parsed, no database");
      TimeWindow window = new TimeWindow(now.minus(Duration.ofMinutes(15)), clock.instant());
      AtomicLong fetched = new AtomicLong();
      long f0 = System.nanoTime();
      feed.changedTrades(shop.credentials(), window, page -> fetched.addAndGet(page.size()));
      double fetchSeconds = (System.nanoTime() - f0) / 1e9;

      progress.accept("insert floor: plain JDBC batch insert of the same rows into a fresh H2 file database");
      double insertSeconds = new InsertFloor(scratch).run(sandbox.trades());
      return new Figures(trades, paid, trades / e2eSeconds, fetched.get() / fetchSeconds, trades / insertSeconds, heapMb, problems);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  /**
   * Benchmark figures.
   *
   * @param trades trades in the burst
   * @param paid of which paid (each one an ERP sales order)
   * @param ordersPerSecond trades per second from the start of sync until the last paid trade was in the ERP
   * @param fetchFloorPerSecond trades per second fetching and parsing the same pages, no database
   * @param insertFloorPerSecond trades per second inserting the same header and line rows with plain JDBC batches
   * @param heapMb peak heap used during the end-to-end run (includes the in-process sandbox)
   * @param problems sum of the verification's problem counts (must be 0)
   */
  public record Figures(long trades, long paid, double ordersPerSecond, double fetchFloorPerSecond, double insertFloorPerSecond,
      long heapMb, long problems) {}
}
