package com.tmallbridge.demo;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundSync;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.FulfilmentSync;
import com.tmallbridge.fulfilment.ShipmentState;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The world of the soak ({@code bench/soak.sh}): the demo's shop, buyers and warehouse, played
 * from a process of their own while the bridge runs (and is killed) in another one on the same
 * database. Set up once ({@link #setUp}), stepped while live trades arrive ({@link #step}), then
 * settled and checked as the demo does ({@link #finish}) — every check reads the sandbox and the
 * built-in ERP, never the bridge's tables.
 *
 * <p>Not thread-safe: one soak drives it from one thread.
 */
@Service
public class SoakRunner {
  private static final int SETTLE_STOCK_CYCLES = 20;
  /** How long the final stock settle waits for pushes still under way when its cycles have nothing left to do. */
  private static final java.time.Duration SETTLE_PUSH_PATIENCE = java.time.Duration.ofMinutes(2);
  private static final long TICK_MILLIS = 250;

  private final DemoRunner demo;
  private final DemoSeeder seeder;
  private final DemoStock stock;
  private final DemoAfterSale buyers;
  private final BridgeCatchUp catchUp;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final FulfilmentSync fulfilment;
  private final FulfilmentManagement shipments;
  private final RefundSync refundSync;
  private final AfterSaleManagement afterSale;
  private final Checkpoints checkpoints;
  private final Clock clock;
  private @Nullable Shop shop;
  private List<MaterialCode> materials = List.of();
  private Instant watchedFrom = Instant.EPOCH;

  SoakRunner(DemoRunner demo, DemoSeeder seeder, DemoStock stock, DemoAfterSale buyers, BridgeCatchUp catchUp,
      OrderSync sync, OrderManagement orders, FulfilmentSync fulfilment, FulfilmentManagement shipments, RefundSync refundSync,
      AfterSaleManagement afterSale, Checkpoints checkpoints, Clock clock) {
    this.demo = demo;
    this.seeder = seeder;
    this.stock = stock;
    this.buyers = buyers;
    this.catchUp = catchUp;
    this.sync = sync;
    this.orders = orders;
    this.fulfilment = fulfilment;
    this.shipments = shipments;
    this.refundSync = refundSync;
    this.afterSale = afterSale;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  /**
   * Adds the demo shop, seeds the built-in ERP, matches and publishes stock once, sets the fault
   * rate and generates {@code historyTrades} trades of the past day — what the demo does before the
   * bridge starts syncing. Call once, before the bridge process syncs.
   */
  public void setUp(TmallSandbox sandbox, DemoOptions options, int historyTrades) {
    Instant now = clock.instant();
    Shop added = seeder.addShop(sandbox, now.minus(Duration.ofHours(25)));
    shop = added;
    materials = seeder.seedMaterials(sandbox, added);
    stock.prepare(sandbox, added, materials);
    sandbox.faults(DemoRunner.faults(options.faultRate()));
    if (historyTrades > 0) {
      sandbox.generateHistory(historyTrades, now.minus(Duration.ofHours(24)), now.minus(Duration.ofMinutes(2)));
    }
    watchedFrom = clock.instant();
  }

  /**
   * One step of the shop's day without the bridge's cycles (the bridge process runs them): buyers'
   * after-sale moves (new cases only when {@code newCases}), the warehouse's receipts, counts and
   * shipments of orders the bridge has caught up with.
   */
  public void step(TmallSandbox sandbox, Random random, boolean newCases) {
    Shop s = requireShop();
    buyers.step(sandbox, demo.erpOrdersByTid(), random, newCases);
    Map<Long, List<SandboxRefund>> cases = new HashMap<>();
    sandbox.refunds().forEach(r -> cases.computeIfAbsent(r.tid(), k -> new ArrayList<>()).add(r));
    stock.warehouseStep(sandbox, materials, random, t -> catchUp.caughtUp(s, t, cases.getOrDefault(t.tid(), List.of())));
  }

  /**
   * The demo's ending, run in this process while the bridge process runs its order flow only:
   * replacement orders shipped, shipments and refunds settled, stock settled, then every check of
   * the demo that reads the sandbox and the ERP. Returns the checks by name (0 = passed), with
   * {@code sync.notQuiet} 1 when the flows did not settle within {@code timeout}.
   */
  public Map<String, Long> finish(TmallSandbox sandbox, Duration timeout) throws InterruptedException {
    Shop s = requireShop();
    boolean quiet = settle(sandbox, s, timeout);
    quiet &= stock.settle(sandbox, SETTLE_STOCK_CYCLES, clock, SETTLE_PUSH_PATIENCE);
    Map<String, Long> checks = new LinkedHashMap<>(demo.verify(sandbox, watchedFrom).checks());
    StockCheck.Result stockResult = demo.verifyStock(sandbox);
    ShipmentCheck.Result shipmentResult = demo.verifyShipments(sandbox);
    AfterSaleCheck.Result afterSaleResult = demo.verifyAfterSale(sandbox);
    checks.put("sync.notQuiet", quiet ? 0L : 1L);
    checks.put("stock.overPublished", stockResult.overPublished());
    checks.put("stock.drift", stockResult.drift());
    checks.put("shipments.notWrittenBack", shipmentResult.notWrittenBack());
    checks.put("shipments.unknownOnTmall", shipmentResult.unknownOnTmall());
    checks.put("refunds.unreflected", afterSaleResult.unreflected());
    checks.put("refunds.shippedAfterRequest", shipmentResult.shippedAfterRequest());
    return checks;
  }

  /**
   * Trades, shipments and refunds held for an operator at the end, counted as the demo counts them
   * (not a check: the demo reports them beside the checks).
   */
  public long exceptions() {
    return orders.unresolvedExceptions() + shipments.summary().byState().getOrDefault(ShipmentState.FAILED, 0L)
        + afterSale.counts().getOrDefault("exceptions", 0L);
  }

  private boolean settle(TmallSandbox sandbox, Shop s, Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (clock.instant().isBefore(deadline)) {
      try {
        stock.shipReplacements(); // the warehouse keeps shipping replacements: a return after an exchange waits for its shipment
        fulfilment.runOnce();
        refundSync.runOnce();
        if (caughtUp(sandbox, s) && !sync.hasUndelivered()
            && shipments.summary().byState().getOrDefault(ShipmentState.PENDING, 0L) == 0
            && catchUp.refundsCaughtUp(s, sandbox.refunds())) {
          return true;
        }
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(SoakRunner.class).warn("soak settle tick failed; trying again", e);
      }
      Object tick = new Object();
      synchronized (tick) {
        tick.wait(TICK_MILLIS);
      }
    }
    return false;
  }

  private boolean caughtUp(TmallSandbox sandbox, Shop s) {
    Instant lastChange = sandbox.trades().stream().map(SandboxTrade::modified).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    return checkpoints.get("tmall", "trades", s.id()).map(cp -> cp.isAfter(lastChange)).orElse(false);
  }

  private Shop requireShop() {
    if (shop == null) {
      throw new IllegalStateException("the soak's world is not set up: call setUp first");
    }
    return shop;
  }
}
