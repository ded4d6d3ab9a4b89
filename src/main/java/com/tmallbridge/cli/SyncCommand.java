package com.tmallbridge.cli;

import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.PollResult;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sync [--once]}: pull trades and deliver ERP orders. */
@Command(name = "sync", description = "Pull changed trades from every shop and deliver them to the ERP.", mixinStandardHelpOptions = true)
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
      if (root.json) {
        out.json(r);
      } else {
        r.polls().forEach(p -> out.line(describe(p)));
        out.line("delivered " + r.delivered() + " message(s)");
      }
      return r.polls().stream().allMatch(p -> p.error() == null) ? 0 : 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sync.stop();
      stopped.countDown();
    }));
    sync.start();
    out.line("syncing continuously; Ctrl-C to stop");
    stopped.await();
    return 0;
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

  static String describe(PollResult p) {
    return p.shopCode() + ": " + p.windows() + " window(s), " + p.received() + " trade(s) received, " + p.applied()
        + " applied, " + p.queued() + " queued for the ERP, " + p.held() + " held" + (p.error() == null ? "" : "; stopped: " + p.error());
  }
}
