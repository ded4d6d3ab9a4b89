package com.tmallbridge.demo;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.stock.StockManagement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.sandbox.tmall.FaultSettings;
import com.tmallbridge.sandbox.tmall.LiveRun;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The demo: starts the Tmall sandbox, seeds the shop and the built-in ERP, generates a day of
 * trades plus a live tail, runs the bridge until it is quiet, then compares the sandbox with the
 * ERP independently of the bridge's own tables.
 */
@Service
public class DemoRunner {
  private static final long TICK_MILLIS = 250;
  /** Warehouse steps after the live trades stopped (so the last orders get shipped too). */
  private static final int WAREHOUSE_STEPS_AFTER_LIVE = 5;

  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final Checkpoints checkpoints;
  private final ErpRegistry erp;
  private final Clock clock;
  private final DemoStock stock;
  private final StockManagement stockManagement;
  private final EmbeddedErpOperations warehouse;

  DemoRunner(DemoSeeder seeder, OrderSync sync, OrderManagement orders, Checkpoints checkpoints, ErpRegistry erp, Clock clock,
      DemoStock stock, StockManagement stockManagement, EmbeddedErpOperations warehouse) {
    this.stock = stock;
    this.stockManagement = stockManagement;
    this.warehouse = warehouse;
    this.seeder = seeder;
    this.sync = sync;
    this.orders = orders;
    this.checkpoints = checkpoints;
    this.erp = erp;
    this.clock = clock;
  }

  /** Starts the sandbox the demo uses (the caller closes it). */
  public TmallSandbox startSandbox(DemoOptions options) {
    return TmallSandbox.start(SandboxConfig.defaults().withSeed(options.seed()).withClock(clock));
  }

  /**
   * Runs the demo against a started sandbox and reports. Leaves continuous sync running; call
   * {@link OrderSync#stop()} when done.
   */
  public DemoReport run(TmallSandbox sandbox, DemoOptions options, Consumer<DemoProgress> progress) throws InterruptedException {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Shop shop = seeder.addShop(sandbox, now.minus(Duration.ofHours(25)));
    List<MaterialCode> materials = seeder.seedMaterials(sandbox, shop);
    progress.accept(snapshot("publishing stock", sandbox, options));
    stock.prepare(shop, materials);
    sandbox.faults(faults(options.faultRate()));
    progress.accept(snapshot("generating", sandbox, options));
    sandbox.generateHistory(options.historyOrders(), now.minus(Duration.ofHours(24)), now.minus(Duration.ofMinutes(2)));
    LiveRun live = options.liveOrders() > 0 ? sandbox.generateLive(options.liveOrders(), options.liveSpan()) : null;
    sync.start();
    boolean quiet = awaitQuiet(sandbox, shop, options, live, materials, progress);
    sandbox.faults(FaultSettings.none());
    progress.accept(snapshot("final stock pass", sandbox, options));
    DemoStock.Finish finish = stock.finish();
    progress.accept(snapshot("verifying", sandbox, options));
    OrderCheck.Result result = verify(sandbox);
    StockCheck.Result stockResult = verifyStock(sandbox);
    Map<String, Long> checks = new LinkedHashMap<>(result.checks());
    checks.put("sync.notQuiet", quiet ? 0L : 1L);
    checks.put("stock.overPublished", stockResult.overPublished());
    checks.put("stock.negative", stockResult.negative());
    checks.put("stock.drift", stockResult.drift());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("seed", options.seed());
    details.put("faultRate", options.faultRate());
    details.put("materials", materials.size());
    var stockStats = sandbox.stockStats();
    details.put("stock", Map.of("skus", stockResult.skus(), "pushes", stockStats.skusUpdated(), "apiCalls", stockStats.updateCalls()));
    Map<String, Object> warehouseWork = new LinkedHashMap<>();
    warehouseWork.put("receipts", stock.receipts());
    warehouseWork.put("stocktakes", stock.stocktakes());
    warehouseWork.put("ordersShipped", stock.shippedOrders());
    warehouseWork.put("firstParcelsOfSplits", stock.splitParcels());
    warehouseWork.put("driftsCorrectedInFinalPass", finish.driftsCorrected());
    warehouseWork.put("oversellsFlagged", finish.oversells());
    details.put("warehouse", warehouseWork);
    details.put("sandbox", Map.of("url", sandbox.url(), "apiCalls", sandbox.apiCalls(), "faultsInjected", sandbox.faultsInjected()));
    List<String> problems = new ArrayList<>(result.samples());
    problems.addAll(stockResult.samples());
    details.put("problems", problems);
    return new DemoReport(
        new DemoReport.TmallSide(result.trades(), result.paid(), result.paymentFen()),
        new DemoReport.ErpSide(result.salesOrders(), result.amountFen()),
        checks, orders.unresolvedExceptions(), (System.nanoTime() - started) / 1_000_000, details);
  }

  /** Compares the sandbox's trades with the ERP's sales orders of the demo shop. */
  public OrderCheck.Result verify(TmallSandbox sandbox) {
    List<ErpSalesOrderSummary> erpOrders = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode())) {
        erpOrders.add(o);
      }
    });
    return new OrderCheck().compare(sandbox.trades(), erpOrders);
  }

  /**
   * Waits until every trade reached the ERP and the outbox is empty. While live trades arrive (and
   * for a few more steps) the warehouse works: receipts, stocktakes and shipments in the ERP, each
   * followed by a stock cycle of the bridge.
   */
  private boolean awaitQuiet(TmallSandbox sandbox, Shop shop, DemoOptions options, LiveRun live, List<MaterialCode> materials,
      Consumer<DemoProgress> progress) throws InterruptedException {
    Instant deadline = clock.instant().plus(options.timeout());
    Object tick = new Object();
    Random random = new Random(options.seed() ^ 0x5EED_57C0L);
    int ticks = 0;
    int stepsAfterLive = 0;
    while (clock.instant().isBefore(deadline)) {
      boolean liveRunning = live != null && !live.isDone();
      if (ticks++ % 4 == 0 && (liveRunning || stepsAfterLive++ < WAREHOUSE_STEPS_AFTER_LIVE)) {
        stock.step(sandbox, materials, random);
      }
      progress.accept(snapshot(live != null && !live.isDone() ? "live trades arriving" : "syncing", sandbox, options));
      if ((live == null || live.isDone()) && caughtUp(sandbox, shop) && !sync.hasUndelivered()) {
        return true;
      }
      synchronized (tick) {
        tick.wait(TICK_MILLIS);
      }
    }
    return false;
  }

  /** Compares the sandbox's figures with what the ERP says may be sold (see {@link StockCheck}). */
  public StockCheck.Result verifyStock(TmallSandbox sandbox) {
    Map<String, Map<MaterialCode, Long>> undelivered = new HashMap<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode()) && !"CANCELLED".equals(o.status()) && !"SHIPPED".equals(o.status())) {
        Map<MaterialCode, Long> open = undelivered.computeIfAbsent(o.orderNo().value(), k -> new HashMap<>());
        warehouse.openLines(o.docNo()).forEach(l -> open.merge(l.material(), l.open(), Long::sum));
      }
    });
    Set<MaterialCode> materials = new HashSet<>();
    sandbox.items().forEach(i -> {
      if (i.skus().isEmpty()) {
        materials.add(new MaterialCode(DemoSeeder.materialCode(i, null)));
      }
      i.skus().forEach(k -> materials.add(new MaterialCode(DemoSeeder.materialCode(i, k))));
    });
    Map<MaterialCode, Long> onHand = new HashMap<>();
    erp.capability(StockLedger.class).onHand(materials)
        .forEach((m, perWarehouse) -> onHand.put(m, perWarehouse.values().stream().mapToLong(Long::longValue).sum()));
    StockCheck.ErpStock erpStock = new StockCheck.ErpStock(onHand, undelivered, stockManagement.safety());
    return new StockCheck().compare(sandbox.items(), sandbox.quantities(), sandbox.trades(), erpStock, DemoSeeder::materialCode,
        DemoStock.ZERO_BELOW);
  }

  private boolean caughtUp(TmallSandbox sandbox, Shop shop) {
    Instant lastChange = sandbox.trades().stream().map(SandboxTrade::modified).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    return checkpoints.get("tmall", "trades", shop.id()).map(cp -> cp.isAfter(lastChange)).orElse(false);
  }

  private DemoProgress snapshot(String phase, TmallSandbox sandbox, DemoOptions options) {
    Map<TradeState, Long> counts = orders.stateCounts();
    long seen = counts.values().stream().mapToLong(Long::longValue).sum();
    return new DemoProgress(phase, sandbox.state().trades(), options.orders(), seen, counts.getOrDefault(TradeState.EXPORTED, 0L),
        counts.getOrDefault(TradeState.EXCEPTION, 0L), sync.hasUndelivered());
  }

  /** {@code rate} of calls fail: mostly isp errors, some short code-7 bans and broken bodies. */
  static FaultSettings faults(double rate) {
    FaultSettings f = FaultSettings.none().withPartialListRate(0.05);
    if (rate == 0) {
      return f;
    }
    return f.withErrorRate(rate * 0.85).withBans(rate * 0.05, 1, 2).withMalformedRate(rate * 0.10);
  }
}
