package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundSync;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.FulfilmentSync;
import com.tmallbridge.fulfilment.ShipmentState;
import com.tmallbridge.order.TradeMessages;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.erp.ErpRegistry;
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
import com.tmallbridge.sandbox.tmall.TradeMix;
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
  /** The bridge's code of the warehouse the demo's goods are in (mapped to the ERP's own code by its connector). */
  public static final String WAREHOUSE = "WH01";
  private static final long TICK_MILLIS = 250;
  /** Warehouse steps after the live trades stopped (so the last orders get shipped too). */
  private static final int WAREHOUSE_STEPS_AFTER_LIVE = 10;
  /** Steps at the end in which buyers open no new cases, so that open ones can run their course. */
  private static final int QUIET_STEPS = 4;
  /** Ticks per step of the shop's day. */
  private static final int STEP_TICKS = 4;
  /** Failed ticks in a row after which the demo gives up. */
  private static final int MAX_FAILED_TICKS = 20;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoRunner.class);
  /**
   * The demo shop's trades: 6 % closed unpaid, 4 % waiting for payment, 90 % paid and waiting for
   * goods — the built-in ERP's warehouse ships them and the demo's buyers open the after-sale
   * cases, so every parcel and every case goes through the ERP ({@link TradeMix#defaults()} also
   * has trades shipped and refunded on Tmall by hand, before the bridge was installed).
   */
  static final TradeMix DEMO_MIX = new TradeMix(0.06, 0.04, 0.90, 0, 0, 0, 0.02, 0.02);
  /** How long after a trade shipped completely its buyer confirms receipt (TRADE_FINISHED, bills written). */
  static final Duration BUYER_CONFIRMS_AFTER = Duration.ofSeconds(5);
  /** Alipay settles the bills of trades finished during the demo within this (a seeded 9% stay unsettled). */
  static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);
  /** Stock cycles the settle phase runs at most before it gives up on a quiet stock flow. */
  private static final int SETTLE_STOCK_CYCLES = 20;
  /** How long the final stock settle waits for pushes still under way when its cycles have nothing left to do. */
  private static final java.time.Duration SETTLE_PUSH_PATIENCE = java.time.Duration.ofMinutes(2);
  /** How long the demo waits for the TMC connection when pushed messages are on. */
  private static final Duration TMC_CONNECT = Duration.ofSeconds(30);

  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final Checkpoints checkpoints;
  private final ErpRegistry erp;
  private final Clock clock;
  private final DemoStock stock;
  private final ErpDesk warehouse;
  private final DemoAfterSale buyers;
  private final BridgeCatchUp catchUp;
  private final FulfilmentSync fulfilment;
  private final FulfilmentManagement shipments;
  private final RefundSync refundSync;
  private final AfterSaleManagement afterSale;
  private final TradeMessages messages;
  private final LatencyProbe latency;
  private final StockWatch watch;
  private final ErpSellable sellable;
  private final DemoMoney money;

  DemoRunner(DemoSeeder seeder, OrderSync sync, OrderManagement orders, Checkpoints checkpoints, ErpRegistry erp, Clock clock,
      DemoStock stock, ErpDesk warehouse, DemoAfterSale buyers, BridgeCatchUp catchUp,
      FulfilmentSync fulfilment, FulfilmentManagement shipments, RefundSync refundSync, AfterSaleManagement afterSale,
      TradeMessages messages, LatencyProbe latency, StockWatch watch, ErpSellable sellable, DemoMoney money) {
    this.money = money;
    this.watch = watch;
    this.sellable = sellable;
    this.buyers = buyers;
    this.catchUp = catchUp;
    this.fulfilment = fulfilment;
    this.shipments = shipments;
    this.refundSync = refundSync;
    this.afterSale = afterSale;
    this.messages = messages;
    this.latency = latency;
    this.stock = stock;
    this.warehouse = warehouse;
    this.seeder = seeder;
    this.sync = sync;
    this.orders = orders;
    this.checkpoints = checkpoints;
    this.erp = erp;
    this.clock = clock;
  }

  /** Starts the sandbox the demo uses on the bridge's clock (the caller closes it). */
  public TmallSandbox startSandbox(DemoOptions options) {
    return startSandbox(options, clock);
  }

  /**
   * Starts the sandbox before the bridge exists, so that the bridge can be configured with its
   * TMC address ({@link TmallSandbox#tmcUrl()}); {@code clock} must be the bridge's clock.
   */
  public static TmallSandbox startSandbox(DemoOptions options, Clock clock) {
    return TmallSandbox.start(SandboxConfig.defaults().withSeed(options.seed()).withClock(clock).withMix(DEMO_MIX));
  }

  /**
   * Runs the demo against a started sandbox and reports. Leaves continuous sync running; call
   * {@link OrderSync#stop()} when done.
   */
  public DemoReport run(TmallSandbox sandbox, DemoOptions options, Consumer<DemoProgress> progress) throws InterruptedException {
    long started = System.nanoTime();
    DemoPhases phases = new DemoPhases();
    phases.begin(DemoPhases.SEEDING);
    Instant now = clock.instant();
    Shop shop = seeder.addShop(sandbox, now.minus(Duration.ofHours(25)));
    progress.accept(snapshot("seeding the ERP", sandbox, options));
    List<MaterialCode> materials = seeder.seedMaterials(sandbox, shop);
    progress.accept(snapshot("publishing stock", sandbox, options));
    stock.prepare(sandbox, shop, materials);
    sandbox.faults(faults(options.faultRate()));
    // buyers confirm what the ERP ships, so the day has finished trades and Tmall settlement lines (bills)
    sandbox.buyersConfirmReceipt(BUYER_CONFIRMS_AFTER, SETTLED_WITHIN);
    progress.accept(snapshot("generating", sandbox, options));
    sandbox.generateHistory(options.historyOrders(), now.minus(Duration.ofHours(24)), now.minus(Duration.ofMinutes(2)));
    Instant watchedFrom = clock.instant();
    phases.begin(DemoPhases.CATCH_UP);
    sync.start();
    boolean tmcConnected = awaitTmc();
    Instant[] liveFrom = {clock.instant()};
    boolean quiet = workTheDay(sandbox, shop, options, materials, progress, at -> {
      liveFrom[0] = at;
      phases.begin(DemoPhases.LIVE_DAY);
    });
    phases.begin(DemoPhases.SETTLE);
    sandbox.faults(FaultSettings.none());
    progress.accept(snapshot("final stock pass", sandbox, options));
    quiet &= settle(sandbox, shop, options);
    quiet &= stock.settle(sandbox, SETTLE_STOCK_CYCLES, clock, SETTLE_PUSH_PATIENCE);
    phases.begin(DemoPhases.MONEY);
    progress.accept(snapshot("money: settlements, vouchers, reconciliation", sandbox, options));
    money.injectFaults(sandbox, options.orders(), options.seed());
    DemoMoney.Outcome moneyRun = money.run(sandbox, shop);
    progress.accept(snapshot("verifying", sandbox, options));
    phases.begin(DemoPhases.CHECKS);
    OrderCheck.Result result = verify(sandbox, watchedFrom);
    List<String> moneyProblems = new ArrayList<>();
    FinanceCheck.Result financeResult = verifyFinance(sandbox, moneyRun);
    long gaps = FinanceCheck.gaps(moneyRun.days(), sandbox.trades(), erpOrdersByTid(), moneyProblems);
    StockCheck.Result stockResult = verifyStock(sandbox);
    Map<StockKey, Integer> beforeFinalPass = sandbox.quantities();
    phases.begin(DemoPhases.FINAL_PASS);
    DemoStock.Finish finish = stock.finish();
    phases.begin(DemoPhases.CHECKS);
    List<String> correctedAtEnd = changed(beforeFinalPass, sandbox.quantities(), StockCheck.heldByUnpaid(sandbox.items(), sandbox.trades()));
    ShipmentCheck.Result shipmentResult = verifyShipments(sandbox);
    AfterSaleCheck.Result afterSaleResult = verifyAfterSale(sandbox);
    FulfilmentManagement.Summary shipped = shipments.summary();
    Map<String, Long> bridgeRefunds = afterSale.counts();
    Map<String, Long> checks = new LinkedHashMap<>(result.checks());
    checks.put("sync.notQuiet", quiet ? 0L : 1L);
    checks.put("stock.overPublished", stockResult.overPublished());
    checks.put("stock.overPublishedDuringRun", watch.overPublished());
    checks.put("stock.drift", stockResult.drift());
    checks.put("stock.correctedAtEnd", (long) correctedAtEnd.size());
    checks.put("shipments.notWrittenBack", shipmentResult.notWrittenBack());
    checks.put("shipments.unknownOnTmall", shipmentResult.unknownOnTmall());
    checks.put("refunds.unreflected", afterSaleResult.unreflected());
    checks.put("refunds.shippedAfterRequest", shipmentResult.shippedAfterRequest());
    checks.put("tmc.notConnected", tmcConnected(sandbox) ? 0L : 1L);
    checks.put("finance.unbalancedVouchers", financeResult.unbalancedVouchers());
    checks.put("finance.missedInjectedFaults", financeResult.missedInjectedFaults());
    checks.put("finance.unexplainedDifferences", financeResult.unexplainedDifferences());
    checks.put("completeness.gaps", gaps);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("seed", options.seed());
    details.put("erpConnector", erp.activeId());
    details.put("faultRate", options.faultRate());
    details.put("materials", materials.size());
    var stockStats = sandbox.stockStats();
    details.put("stock", ordered("skus", stockResult.skus(), "pushes", stockStats.skusUpdated(), "apiCalls", stockStats.updateCalls(),
        "samplesDuringRun", watch.taken(), "samplesSkipped", watch.skipped()));
    details.put("shipments", ordered("delivered", shipmentResult.ofTmallSubOrders(), "writtenBack",
        shipmentResult.ofTmallSubOrders() - shipmentResult.notWrittenBack(), "tmallParcels", shipmentResult.tmallParcels(),
        "splitTrades", shipmentResult.splitTrades()));
    List<SandboxRefund> cases = sandbox.refunds();
    details.put("refunds", ordered(
        "beforeShipping", cases.stream().filter(r -> "onsale".equals(r.refundPhase())).count(),
        "afterShipping", cases.stream().filter(r -> "aftersale".equals(r.refundPhase())).count(),
        "returned", cases.stream().filter(r -> r.kind().goodsReturn() && "SUCCESS".equals(r.status())).count()));
    LatencyProbe.Latency measured = latency.measure(sandbox, shop, liveFrom[0]);
    details.put("latency", ordered("p50Ms", measured.p50Ms(), "p99Ms", measured.p99Ms()));
    Map<String, Object> warehouseWork = new LinkedHashMap<>();
    warehouseWork.put("receipts", stock.receipts());
    warehouseWork.put("stocktakes", stock.stocktakes());
    warehouseWork.put("ordersShipped", stock.shippedOrders());
    warehouseWork.put("firstParcelsOfSplits", stock.splitParcels());
    warehouseWork.put("replacementsShipped", stock.replacementsShipped());
    details.put("warehouse", warehouseWork);
    Map<String, Object> buyerWork = new LinkedHashMap<>();
    buyerWork.put("casesOpened", buyers.opened());
    buyerWork.put("caseSteps", buyers.moved());
    buyerWork.put("addressChanges", buyers.addressChanges());
    buyerWork.put("memoChanges", buyers.memoChanges());
    buyerWork.put("replacementOrders", result.replacements());
    buyerWork.put("paidClosedBeforeErpOrder", result.closedWithinGrace());
    details.put("afterSale", buyerWork);
    Map<String, Object> bridge = new LinkedHashMap<>();
    bridge.put("shipments", ordered("delivered", shipped.delivered(), "writtenBack", shipped.writtenBack(), "split", shipped.split(),
        "notWrittenBack", shipped.notWrittenBack()));
    bridge.put("refunds", bridgeRefunds);
    bridge.put("stock", ordered("driftsCorrectedInFinalPass", finish.driftsCorrected(), "oversellsFlagged", finish.oversells()));
    details.put("bridge", bridge);
    TradeMessages.Stats tmc = messages.stats();
    details.put("tmc", ordered("enabled", messages.enabled() ? 1 : 0, "received", tmc.received(), "imported", tmc.imported(),
        "refunds", tmc.refunds(), "failed", tmc.failed()));
    details.put("finance", financeDetails(shop, moneyRun, financeResult));
    details.put("sandbox", Map.of("url", sandbox.url(), "apiCalls", sandbox.apiCalls(), "faultsInjected", sandbox.faultsInjected()));
    List<String> problems = new ArrayList<>(result.samples());
    problems.addAll(stockResult.samples());
    problems.addAll(watch.problems());
    correctedAtEnd.stream().limit(10).forEach(problems::add);
    problems.addAll(shipmentResult.samples());
    problems.addAll(afterSaleResult.samples());
    problems.addAll(financeResult.samples());
    problems.addAll(moneyProblems);
    if (moneyRun.imported().error() != null) {
      problems.add("settlement import stopped early: " + moneyRun.imported().error());
    }
    moneyRun.posted().failures().stream().limit(10).forEach(f -> problems.add("voucher " + f.key() + " failed: " + f.error()));
    details.put("problems", problems);
    phases.end();
    details.put("phasesMs", phases.millis());
    long exceptions = orders.unresolvedExceptions() + shipped.byState().getOrDefault(ShipmentState.FAILED, 0L)
        + bridgeRefunds.getOrDefault("exceptions", 0L);
    return new DemoReport(
        new DemoReport.TmallSide(result.trades(), result.paid(), result.paymentFen()),
        new DemoReport.ErpSide(result.salesOrders(), result.amountFen()),
        checks, exceptions, (System.nanoTime() - started) / 1_000_000, details);
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** Waits for the TMC connection when pushed messages are enabled; true when connected or disabled. */
  private boolean awaitTmc() throws InterruptedException {
    if (!messages.enabled()) {
      return true;
    }
    Instant deadline = clock.instant().plus(TMC_CONNECT);
    while (!messages.connected() && clock.instant().isBefore(deadline)) {
      pause(100);
    }
    return messages.connected();
  }

  /**
   * After the last warehouse step: runs the shipment and refund flows until every parcel is
   * written back (or held as an exception), every case is reflected and the outbox is empty.
   */
  private boolean settle(TmallSandbox sandbox, Shop shop, DemoOptions options) throws InterruptedException {
    Instant deadline = clock.instant().plus(options.timeout());
    TickGuard guard = new TickGuard();
    while (clock.instant().isBefore(deadline)) {
      boolean settled = guard.done(() -> {
        stock.shipReplacements(); // the warehouse keeps shipping replacements: a return after an exchange waits for its shipment
        fulfilment.runOnce();
        refundSync.runOnce();
        return caughtUp(sandbox, shop) && !sync.hasUndelivered()
            && shipments.summary().byState().getOrDefault(ShipmentState.PENDING, 0L) == 0 && catchUp.refundsCaughtUp(shop, sandbox.refunds());
      });
      if (settled) {
        return true;
      }
      pause(TICK_MILLIS);
    }
    return false;
  }

  /**
   * Runs the demo's own work tick by tick as the continuous mode runs its cycles: a tick that fails
   * (a row held too long by another transaction, a transient database error) is logged and counts
   * as not done, and the next tick tries again — nothing is lost, the flows pick up where they
   * stopped. {@value #MAX_FAILED_TICKS} failures in a row end the demo with the last one.
   */
  private static final class TickGuard {
    private int failedInARow;

    void run(Runnable work) {
      done(() -> {
        work.run();
        return true;
      });
    }

    boolean done(java.util.function.BooleanSupplier work) {
      try {
        boolean done = work.getAsBoolean();
        failedInARow = 0;
        return done;
      } catch (RuntimeException e) {
        if (++failedInARow >= MAX_FAILED_TICKS) {
          throw e;
        }
        LOG.warn("demo tick failed ({} in a row); trying again on the next tick", failedInARow, e);
        return false;
      }
    }
  }

  private static void pause(long millis) throws InterruptedException {
    Object tick = new Object();
    synchronized (tick) {
      tick.wait(millis);
    }
  }

  /** Every ERP delivery of the demo shop against Tmall's parcels and after-sale cases (see {@link ShipmentCheck}). */
  public ShipmentCheck.Result verifyShipments(TmallSandbox sandbox) {
    List<ErpDelivery> deliveries = new ArrayList<>();
    DeliveryFeed feed = erp.capability(DeliveryFeed.class);
    String cursor = "";
    while (true) {
      DeliveryPage page = feed.deliveriesAfter(cursor, 500);
      page.deliveries().stream().filter(d -> DemoSeeder.SHOP_CODE.equals(d.shopCode())).forEach(deliveries::add);
      if (!page.more() || page.cursor().equals(cursor)) {
        break;
      }
      cursor = page.cursor();
    }
    List<SandboxParcel> parcels = new ArrayList<>();
    sandbox.trades().forEach(t -> parcels.addAll(sandbox.parcels(t.tid())));
    return new ShipmentCheck().compare(deliveries, parcels, sandbox.refunds());
  }

  /**
   * Whether the bridge consumed Tmall's pushed messages, as the sandbox's TMC hub counts them:
   * some confirmed. True when pushed messages are off in the bridge's configuration.
   */
  private boolean tmcConnected(TmallSandbox sandbox) {
    return !messages.enabled() || sandbox.tmcCounters().getOrDefault("confirmed", 0L) > 0;
  }

  /**
   * Listings whose Tmall figure differs between two readings of the sandbox, except a rise by no
   * more than the units Tmall itself holds for unpaid trades of a 拍下减库存 listing (see {@link StockCheck}).
   */
  static List<String> changed(Map<StockKey, Integer> before, Map<StockKey, Integer> after, Map<StockKey, Long> heldByUnpaid) {
    List<String> changed = new ArrayList<>();
    Set<StockKey> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (StockKey k : keys) {
      Integer was = before.get(k);
      Integer is = after.get(k);
      boolean tmallsHold = was != null && is != null && is > was && is - was <= heldByUnpaid.getOrDefault(k, 0L);
      if (!java.util.Objects.equals(was, is) && !tmallsHold) {
        changed.add("final stock pass moved " + k + " on Tmall from " + was + " to " + is);
      }
    }
    return changed;
  }

  /** Every after-sale case on Tmall against the ERP's documents (see {@link AfterSaleCheck}). */
  public AfterSaleCheck.Result verifyAfterSale(TmallSandbox sandbox) {
    return new AfterSaleCheck().compare(sandbox.refunds(), erpOrdersByTid(), o -> warehouse.openLines(o.docNo()),
        warehouse.afterSaleFacts(DemoSeeder.SHOP_CODE));
  }

  /**
   * The money checks (see {@link FinanceCheck}): the sandbox's bills, trades, cases and injected
   * faults, the ERP's sales orders, documents and ledger, against the reconciliation's result.
   */
  FinanceCheck.Result verifyFinance(TmallSandbox sandbox, DemoMoney.Outcome run) {
    Map<String, ErpSalesOrderSummary> orders = erpOrdersByTid();
    var facts = warehouse.afterSaleFacts(DemoSeeder.SHOP_CODE);
    Map<com.tmallbridge.core.ErpDocNo, List<com.tmallbridge.erp.embedded.operations.OpenLine>> lines = new HashMap<>();
    java.util.function.Function<ErpSalesOrderSummary, List<com.tmallbridge.erp.embedded.operations.OpenLine>> linesOf =
        o -> lines.computeIfAbsent(o.docNo(), warehouse::openLines);
    var tmall = new FinanceCheck.Tmall(sandbox.trades(), sandbox.refunds(), run.billsBefore(), run.billsAfter(), sandbox.moneyFaults());
    return new FinanceCheck().compare(run.days(), tmall, orders, r -> AfterSaleCheck.reflected(r, orders, linesOf, facts),
        warehouse.ledgerVouchers(DemoSeeder.SHOP_CODE), run.reported(), clock.instant());
  }

  /** The report's {@code finance} section: figures of the money phase and of its checks. */
  private Map<String, Object> financeDetails(Shop shop, DemoMoney.Outcome run, FinanceCheck.Result checked) {
    Map<String, Long> differences = new LinkedHashMap<>();
    for (com.tmallbridge.finance.DifferenceCategory c : com.tmallbridge.finance.DifferenceCategory.values()) {
      differences.put(c.name(), run.summaries().stream().mapToLong(d -> d.differences().getOrDefault(c, 0)).sum());
    }
    return ordered("settlementLines", money.settlementLines(shop), "vouchers", checked.vouchers(),
        "reconciledOrders", run.summaries().stream().mapToLong(com.tmallbridge.finance.DaySummary::orders).sum(),
        "differences", differences, "injectedFaults", checked.injectedFaults(), "caughtFaults", checked.caughtFaults());
  }

  /** The ERP's sales orders of the demo shop by channel order number (tid), as the ERP lists them. */
  Map<String, ErpSalesOrderSummary> erpOrdersByTid() {
    Map<String, ErpSalesOrderSummary> byTid = new HashMap<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode())) {
        byTid.put(o.orderNo().value(), o);
      }
    });
    return byTid;
  }

  /**
   * Compares the sandbox's trades with the ERP's sales orders of the demo shop; {@code watchedFrom}
   * is when the bridge started syncing (see {@link OrderCheck}).
   */
  public OrderCheck.Result verify(TmallSandbox sandbox, Instant watchedFrom) {
    List<ErpSalesOrderSummary> erpOrders = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode())) {
        erpOrders.add(o);
      }
    });
    return new OrderCheck(watchedFrom, OrderCheck.GRACE).compare(sandbox.trades(), erpOrders);
  }

  /**
   * The working day: first the bridge catches up with the day of history while the warehouse
   * already ships what reached the ERP; then live trades arrive (payment → ERP latency is measured
   * on them), buyers open and pursue after-sale cases, the warehouse receives, counts and ships; a
   * few more steps after the last live trade let the cases and parcels run their course (no new
   * cases in the last ones). Returns true once every trade reached the ERP and the outbox is
   * empty, false when the timeout came first.
   */
  private boolean workTheDay(TmallSandbox sandbox, Shop shop, DemoOptions options, List<MaterialCode> materials,
      Consumer<DemoProgress> progress, Consumer<Instant> liveStarted) throws InterruptedException {
    Instant deadline = clock.instant().plus(options.timeout());
    Random random = new Random(options.seed() ^ 0x5EED_57C0L);
    TickGuard guard = new TickGuard();
    int ticks = 0;
    while (!guard.done(() -> historyInErp(sandbox, shop))) {
      if (!clock.instant().isBefore(deadline)) {
        return false;
      }
      int tick = ticks++;
      if (tick % STEP_TICKS == 0) {
        guard.run(() -> step(sandbox, shop, materials, random, true, tick));
      }
      guard.run(() -> stock.sample(sandbox));
      guard.run(() -> progress.accept(snapshot("catching up with the day's trades", sandbox, options)));
      pause(TICK_MILLIS);
    }
    liveStarted.accept(clock.instant());
    LiveRun live = options.liveOrders() > 0 ? sandbox.generateLive(options.liveOrders(), options.liveSpan()) : null;
    int stepsAfterLive = 0;
    while (clock.instant().isBefore(deadline)) {
      boolean liveRunning = live != null && !live.isDone();
      int tick = ticks++;
      if (tick % STEP_TICKS == 0 && (liveRunning || stepsAfterLive++ < WAREHOUSE_STEPS_AFTER_LIVE)) {
        boolean newCases = stepsAfterLive < WAREHOUSE_STEPS_AFTER_LIVE - QUIET_STEPS;
        guard.run(() -> step(sandbox, shop, materials, random, newCases, tick));
      }
      guard.run(() -> stock.sample(sandbox));
      guard.run(() -> progress.accept(snapshot(liveRunning ? "live trades arriving" : "syncing", sandbox, options)));
      boolean stepsDone = stepsAfterLive >= WAREHOUSE_STEPS_AFTER_LIVE;
      if (!liveRunning && stepsDone && guard.done(() -> caughtUp(sandbox, shop) && !sync.hasUndelivered())) {
        return true;
      }
      pause(TICK_MILLIS);
    }
    return false;
  }

  /**
   * One step of the shop's day: buyers' after-sale moves (new cases only when {@code newCases}),
   * the warehouse's receipts, counts and shipments of orders the bridge has caught up with (see
   * {@link BridgeCatchUp}), the write-back of new parcels, and every other step a refund pull.
   */
  private void step(TmallSandbox sandbox, Shop shop, List<MaterialCode> materials, Random random, boolean newCases, int tick) {
    stock.sample(sandbox);
    buyers.step(sandbox, erpOrdersByTid(), random, newCases);
    Map<Long, List<SandboxRefund>> cases = new HashMap<>();
    sandbox.refunds().forEach(r -> cases.computeIfAbsent(r.tid(), k -> new ArrayList<>()).add(r));
    // the warehouse asks about a trade more than once a step; the answer holds while the trade is unchanged on Tmall
    // (asked again once Tmall shows a newer version) and can only turn from "not yet" to "caught up" meanwhile
    Map<String, Boolean> caughtUp = new HashMap<>();
    stock.step(sandbox, materials, random, t -> caughtUp.computeIfAbsent(t.tid() + "@" + t.modified(),
        k -> catchUp.caughtUp(shop, t, cases.getOrDefault(t.tid(), List.of()))));
    // record only: the outbox workers of continuous sync deliver, so the shop's day does not wait on Tmall's retries
    fulfilment.cycle();
    if ((tick / STEP_TICKS) % 2 == 1) {
      refundSync.cycle();
    }
  }

  /** Whether every paid trade of the history that is still open on Tmall has its ERP order. */
  private boolean historyInErp(TmallSandbox sandbox, Shop shop) {
    Map<String, Instant> inErp = warehouse.salesOrdersCreatedAt(shop.code());
    return sandbox.trades().stream()
        .filter(t -> t.everPaid() && !t.status().startsWith("TRADE_CLOSED"))
        .allMatch(t -> inErp.containsKey(Long.toString(t.tid())));
  }

  /** Compares the sandbox's figures with what the ERP says may be sold (see {@link StockCheck}). */
  public StockCheck.Result verifyStock(TmallSandbox sandbox) {
    List<SandboxTrade> trades = sandbox.trades();
    return new StockCheck().compare(sandbox.items(), sandbox.quantities(), trades, ErpSellable.shippedOnTmall(sandbox, trades),
        sellable.read(sandbox, stock.safety()), DemoSeeder::materialCode, DemoStock.ZERO_BELOW);
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
