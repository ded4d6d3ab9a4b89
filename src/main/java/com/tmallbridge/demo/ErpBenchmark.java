package com.tmallbridge.demo;

import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The ERP export benchmark against a real Tryton ({@code bench/erp.sh}): paid trades through sandbox
 * → bridge ({@code sync}) → Tryton connector, timed end to end and checked by reading Tryton
 * directly; next to the same sales as bare JSON-RPC calls ({@link BareTrytonSales}) on a fresh
 * server of the same kind. The application context must have Tryton as its active ERP ({@link
 * TrytonServer#bridgeProperties}).
 */
@Service
public class ErpBenchmark {
  /** The bridge's warehouse code, mapped to Tryton's {@code WH}. */
  public static final String WAREHOUSE = "WH01";
  /** Items of the sandbox catalog: few enough that seeding the materials through the connector takes seconds. */
  private static final int ITEMS = 30;
  /** No export for this long ends the wait; the check then counts what is missing. */
  private static final Duration STALL = Duration.ofMinutes(3);

  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final Clock clock;

  ErpBenchmark(DemoSeeder seeder, OrderSync sync, OrderManagement orders, Clock clock) {
    this.seeder = seeder;
    this.sync = sync;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Runs the benchmark.
   *
   * @param erp the running Tryton server the context's bridge exports into
   * @param trades paid trades in the burst
   * @param progress receives one line per step and progress every two seconds
   */
  public Figures run(TrytonServer erp, int trades, long seed, Consumer<String> progress) throws InterruptedException {
    SandboxConfig config = SandboxConfig.defaults().withSeed(seed).withClock(clock).withItemCount(ITEMS);
    try (TmallSandbox sandbox = TmallSandbox.start(config)) {
      progress.accept("generating a burst of " + trades + " paid trades");
      sandbox.burst(trades);
      List<SandboxTrade> paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).toList();
      Shop shop = seeder.addShop(sandbox, clock.instant().minus(Duration.ofMinutes(15)));
      progress.accept("seeding materials with opening stock in Tryton through the connector (not timed)");
      int materials = seeder.seedMaterials(sandbox, shop).size();
      progress.accept("  " + materials + " materials");

      progress.accept("bridge: " + paid.size() + " paid trades sandbox -> bridge (sync) -> Tryton connector -> Tryton at " + erp.url());
      double bridgeSeconds = syncUntilExported(paid.size(), progress);
      progress.accept("checking every trade against Tryton (sale.sale by reference, state, total_amount)");
      TrytonRpc reader = new TrytonRpc(erp.url(), TrytonServer.DATABASE, TrytonServer.USER, TrytonServer.PASSWORD).login();
      TrytonSaleCheck.Result check = TrytonSaleCheck.check(reader, paid.stream()
          .map(t -> new TrytonSaleCheck.Expected("tb:" + shop.code() + ":" + t.tid(), t.paymentFen(), true)).toList());
      progress.accept("  " + check + (check.problems() == 0 ? "" : "  <- PROBLEMS"));

      progress.accept("bare: the same " + paid.size() + " sales as sale.sale create + quote + confirm over plain JSON-RPC,"
          + " one after the other, on a fresh Tryton");
      double bareSeconds;
      try (TrytonServer bare = new TrytonServer(TrytonServer.Settings.defaults()).start()) {
        TrytonRpc rpc = new TrytonRpc(bare.url(), TrytonServer.DATABASE, TrytonServer.USER, TrytonServer.PASSWORD).login();
        bareSeconds = new BareTrytonSales(rpc, progress).run(paid, materialsOfLines(sandbox));
      }
      return new Figures(paid.size(), materials, bridgeSeconds, bareSeconds, check);
    }
  }

  /** The material code of every sub-order id, as {@link DemoSeeder} named the materials. */
  private static Map<Long, String> materialsOfLines(TmallSandbox sandbox) {
    Map<String, String> byListing = new HashMap<>();
    for (SandboxItem item : sandbox.items()) {
      byListing.put(item.numIid() + "/", DemoSeeder.materialCode(item, null));
      for (SandboxSku sku : item.skus()) {
        byListing.put(item.numIid() + "/" + sku.skuId(), DemoSeeder.materialCode(item, sku));
      }
    }
    Map<Long, String> materials = new HashMap<>();
    for (SandboxTrade trade : sandbox.trades()) {
      for (SandboxTradeLine line : trade.lines()) {
        materials.put(line.oid(), byListing.get(line.numIid() + "/" + (line.skuId() == null ? "" : line.skuId())));
      }
    }
    return materials;
  }

  /** Starts sync, waits until {@code expected} trades are exported (or nothing moves for {@link #STALL}); returns the seconds. */
  private double syncUntilExported(long expected, Consumer<String> progress) throws InterruptedException {
    long t0 = System.nanoTime();
    Instant started = clock.instant();
    sync.start();
    long lastShown = 0;
    long lastCount = -1;
    long lastMoved = t0;
    Object tick = new Object();
    try {
      while (true) {
        long exported = orders.stateCounts().getOrDefault(TradeState.EXPORTED, 0L);
        long now = System.nanoTime();
        if (exported != lastCount) {
          lastCount = exported;
          lastMoved = now;
        }
        if (now - lastShown > 2_000_000_000L) {
          double seconds = (now - t0) / 1e9;
          progress.accept(String.format("  after %.0f s: %d/%d sales in Tryton (%.1f/s)", seconds, exported, expected, exported / seconds));
          lastShown = now;
        }
        if (exported >= expected) {
          break;
        }
        if (now - lastMoved > STALL.toNanos()) {
          progress.accept("  no export for " + STALL.toSeconds() + " s; stopping with " + exported + "/" + expected + " (see bridge.log)");
          break;
        }
        synchronized (tick) {
          tick.wait(500);
        }
      }
    } finally {
      sync.stop();
    }
    // timed to the last export's own timestamp, so the polling above adds no error
    return Duration.between(started, orders.lastExportedAt().orElse(clock.instant())).toNanos() / 1e9;
  }

  /**
   * Benchmark figures.
   *
   * @param orders paid trades (each must become one confirmed Tryton sale)
   * @param materials materials seeded in Tryton
   * @param bridgeSeconds from the start of sync to the export of the last paid trade
   * @param bareSeconds the same sales as bare create + quote + confirm calls
   * @param check the check against Tryton
   */
  public record Figures(long orders, int materials, double bridgeSeconds, double bareSeconds, TrytonSaleCheck.Result check) {}
}
