package com.tmallbridge.cli;

import com.tmallbridge.aftersale.RefundPull;
import com.tmallbridge.alert.AlertManagement;
import com.tmallbridge.finance.SettlementSchedule;
import com.tmallbridge.aftersale.RefundSync;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.fulfilment.FulfilmentSync;
import com.tmallbridge.stock.StockSync;
import com.tmallbridge.order.PollResult;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sync [--once]}: the order, stock, fulfilment and after-sale flows, once or continuously. */
@Command(name = "sync", description = "Pull changed trades and refunds from every shop into the ERP, publish stock and write shipments back to Tmall.",
    mixinStandardHelpOptions = true)
class SyncCommand implements Callable<Integer> {
  @ParentCommand BridgeCommand root;

  @Option(names = "--once", description = "Run one full cycle for every shop up to now, then exit.") boolean once;
  @Option(names = "--rerun-from", converter = InstantArgument.class, paramLabel = "TIME",
      description = "With --once: first move the pull checkpoint of every shop (or --shop) back to TIME and read everything since again.")
  java.time.Instant rerunFrom;

  @Option(names = "--shop", paramLabel = "CODE", description = "With --rerun-from: only this shop.") String shopCode;

  @Option(names = "--workers", defaultValue = "2", description = "Dispatcher threads when running continuously (default: ${DEFAULT-VALUE}).") int workers;

  @Override
  public Integer call() throws InterruptedException {
    if (rerunFrom != null && !once) {
      throw new IllegalArgumentException("--rerun-from goes with --once");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be between 1 and 64, got " + workers);
    }
    OrderSync sync = root.runtime().with("bridge.sync.worker-threads", workers).bean(OrderSync.class);
    Output out = new Output(root.spec.commandLine().getOut());
    if (once) {
      if (rerunFrom != null) {
        rewind(out);
      }
      OrderSync.CycleResult r = sync.runOnce();
      StockSync.CycleResult s = root.runtime().bean(StockSync.class).runOnce();
      FulfilmentSync.CycleResult f = root.runtime().bean(FulfilmentSync.class).runOnce();
      RefundSync.Result a = root.runtime().bean(RefundSync.class).runOnce();
      if (root.json) {
        out.json(java.util.Map.of("orders", r, "stock", s, "shipments", f, "refunds", a));
      } else {
        r.polls().forEach(p -> out.line(describe(p)));
        out.line("delivered " + r.delivered() + " message(s)");
        out.line("stock: " + s.stockChanges() + " ERP stock change(s), " + s.deliveries() + " ERP deliveries, " + s.recomputed()
            + " listing(s) recomputed, " + s.pushesQueued() + " push(es) queued, " + s.delivered() + " message(s) delivered");
        out.line("shipments: " + f.recorded() + " ERP deliveries recorded, " + f.delivered() + " message(s) delivered");
        out.line(describe(a));
      }
      return r.polls().stream().allMatch(p -> p.error() == null) ? 0 : 1;
    }
    CountDownLatch stopped = startContinuously(root.runtime());
    out.line("syncing orders, stock, shipments and refunds continuously; Ctrl-C to stop");
    stopped.await();
    return 0;
  }

  /**
   * Starts the order, stock, fulfilment, after-sale and settlement-import schedulers and the alert monitor of {@code runtime} (the long-running
   * mode of {@code sync} and {@code serve}) and a shutdown hook that stops them.
   *
   * @return counted down once the shutdown hook has stopped them all
   */
  static CountDownLatch startContinuously(SpringRuntime runtime) {
    CountDownLatch stopped = new CountDownLatch(1);
    OrderSync sync = runtime.bean(OrderSync.class);
    StockSync stock = runtime.bean(StockSync.class);
    FulfilmentSync fulfilment = runtime.bean(FulfilmentSync.class);
    RefundSync refunds = runtime.bean(RefundSync.class);
    AlertManagement alerts = runtime.bean(AlertManagement.class);
    SettlementSchedule settlements = runtime.bean(SettlementSchedule.class);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      alerts.stop();
      settlements.stop();
      refunds.stop();
      fulfilment.stop();
      stock.stop();
      sync.stop();
      stopped.countDown();
    }));
    sync.start();
    stock.start();
    fulfilment.start();
    refunds.start();
    settlements.start();
    alerts.start();
    return stopped;
  }

  private void rewind(Output out) {
    var shops = root.runtime().bean(com.tmallbridge.shop.ShopManagement.class);
    var orders = root.runtime().bean(com.tmallbridge.order.OrderManagement.class);
    var targets = shopCode == null ? shops.list() : java.util.List.of(shops.findByCode(shopCode)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + shopCode + "' (see 'bridge shop list')")));
    for (var shop : targets) {
      orders.rewind(shop.id(), rerunFrom);
      if (!root.json) {
        out.line(shop.code() + ": reading again from " + rerunFrom);
      }
    }
  }

  static String describe(RefundSync.Result a) {
    int seen = a.pulls().stream().mapToInt(RefundPull::seen).sum();
    int applied = a.pulls().stream().mapToInt(RefundPull::applied).sum();
    int unreadable = a.pulls().stream().mapToInt(RefundPull::unreadable).sum();
    String stopped = a.pulls().stream().filter(p -> p.error() != null).map(p -> p.shopCode() + ": " + p.error())
        .reduce((x, y) -> x + "; " + y).map(e -> "; stopped: " + e).orElse("");
    return "refunds: " + seen + " refund(s) received, " + applied + " applied, " + unreadable + " unreadable, " + a.delivered()
        + " message(s) delivered" + stopped;
  }

  static String describe(PollResult p) {
    return p.shopCode() + ": " + p.windows() + " window(s), " + p.received() + " trade(s) received, " + p.applied()
        + " applied, " + p.queued() + " queued for the ERP, " + p.held() + " held" + (p.error() == null ? "" : "; stopped: " + p.error());
  }
}
