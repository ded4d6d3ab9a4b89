package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpRegistry;
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

  private final DemoSeeder seeder;
  private final OrderSync sync;
  private final OrderManagement orders;
  private final Checkpoints checkpoints;
  private final ErpRegistry erp;
  private final Clock clock;

  DemoRunner(DemoSeeder seeder, OrderSync sync, OrderManagement orders, Checkpoints checkpoints, ErpRegistry erp, Clock clock) {
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
    int materials = seeder.seedMaterials(sandbox, shop);
    sandbox.faults(faults(options.faultRate()));
    progress.accept(snapshot("generating", sandbox, options));
    sandbox.generateHistory(options.historyOrders(), now.minus(Duration.ofHours(24)), now.minus(Duration.ofMinutes(2)));
    LiveRun live = options.liveOrders() > 0 ? sandbox.generateLive(options.liveOrders(), options.liveSpan()) : null;
    sync.start();
    boolean quiet = awaitQuiet(sandbox, shop, options, live, progress);
    sandbox.faults(FaultSettings.none());
    progress.accept(snapshot("verifying", sandbox, options));
    OrderCheck.Result result = verify(sandbox);
    Map<String, Long> checks = new LinkedHashMap<>(result.checks());
    checks.put("sync.notQuiet", quiet ? 0L : 1L);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("seed", options.seed());
    details.put("faultRate", options.faultRate());
    details.put("materials", materials);
    details.put("sandbox", Map.of("url", sandbox.url(), "apiCalls", sandbox.apiCalls(), "faultsInjected", sandbox.faultsInjected()));
    details.put("problems", result.samples());
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

  private boolean awaitQuiet(TmallSandbox sandbox, Shop shop, DemoOptions options, LiveRun live, Consumer<DemoProgress> progress)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(options.timeout());
    Object tick = new Object();
    while (clock.instant().isBefore(deadline)) {
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
