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
import com.tmallbridge.shop.ShopManagement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final ShopManagement shops;
  private final OrderFeed feed;
  private final DemoRunner demo;
  private final Clock clock;
  private final StageBreakdown stages;
  private final JdbcClient jdbc;
  private final DataSource dataSource;

  OrderBenchmark(
      DemoSeeder seeder, OrderSync sync, OrderManagement orders, ShopManagement shops, OrderFeed feed, DemoRunner demo, Clock clock,
      StageBreakdown stages, DataSource dataSource) {
    this.stages = stages;
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.seeder = seeder;
    this.sync = sync;
    this.orders = orders;
    this.shops = shops;
    this.feed = feed;
    this.demo = demo;
    this.clock = clock;
  }

  /**
   * Runs the benchmark.
   *
   * @param trades trades in the burst
   * @param floor where the insert floor writes its two tables
   * @param progress receives one line per step
   */
  public Figures run(int trades, long seed, InsertFloor.Target floor, Consumer<String> progress) throws Exception {
    warmUp(Math.max(5_000, trades / 10), seed + 1, progress);
    long heapBefore = HeapWatch.liveBytes();
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(clock).withItemCount(itemsFor(trades)))) {
      Instant now = clock.instant();
      progress.accept("generating a burst of " + trades + " trades");
      sandbox.burst(trades);
      long refused = sandbox.trades().stream().filter(t -> !t.everPaid()).count();
      if (refused > 0) {
        progress.accept("  the sandbox shop sold out: " + refused + " of " + trades
            + " trades closed unpaid and are not imported, so the rates below are not comparable with a run where all were paid");
      }
      Shop shop = seeder.addShop(sandbox, now.minus(Duration.ofMinutes(15)));
      seeder.seedMaterials(sandbox, shop);
      long paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).count();
      // the sandbox's trades live in this JVM but are not the bridge's: measured here, left out of heap_mb
      long sandboxBytes = Math.max(0, HeapWatch.liveBytes() - heapBefore);
      resetPeaks();
      HeapWatch heap = HeapWatch.start();

      progress.accept("end to end: " + trades + " trades (" + paid + " paid) sandbox -> bridge -> built-in ERP on " + floor.kind());
      Instant watchedFrom = clock.instant();
      stages.restart();
      long cpu0 = processCpuNanos();
      long sandboxCpu0 = sandboxCpuNanos();
      Run e2e = syncUntilExported(paid, progress);
      long e2eCpu = processCpuNanos() - cpu0;
      long e2eSandboxCpu = sandboxCpuNanos() - sandboxCpu0;
      long usedPeakMb = peakHeapMb();
      long afterGcPeak = Math.max(heap.peakAfterGcBytes(), HeapWatch.liveBytes());
      heap.close();
      long heapMb = Math.max(0, afterGcPeak - sandboxBytes) / (1024 * 1024);
      progress.accept("  heap: bridge " + heapMb + " MB at most after a collection (the sandbox's " + sandbox.trades().size()
          + " trades, " + sandboxBytes / (1024 * 1024) + " MB, left out); in use before collections, sandbox and garbage included: "
          + usedPeakMb + " MB");
      List<String> breakdown = stages.table();
      double e2eSeconds = e2e.seconds();
      long tenth = Math.max(1, paid / 10);
      double firstTenth = trades / 10.0 / seconds(e2e.started(), exportedAt(e2e.before() + tenth));
      double lastTenth = trades / 10.0 / seconds(exportedAt(e2e.before() + paid - tenth), exportedAt(e2e.before() + paid));
      OrderCheck.Result check = demo.verify(sandbox, watchedFrom);
      long problems = check.checks().values().stream().mapToLong(Long::longValue).sum();
      progress.accept("  verified against the ERP: " + (problems == 0 ? "all checks 0" : "PROBLEMS " + check.checks()));
      long stored = orders.stateCounts().values().stream().mapToLong(Long::longValue).sum();
      long bytes = storedBytes();
      progress.accept("  stored: " + stored + " trades (warm-up included) in " + bytes / (1024 * 1024) + " MB of database");

      progress.accept("fetch floor: the same pages fetched and parsed, no database");
      TimeWindow window = new TimeWindow(now.minus(Duration.ofMinutes(15)), clock.instant());
      AtomicLong fetched = new AtomicLong();
      long f0 = System.nanoTime();
      long fetchCpu0 = processCpuNanos();
      long fetchSandboxCpu0 = sandboxCpuNanos();
      feed.changedTrades(shop.credentials(), window, page -> fetched.addAndGet(page.size()));
      double fetchSeconds = (System.nanoTime() - f0) / 1e9;
      long fetchCpu = processCpuNanos() - fetchCpu0;
      long fetchSandboxCpu = sandboxCpuNanos() - fetchSandboxCpu0;
      int cores = Runtime.getRuntime().availableProcessors();
      progress.accept(String.format(java.util.Locale.ROOT,
          "  cpu a trade: end to end %.3f ms (sandbox threads %.3f of it), %.2f of %d cores busy; "
              + "fetch floor %.3f ms (sandbox threads %.3f), %.2f cores busy",
          e2eCpu / 1e6 / Math.max(1, paid), e2eSandboxCpu / 1e6 / Math.max(1, paid), e2eCpu / 1e9 / Math.max(1e-9, e2e.seconds()),
          cores, fetchCpu / 1e6 / Math.max(1, fetched.get()), fetchSandboxCpu / 1e6 / Math.max(1, fetched.get()),
          fetchCpu / 1e9 / Math.max(1e-9, fetchSeconds)));

      progress.accept("insert floor: plain JDBC batch insert of the same rows into " + floor.describe());
      double insertSeconds = new InsertFloor(floor).run(sandbox.trades());
      return new Figures(trades, paid, trades / e2eSeconds, firstTenth, lastTenth, fetched.get() / fetchSeconds, trades / insertSeconds,
          heapMb, bytes / Math.max(1, stored), problems, breakdown);
    }
  }

  /**
   * Items of the sandbox shop's generated catalog: the seed's choice (40–120 items, enough stock for
   * 100,000 trades) up to 100,000 trades, then one item per 1,000 trades, so that a larger burst does
   * not sell the shop out and close most of its trades unpaid.
   */
  static int itemsFor(int trades) {
    return trades <= 100_000 ? 0 : Math.min(1_000_000, trades / 1_000);
  }

  private Instant exportedAt(long n) {
    return orders.nthExportedAt(n).orElseThrow(() -> new IllegalStateException("fewer than " + n + " trades were exported"));
  }

  private static double seconds(Instant from, Instant to) {
    return Math.max(1, Duration.between(from, to).toNanos()) / 1e9;
  }

  /**
   * Bytes of the bridge's database: the H2 files (the .db files next to {@code DATABASE_PATH()}),
   * or {@code pg_database_size} of the current PostgreSQL database.
   */
  private long storedBytes() throws java.io.IOException, java.sql.SQLException {
    String product;
    try (var c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    }
    if ("PostgreSQL".equals(product)) {
      return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
    }
    Path base = Path.of(jdbc.sql("call database_path()").query(String.class).single());
    String prefix = base.getFileName().toString() + ".";
    try (var files = java.nio.file.Files.list(base.getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".db"))
          .mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /**
   * Runs a smaller burst through the same path first, on a shop of its own that is switched off
   * afterwards, so that the measured run sees a warmed-up JVM, as a bridge that has been running
   * for hours before the peak would.
   */
  private void warmUp(int trades, long seed, Consumer<String> progress) throws InterruptedException {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(seed).withClock(clock))) {
      progress.accept("warm-up: " + trades + " trades through the same path (not measured)");
      sandbox.burst(trades);
      Shop shop = seeder.addShop(sandbox, clock.instant().minus(Duration.ofMinutes(15)), "WARMUP");
      seeder.seedMaterials(sandbox, shop);
      syncUntilExported(sandbox.trades().stream().filter(SandboxTrade::everPaid).count(), progress);
      shops.markNeedsReauthorisation(shop.id(), "benchmark warm-up shop, switched off after the warm-up");
    }
  }

  /** Starts sync, waits until {@code expected} more trades are exported, stops. */
  private Run syncUntilExported(long expected, Consumer<String> progress) throws InterruptedException {
    long before = orders.stateCounts().getOrDefault(TradeState.EXPORTED, 0L);
    long counted = orders.exportedSinceStart();
    long t0 = System.nanoTime();
    Instant started = clock.instant();
    sync.start();
    long lastShown = 0;
    Object tick = new Object();
    while (true) {
      long exported = orders.exportedSinceStart() - counted; // a counter, not a scan of order_trade every second
      if (System.nanoTime() - lastShown > 2_000_000_000L) {
        progress.accept("  after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + exported + "/" + expected + " in the ERP");
        lastShown = System.nanoTime();
      }
      if (exported >= expected) {
        break;
      }
      synchronized (tick) {
        tick.wait(1000);
      }
    }
    sync.stop();
    // timed to the last export's own timestamp, so the 1 s polling above adds no error
    return new Run(before, started, Duration.between(started, orders.lastExportedAt().orElseThrow()).toNanos() / 1e9);
  }

  /**
   * One sync run.
   *
   * @param before trades exported before it
   * @param started when sync started
   * @param seconds from the start to the last export
   */
  private record Run(long before, Instant started, double seconds) {}

  /** CPU time this JVM has used so far, all threads, in nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * CPU time of the in-process sandbox's threads so far (its HTTP workers and timers, named
   * {@code tmall-sandbox-…}, and the JDK HTTP server's dispatcher), in nanoseconds: the part of the
   * process's CPU that is Tmall's, not the bridge's.
   */
  private static long sandboxCpuNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("tmall-sandbox-") || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
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
   * @param firstTenthPerSecond the same rate over the first tenth of the paid trades' exports (from the start of sync)
   * @param lastTenthPerSecond the same rate over the last tenth of the paid trades' exports
   * @param fetchFloorPerSecond trades per second fetching and parsing the same pages, no database
   * @param insertFloorPerSecond trades per second inserting the same header and line rows with plain JDBC batches
   * @param heapMb the bridge's peak heap during the end-to-end run: the most in use right after a
   *     collection, less what the in-process sandbox's trades take (measured before sync starts)
   * @param bytesPerTrade database size after the run divided by the trades it holds (warm-up included)
   * @param problems sum of the verification's problem counts (must be 0)
   * @param stages the per-stage breakdown of the end-to-end run ({@link StageBreakdown#table()})
   */
  public record Figures(long trades, long paid, double ordersPerSecond, double firstTenthPerSecond, double lastTenthPerSecond,
      double fetchFloorPerSecond, double insertFloorPerSecond, long heapMb, long bytesPerTrade, long problems, List<String> stages) {}
}
