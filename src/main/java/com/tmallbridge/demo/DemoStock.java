package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.product.MatchProgress;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockRule;
import com.tmallbridge.stock.StockSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The stock half of the demo, played as a merchant's team would: the product match, a publish
 * rule, safety stock on a few materials and a first publication; then, while trades flow, the
 * warehouse receives goods, counts stock and ships sales orders (some in two parcels) in the
 * built-in ERP, and the bridge keeps Tmall's figures in step.
 */
@Component
class DemoStock {
  /** Publish 0 when fewer than this many units could be sold (the demo shop's zero-out rule). */
  static final long ZERO_BELOW = 3;
  /** Safety stock held back on the first few materials. */
  static final long SAFETY = 5;
  private static final String WAREHOUSE = DemoRunner.WAREHOUSE;
  private static final Set<String> WAITING_FOR_GOODS = Set.of("WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART");
  private static final List<Carrier> CARRIERS = List.of(
      new Carrier("SF", "SF%012d"), new Carrier("中通快递", "75%010d"), new Carrier("YTO", "YT%012d"), new Carrier("EMS", "EA%09dCN"));
  private static final int CYCLE_ATTEMPTS = 5;
  /** Parcels the warehouse books per step on a remote ERP (each takes it a dozen calls or more). */
  static final long REMOTE_PARCELS_PER_STEP = 20;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoStock.class);

  private final ProductManagement products;
  private final StockManagement stock;
  /** Pause while pushes another process delivers are under way at the end ({@link #settle}). */
  private static final long PUSH_WAIT_MILLIS = 200;

  private final StockSync stockSync;
  private final ErpRegistry erp;
  private final ErpDesk warehouse;
  private final StockWatch watch;
  private final Map<MaterialCode, Long> safety = new java.util.HashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong counted = new AtomicLong();
  private final AtomicLong shipped = new AtomicLong();
  private final AtomicLong splitParcels = new AtomicLong();
  private final AtomicLong replacementsShipped = new AtomicLong();
  private final AtomicLong parcels = new AtomicLong();
  private final Set<String> fullyShipped = new HashSet<>();
  private final Set<String> partlyShipped = new HashSet<>();

  DemoStock(ProductManagement products, StockManagement stock, StockSync stockSync, ErpRegistry erp, ErpDesk warehouse,
      StockWatch watch) {
    this.watch = watch;
    this.products = products;
    this.stock = stock;
    this.stockSync = stockSync;
    this.erp = erp;
    this.warehouse = warehouse;
  }

  /**
   * Matches the shop's listings, sets the shop's rule and safety stock, and publishes every
   * figure once.
   *
   * @return the materials given safety stock
   */
  List<MaterialCode> prepare(TmallSandbox sandbox, Shop shop, List<MaterialCode> materials) {
    products.match(shop.id(), MatchProgress.NONE);
    stock.putRule(new StockRule(shop.id(), "", "", null, 100, null, null, null, ZERO_BELOW, null));
    List<MaterialCode> safe = materials.stream().limit(3).toList();
    safe.forEach(m -> {
      stock.putSafety(m, SAFETY);
      safety.put(m, SAFETY);
    });
    watch.beforeCycle(sandbox, safety);
    cycle(stockSync::runFullPass);
    return safe;
  }

  /** The safety stock the demo shop set, per material (its own setting, not read back from the bridge). */
  Map<MaterialCode, Long> safety() {
    return Map.copyOf(safety);
  }

  /** Compares Tmall's figures with what the ERP allowed since the last stock cycles (see {@link StockWatch}). */
  void sample(TmallSandbox sandbox) {
    watch.sample(sandbox, safety);
  }

  /**
   * One step of warehouse life: a receipt or two, now and then a stocktake that finds a damaged
   * unit, and shipments of sales orders the ERP holds; then one stock cycle of the bridge.
   */
  void step(TmallSandbox sandbox, List<MaterialCode> materials, Random random, Predicate<SandboxTrade> ready) {
    warehouseStep(sandbox, materials, random, ready);
    watch.beforeCycle(sandbox, safety);
    cycle(() -> stockSync.cycle(false)); // the outbox workers deliver the pushes
  }

  /**
   * The warehouse's half of {@link #step}, without the bridge's stock cycle: for a bridge that
   * runs its stock flow in a process of its own (the soak).
   */
  void warehouseStep(TmallSandbox sandbox, List<MaterialCode> materials, Random random, Predicate<SandboxTrade> ready) {
    if (!materials.isEmpty()) {
      for (int i = 0; i < 1 + random.nextInt(2); i++) {
        MaterialCode m = materials.get(random.nextInt(materials.size()));
        warehouse.receive(WAREHOUSE, m, 5 + random.nextInt(46), "demo-receipt-" + received.incrementAndGet());
      }
      if (random.nextInt(4) == 0) {
        MaterialCode m = materials.get(random.nextInt(materials.size()));
        long onHand = erp.capability(StockLedger.class).onHand(m).getOrDefault(WAREHOUSE, 0L);
        if (onHand > 0) {
          warehouse.stocktake(WAREHOUSE, m, onHand - 1, "demo-count-" + counted.incrementAndGet());
        }
      }
    }
    ship(sandbox, random, ready);
  }

  /**
   * Runs one stock cycle as the continuous mode does: a failure (say, a row another transaction
   * holds too long) is logged and the cycle runs again, up to a few times, instead of stopping the
   * demo — nothing is lost, the next cycle picks up where this one stopped.
   */
  private void cycle(Runnable cycle) {
    for (int attempt = 1; ; attempt++) {
      try {
        cycle.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == CYCLE_ATTEMPTS) {
          throw e;
        }
        log.warn("stock cycle failed (attempt {} of {}); running it again", attempt, CYCLE_ATTEMPTS, e);
      }
    }
  }

  /**
   * Ships about two thirds of the ERP's open sales orders whose trade waits for goods on Tmall and
   * which the bridge has caught up with ({@code ready}); a multi-line order ships in two parcels
   * (the first line now, the rest on a later step). Parcels go with one of a few carriers, each
   * with a waybill number of its own format, unique in the run. Replacement orders of exchanges
   * ship whole. An order the ERP refuses to ship (held for a refund, cancelled) is tried again on
   * a later step. On a remote ERP at most {@value #REMOTE_PARCELS_PER_STEP} parcels go per step.
   */
  private void ship(TmallSandbox sandbox, Random random, Predicate<SandboxTrade> ready) {
    List<ErpSalesOrderSummary> open = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode()) && !fullyShipped.contains(o.docNo().value())
          && o.status().stillToShip()) {
        open.add(o);
      }
    });
    // the lines of every order the warehouse may pick, read in one go (a remote ERP answers per call)
    Map<ErpDocNo, List<OpenLine>> lines = warehouse.openLines(open.stream().filter(o -> ReplacementOrderNo.parse(o.orderNo().value()).isEmpty())
        .filter(o -> sandbox.trade(Long.parseLong(o.orderNo().value())).filter(t -> WAITING_FOR_GOODS.contains(t.status()) && ready.test(t)).isPresent())
        .map(ErpSalesOrderSummary::docNo).toList());
    long parcelsBefore = parcels.get();
    long cap = erp.activeIsRemote() ? REMOTE_PARCELS_PER_STEP : Long.MAX_VALUE;
    for (ErpSalesOrderSummary o : open) {
      if (parcels.get() - parcelsBefore >= cap) {
        break; // a remote ERP books a parcel in many calls: the rest wait for the next step, so the day keeps its pace
      }
      String doc = o.docNo().value();
      if (random.nextInt(3) == 0) {
        continue;
      }
      if (ReplacementOrderNo.parse(o.orderNo().value()).isPresent()) {
        shipWhole(o, random, replacementsShipped);
        continue;
      }
      SandboxTrade trade = sandbox.trade(Long.parseLong(o.orderNo().value())).orElse(null);
      if (trade == null || !WAITING_FOR_GOODS.contains(trade.status()) || !ready.test(trade)) {
        continue;
      }
      try {
        List<OpenLine> remaining = lines.getOrDefault(o.docNo(), List.of()).stream().filter(l -> l.open() > 0).toList();
        if (remaining.isEmpty()) {
          fullyShipped.add(doc);
          continue;
        }
        if (remaining.size() > 1 && !partlyShipped.contains(doc)) {
          OpenLine first = remaining.get(0);
          Carrier carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
          warehouse.ship(new Shipment(o.docNo(), WAREHOUSE, carrier.erpName(), carrier.waybill(parcels.incrementAndGet()), doc + "/1",
              Map.of(first.lineNo(), first.open())));
          partlyShipped.add(doc);
          splitParcels.incrementAndGet();
        } else {
          shipWhole(o, random, shipped);
        }
      } catch (ConnectorException e) {
        log.debug("order {} not shipped now: {}", doc, e.getMessage()); // held for a refund or cancelled: try again later
      }
    }
  }

  private void shipWhole(ErpSalesOrderSummary o, Random random, AtomicLong counter) {
    String doc = o.docNo().value();
    Carrier carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
    try {
      warehouse.ship(Shipment.inFull(o.docNo(), WAREHOUSE, carrier.erpName(), carrier.waybill(parcels.incrementAndGet()), doc + "/2"));
      fullyShipped.add(doc);
      counter.incrementAndGet();
    } catch (ConnectorException e) {
      log.debug("order {} not shipped now: {}", doc, e.getMessage());
    }
  }

  /** Ships every open replacement order (the last warehouse round before the verdict). */
  void shipReplacements() {
    List<ErpSalesOrderSummary> open = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode()) && ReplacementOrderNo.parse(o.orderNo().value()).isPresent()
          && o.status() == ErpOrderStatus.OPEN) {
        open.add(o);
      }
    });
    Random random = new Random(open.size());
    open.forEach(o -> shipWhole(o, random, replacementsShipped));
  }

  /**
   * A carrier as the ERP names it (a Tmall company code or name; the bridge maps both) and the
   * format of its waybill numbers.
   */
  private record Carrier(String erpName, String format) {
    String waybill(long n) {
      return String.format(format, n);
    }
  }

  /**
   * Runs the bridge's ordinary stock cycle (ERP changes read, changed figures pushed and delivered)
   * until one finds nothing to push and no push is left under way — what a running bridge does on
   * its own once the warehouse stops. No repair: drift is measured after this. A cycle that finds
   * nothing to do while pushes are still under way (another process, e.g. the soak's bridge,
   * delivers them) does not count: it waits for them, up to {@code patience} in all.
   *
   * @return whether it settled within {@code maxCycles} working cycles and {@code patience}
   */
  boolean settle(TmallSandbox sandbox, int maxCycles, Clock clock, Duration patience) throws InterruptedException {
    Instant deadline = clock.instant().plus(patience);
    int cycles = 0;
    while (cycles < maxCycles) {
      watch.beforeCycle(sandbox, safety);
      StockSync.CycleResult[] result = new StockSync.CycleResult[1];
      cycle(() -> result[0] = stockSync.runOnce());
      watch.sample(sandbox, safety);
      boolean idle = result[0].pushesQueued() == 0 && result[0].stockChanges() == 0 && result[0].deliveries() == 0;
      if (idle && !watch.pushesUnderWay()) {
        return true;
      }
      if (idle) {
        // nothing left for this cycle to do but pushes another process is delivering: wait for them, bounded by time
        if (!clock.instant().isBefore(deadline)) {
          return false;
        }
        Object tick = new Object();
        synchronized (tick) {
          tick.wait(PUSH_WAIT_MILLIS);
        }
        continue;
      }
      cycles++;
    }
    return false;
  }

  /** The final pass, after the verdict on drift: every figure recomputed, Tmall's read back, drift corrected and pushed. */
  Finish finish() {
    cycle(stockSync::runFullPass);
    StockManagement.CheckReport check = stock.check(null, true);
    cycle(stockSync::runOnce);
    return new Finish(check.drifts().size(), check.oversells().size());
  }

  long shippedOrders() {
    return shipped.get();
  }

  long replacementsShipped() {
    return replacementsShipped.get();
  }

  long splitParcels() {
    return splitParcels.get();
  }

  long receipts() {
    return received.get();
  }

  long stocktakes() {
    return counted.get();
  }

  /**
   * What the final pass found.
   *
   * @param driftsCorrected listings whose Tmall figure differed and were pushed again
   * @param oversells trades flagged as sold beyond sellable stock
   */
  record Finish(int driftsCorrected, int oversells) {}
}
