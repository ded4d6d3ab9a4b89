package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.demo.DemoOptions;
import com.tmallbridge.demo.DemoReport;
import com.tmallbridge.demo.DemoRunner;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo}: the whole job on embedded defaults, verified end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Start a simulated Tmall shop and the built-in ERP (or Tryton: --erp tryton), sync a day of trades, verify both sides agree.",
        "Runs on its own H2 database in DIR/demo (wiped at start). Exit status 0 only when every check is 0."})
class DemoCommand implements Callable<Integer> {
  /** The sandbox shop's default call budget per second (the bridge's default for a real shop is 50). */
  static final int DEMO_CALLS_PER_SECOND = 200;

  @ParentCommand BridgeCommand root;

  @Option(names = "--orders", description = "Trades to generate (default: 2000; 200 with --erp tryton, which books each sale in about ten calls).")
  Integer orders;
  @Option(names = "--seed", description = "Seed of the generated data and faults (default: random, printed in the report).") Long seed;
  @Option(names = "--faults", defaultValue = "0", description = "Share of API calls the sandbox fails, 0..0.9 (default: ${DEFAULT-VALUE}).") double faults;
  @Option(names = "--exit", description = "Exit after the report instead of syncing live trades and serving the console until Ctrl-C.")
  boolean exit;
  @Option(names = "--port", defaultValue = "8080",
      description = "Without --exit: TCP port of the web console (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Without --exit: address the console listens on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;
  @Option(names = "--timeout", description = "Give up waiting for the bridge after this ISO duration (default: PT10M; PT30M with --erp tryton).")
  Duration timeout;
  @Option(names = "--erp", defaultValue = "builtin", paramLabel = "builtin|tryton",
      description = "ERP the demo runs on: builtin (default), or tryton: a real Tryton 6.0 server from Debian's packages, started for the run.")
  String erpName;
  @Option(names = "--calls-per-second", paramLabel = "N",
      description = "The demo shop's TOP call budget per second (default: " + DEMO_CALLS_PER_SECOND
          + "; a real shop's default is 50, at which the default day's ~4,100 calls alone take 80 s).")
  Integer callsPerSecond;

  @Override
  public Integer call() throws Exception {
    if (root.dbUrl != null) {
      throw new IllegalArgumentException("demo runs on its own H2 database under --data; drop --db-url");
    }
    if (!exit) {
      ServeCommand.checkAddress(port, bind);
    }
    int budget = callsPerSecond == null ? DEMO_CALLS_PER_SECOND : callsPerSecond;
    if (budget < 1 || budget > 10_000) {
      throw new IllegalArgumentException("--calls-per-second must be between 1 and 10000, got " + budget);
    }
    boolean onTryton = switch (erpName) {
      case "builtin" -> false;
      case "tryton" -> true;
      default -> throw new IllegalArgumentException("--erp must be builtin or tryton, not '" + erpName + "'");
    };
    if (onTryton && !TrytonServer.installed()) {
      throw new IllegalArgumentException("--erp tryton: " + TrytonServer.notInstalled());
    }
    DemoOptions options = new DemoOptions(orders != null ? orders : onTryton ? 200 : 2000, seed == null ? System.nanoTime() % 1_000_000 : seed,
        faults, timeout != null ? timeout : onTryton ? Duration.ofMinutes(30) : Duration.ofMinutes(10));
    Path dir = root.data.resolve("demo");
    BenchCommand.wipe(dir);
    ProgressLine progress = new ProgressLine(root.spec.commandLine().getErr());
    // the sandbox starts first: the bridge is configured with its TMC address (pushed messages on, polling as the safety net);
    // the sandbox on loopback has no call quota of its own, so the shop's budget is DEMO_CALLS_PER_SECOND, not the default 50
    // a real Tmall app starts with (at 50 the day's 4,700-5,800 calls alone take 95-115 s; see docs/demo.md)
    try (TrytonServer tryton = onTryton ? startTryton(progress) : null;
        TmallSandbox sandbox = DemoRunner.startSandbox(options, Clock.systemUTC());
        SpringRuntime runtime = new SpringRuntime(dir, null, null, null)
            .with("bridge.order.poll-interval", "1s")
            // the money phase imports the bills of trades the buyers confirmed seconds ago: no safety lag behind now
            .with("bridge.finance.safety-lag", "0s")
            // and the day's bills crowd into the minutes of the run: thousands a minute, past Tmall's 5,000-line cap
            .with("bridge.finance.min-split-window", "1s")
            .with("bridge.channel.tmall.calls-per-second", Integer.toString(budget))
            .with("bridge.channel.tmall.tmc.enabled", "true")
            .with("bridge.channel.tmall.tmc.url", sandbox.tmcUrl())
            .with("logging.file.name", dir.resolve("bridge.log").toString())) {
      if (tryton != null) {
        tryton.bridgeProperties(DemoRunner.WAREHOUSE).forEach(runtime::with);
      }
      if (!exit) {
        // the console's web server starts with the context, before the demo's clock runs; no one can log in before the report:
        // the first admin is created after it
        ServeCommand.webServer(runtime, port, bind);
      }
      DemoRunner demo = runtime.bean(DemoRunner.class);
      DemoReport report = demo.run(sandbox, options, progress::show);
      progress.done();
      print(report, dir);
      if (!exit) {
        keepRunning(sandbox, runtime, dir);
      }
      runtime.bean(OrderSync.class).stop();
      return report.passed() ? 0 : 1;
    }
  }

  /** A fresh Tryton server on a copy of the cached initialised database (the first start initialises it: minutes). */
  private static TrytonServer startTryton(ProgressLine progress) {
    progress.show(new com.tmallbridge.demo.DemoProgress("starting Tryton", 0, 0, 0, 0, 0, false));
    return new TrytonServer(TrytonServer.Settings.defaults()).start();
  }

  private void print(DemoReport r, Path dir) {
    Output out = new Output(root.spec.commandLine().getOut());
    if (root.json) {
      out.json(r.toMap());
      return;
    }
    out.line("TmallBridge demo " + (r.passed() ? "PASSED" : "FAILED") + " in " + r.elapsedMs() + " ms (seed " + r.details().get("seed") + ")");
    out.line(String.format("  Tmall : %d trades, %d paid, %s yuan paid", r.tmall().trades(), r.tmall().paid(), Money.formatYuan(r.tmall().paymentFen())));
    out.line(String.format("  ERP   : %d sales orders, %s yuan (%s)", r.erp().salesOrders(), Money.formatYuan(r.erp().amountFen()),
        r.details().getOrDefault("erpConnector", "embedded")));
    r.checks().forEach((k, v) -> out.line(String.format("  %-34s %d%s", k, v, v == 0 ? "" : "   <-- problem")));
    if (r.details().get("stock") instanceof java.util.Map<?, ?> stock && r.details().get("warehouse") instanceof java.util.Map<?, ?> w) {
      out.line(String.format("  stock : %s SKUs published, %s SKU figures pushed in %s calls, %s samples while trades flowed",
          stock.get("skus"), stock.get("pushes"), stock.get("apiCalls"), stock.get("samplesDuringRun")));
      out.line(String.format("  ERP warehouse while trades flowed: %s receipts, %s stocktakes, %s orders shipped, %s split parcels",
          w.get("receipts"), w.get("stocktakes"), w.get("ordersShipped"), w.get("firstParcelsOfSplits")));
    }
    if (r.details().get("shipments") instanceof java.util.Map<?, ?> sh && r.details().get("refunds") instanceof java.util.Map<?, ?> rf
        && r.details().get("latency") instanceof java.util.Map<?, ?> lat) {
      out.line(String.format("  shipments: %s parcels delivered in the ERP, %s shown on Tmall (%s trades in several parcels)",
          sh.get("delivered"), sh.get("writtenBack"), sh.get("splitTrades")));
      out.line(String.format("  refunds : %s before shipping, %s after shipping, %s with goods returned",
          rf.get("beforeShipping"), rf.get("afterShipping"), rf.get("returned")));
      out.line(String.format("  latency : payment -> ERP order p50 %s ms, p99 %s ms (live trades, TMC on)", lat.get("p50Ms"), lat.get("p99Ms")));
    }
    if (r.details().get("finance") instanceof java.util.Map<?, ?> money) {
      java.util.StringJoiner found = new java.util.StringJoiner(", ");
      if (money.get("differences") instanceof java.util.Map<?, ?> byCategory) {
        byCategory.forEach((category, n) -> {
          if (((Number) n).longValue() != 0) {
            found.add(category + " " + n);
          }
        });
      }
      out.line(String.format("  money : %s settlement lines, %s vouchers, %s orders reconciled; differences: %s; faults injected %s, caught %s",
          money.get("settlementLines"), money.get("vouchers"), money.get("reconciledOrders"), found.length() == 0 ? "none" : found,
          money.get("injectedFaults"), money.get("caughtFaults")));
    }
    if (r.details().get("phasesMs") instanceof java.util.Map<?, ?> phases && !phases.isEmpty()) {
      java.util.StringJoiner line = new java.util.StringJoiner(", ", "  phases : ", "");
      phases.forEach((phase, ms) -> line.add(String.format(java.util.Locale.ROOT, "%s %.1f s", phase, ((Number) ms).longValue() / 1000.0)));
      out.line(line.toString());
    }
    out.line("  exceptions held for an operator: " + r.exceptions());
    out.line("  inspect: ./bridge --data " + dir + " orders list | exceptions list | stock show | shipments list | refunds list");
  }

  /**
   * After the report: the console on the demo's database (a first admin created as {@code serve}
   * does, its password printed once), the schedulers of {@code serve}, and live trades from the
   * sandbox, until Ctrl-C (a shutdown hook) or until this thread is interrupted, which stops it the
   * same way. Printed on standard error, so that standard output carries the report alone.
   */
  private void keepRunning(TmallSandbox sandbox, SpringRuntime runtime, Path dir) {
    Output out = new Output(root.spec.commandLine().getErr());
    var c = sandbox.credentials();
    out.line("sandbox gateway " + sandbox.url() + "  app key " + c.appKey() + "  app secret " + c.appSecret() + "  session " + c.sessionKey());
    ServeCommand.announceConsole(runtime, out, port, bind);
    com.tmallbridge.demo.ExceptionToFix.plant(sandbox).guidance(dir.toString()).forEach(out::line);
    out.line("live trades keep arriving and syncing (TMC push and polling), stock, shipments and refunds keep flowing; Ctrl-C to stop");
    runtime.bean(com.tmallbridge.stock.StockSync.class).start();
    runtime.bean(com.tmallbridge.fulfilment.FulfilmentSync.class).start();
    runtime.bean(com.tmallbridge.aftersale.RefundSync.class).start();
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      while (!stop.await(0, java.util.concurrent.TimeUnit.SECONDS)) {
        sandbox.generateLive(20, Duration.ofSeconds(20)).awaitDone(Duration.ofSeconds(40));
      }
    } catch (InterruptedException stopRequested) {
      // the caller's stop request, as Ctrl-C: fall through to the schedulers' stop
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is stopping: the hook has run or is running
      }
    }
  }
}
