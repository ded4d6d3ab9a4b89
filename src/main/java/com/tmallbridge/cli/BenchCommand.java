package com.tmallbridge.cli;

import com.tmallbridge.demo.ErpBenchmark;
import com.tmallbridge.demo.InsertFloor;
import com.tmallbridge.demo.LatencyBenchmark;
import com.tmallbridge.demo.LatencyProbe;
import com.tmallbridge.demo.OrderBenchmark;
import com.tmallbridge.demo.StockBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench orders|stock|latency|erp}: the benchmarks behind {@code bench/orders.sh}, {@code bench/stock.sh},
 * {@code bench/latency.sh} and {@code bench/erp.sh}.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true, description = "Benchmarks (see bench/README.md).",
    subcommands = {BenchCommand.Orders.class, BenchCommand.Stock.class, BenchCommand.Latency.class,
        BenchCommand.Erp.class, ReconcileBenchCommand.class, SoakCommand.class, SoakBridgeCommand.class})
class BenchCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("bench").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "orders", mixinStandardHelpOptions = true,
      description = "Double 11 burst through sandbox -> bridge -> built-in ERP on H2 or PostgreSQL.")
  static class Orders implements Callable<Integer> {
    @ParentCommand BenchCommand parent;
    @Option(names = "--trades", defaultValue = "100000", description = "Trades in the burst (default: ${DEFAULT-VALUE}).") int trades;
    @Option(names = "--seed", defaultValue = "11") long seed;
    @Option(names = "--db", defaultValue = "h2", description = "h2 (a file in the data directory) or postgres "
        + "(database --pg-database, dropped and created, on --pg-url; default: ${DEFAULT-VALUE}).") String db;
    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
        description = "PostgreSQL server for --db postgres, without the database name (default: ${DEFAULT-VALUE}).") String pgUrl;
    @Option(names = "--pg-database", defaultValue = "bench_orders", description = "Database for --db postgres, dropped and "
        + "created at the start (default: ${DEFAULT-VALUE}); a name of your own keeps runs on a shared server apart.") String pgDatabase;
    @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).") String pgUser;
    @Option(names = "--pg-vacuum-every", defaultValue = "0", paramLabel = "SECONDS", description = "With --db postgres: run "
        + "VACUUM (ANALYZE) on the bench database every SECONDS during the run, standing in for autovacuum on a server "
        + "where it is off (default: ${DEFAULT-VALUE} = never).") int pgVacuumSeconds;
    @Option(names = "--h2-options", paramLabel = "SETTINGS", description = "With --db h2: the H2 URL settings after the file name, "
        + "';'-separated, to compare store settings (default: the bench's own, " + H2_OPTIONS + ").") String h2Options;

    @Override
    public Integer call() throws Exception {
      if (trades < 100 || trades > 2_000_000) {
        throw new IllegalArgumentException("--trades must be between 100 and 2000000, got " + trades);
      }
      if (!"h2".equals(db) && !"postgres".equals(db)) {
        throw new IllegalArgumentException("--db must be h2 or postgres, got " + db);
      }
      if (!pgDatabase.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("--pg-database must be a lower-case SQL name (letters, digits, _), got " + pgDatabase);
      }
      Path dir = parent.root.data.resolve("bench-orders");
      Output out = new Output(parent.root.spec.commandLine().getOut());
      SpringRuntime runtime;
      InsertFloor.Target floor;
      PostgresVacuum vacuum = null;
      if ("postgres".equals(db)) {
        String url = recreatePostgres(pgUrl, pgUser, pgDatabase);
        runtime = postgresRuntime(dir, url, pgUser);
        floor = new InsertFloor.Target("postgres", url, pgUser);
        vacuum = PostgresVacuum.start(url, pgUser, pgVacuumSeconds, out::line);
      } else {
        runtime = freshRuntime(dir, h2Options != null ? h2Options : H2_OPTIONS);
        floor = InsertFloor.Target.h2(dir);
        out.line("h2 settings: " + (h2Options != null ? h2Options : H2_OPTIONS));
      }
      try (runtime; PostgresVacuum v = vacuum) {
        OrderBenchmark.Figures f = runtime.bean(OrderBenchmark.class).run(trades, seed, floor, out::line);
        out.line(String.format("trades=%d paid=%d problems=%d", f.trades(), f.paid(), f.problems()));
        out.line(String.format("end-to-end is %.0f%% of the fetch floor and %.0f%% of the insert floor",
            100 * f.ordersPerSecond() / f.fetchFloorPerSecond(), 100 * f.ordersPerSecond() / f.insertFloorPerSecond()));
        out.line("per stage, end-to-end run only (warm-up and floors excluded):");
        f.stages().forEach(out::line);
        out.line(String.format("db=%s orders_per_s=%.0f first_tenth_per_s=%.0f last_tenth_per_s=%.0f fetch_floor_per_s=%.0f "
            + "insert_floor_per_s=%.0f heap_mb=%d bytes_per_trade=%d", db, f.ordersPerSecond(), f.firstTenthPerSecond(),
            f.lastTenthPerSecond(), f.fetchFloorPerSecond(), f.insertFloorPerSecond(), f.heapMb(), f.bytesPerTrade()));
        return f.problems() == 0 ? 0 : 1;
      }
    }

    /** Drops and creates {@code database} on the server; returns its JDBC URL. */
    static String recreatePostgres(String server, String user, String database) throws SQLException {
      String base = server.endsWith("/") ? server : server + "/";
      try (Connection c = DriverManager.getConnection(base + "postgres", user, "");
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
        s.execute("create database " + database);
      }
      return base + database;
    }

    static SpringRuntime postgresRuntime(Path dir, String url, String user) throws IOException {
      wipe(dir);
      return new SpringRuntime(dir, url, user, "")
          .with("bridge.order.poll-interval", "1h")
          .with("logging.file.name", dir.resolve("bridge.log").toString());
    }
  }

  @Command(name = "stock", mixinStandardHelpOptions = true,
      description = "N SKUs whose ERP stock all changes: time until Tmall (the sandbox) shows every new figure.")
  static class Stock implements Callable<Integer> {
    @ParentCommand BenchCommand parent;
    @Option(names = "--skus", defaultValue = "50000", description = "SKUs, 20 per item (default: ${DEFAULT-VALUE}).") int skus;
    @Option(names = "--seed", defaultValue = "11") long seed;

    @Override
    public Integer call() throws Exception {
      if (skus < 20 || skus > 1_000_000) {
        throw new IllegalArgumentException("--skus must be between 20 and 1000000, got " + skus);
      }
      Path dir = parent.root.data.resolve("bench-stock");
      Output out = new Output(parent.root.spec.commandLine().getOut());
      SpringRuntime runtime = freshRuntime(dir);
      try (runtime) {
        StockBenchmark.Figures f = runtime.bean(StockBenchmark.class).run(skus, seed, out::line);
        out.line(String.format("skus=%d wrong=%d", f.skus(), f.wrong()));
        out.line(String.format("stock_seconds=%.1f calls=%d bare_calls_seconds=%.1f", f.stockSeconds(), f.calls(), f.bareCallsSeconds()));
        return f.wrong() == 0 ? 0 : 1;
      }
    }
  }

  @Command(name = "latency", mixinStandardHelpOptions = true,
      description = "Payment -> ERP order latency under a live burst, with TMC push and with polling only.")
  static class Latency implements Callable<Integer> {
    @ParentCommand BenchCommand parent;
    @Option(names = "--trades", defaultValue = "3000", description = "Live trades in the burst (default: ${DEFAULT-VALUE}).") int trades;
    @Option(names = "--seconds", defaultValue = "60", description = "Length of the burst (default: ${DEFAULT-VALUE}).") int seconds;
    @Option(names = "--poll-interval", defaultValue = "30", description = "Seconds between pull cycles in both runs "
        + "(default: ${DEFAULT-VALUE}, the production default).") int pollSeconds;
    @Option(names = "--seed", defaultValue = "11") long seed;
    @Option(names = "--peak-trades", defaultValue = "5000", description = "Trades of the paid peak on top of the stream, "
        + "all paid one to two seconds after creation; 0 for none (default: ${DEFAULT-VALUE}).") int peakTrades;
    @Option(names = "--peak-seconds", defaultValue = "10", description = "Length of the peak (default: ${DEFAULT-VALUE}).")
    int peakSeconds;
    @Option(names = "--peak-after", defaultValue = "20", description = "Seconds from the start of the stream to the peak "
        + "(default: ${DEFAULT-VALUE}).") int peakAfter;
    @Option(names = "--tmc-only", description = "Skip the polling-only run (its figures print as 0; for quick runs).")
    boolean tmcOnly;

    @Override
    public Integer call() throws Exception {
      if (peakTrades < 0 || peakTrades > 200_000 || peakSeconds < 1 || peakSeconds > 3600 || peakAfter < 0 || peakAfter > 3600) {
        throw new IllegalArgumentException("--peak-trades must be 0..200000, --peak-seconds 1..3600, --peak-after 0..3600");
      }
      if (trades < 10 || trades > 200_000) {
        throw new IllegalArgumentException("--trades must be between 10 and 200000, got " + trades);
      }
      if (seconds < 5 || seconds > 3600) {
        throw new IllegalArgumentException("--seconds must be between 5 and 3600, got " + seconds);
      }
      if (pollSeconds < 1 || pollSeconds > 600) {
        throw new IllegalArgumentException("--poll-interval must be between 1 and 600, got " + pollSeconds);
      }
      Output out = new Output(parent.root.spec.commandLine().getOut());
      out.line("TMC push on (WebSocket), polling every " + pollSeconds + " s as the catch-up path");
      LatencyBenchmark.Result push = leg("bench-latency-tmc", true, out);
      LatencyBenchmark.Result poll;
      if (tmcOnly) {
        poll = new LatencyBenchmark.Result(new LatencyProbe.Latency(0, 0, 0, 0, 0), push.messages(), java.util.List.of());
      } else {
        out.line("polling only, every " + pollSeconds + " s");
        poll = leg("bench-latency-polling", false, out);
      }
      for (var r : new LatencyBenchmark.Result[] {push, poll}) {
        out.line(String.format("%s: paid=%d in_erp=%d p50_ms=%d p99_ms=%d max_ms=%d messages=%d failed=%d",
            r == push ? "tmc" : "polling", r.latency().paid(), r.latency().arrived(), r.latency().p50Ms(), r.latency().p99Ms(),
            r.latency().maxMs(), r.messages().received(), r.messages().failed()));
      }
      for (var r : new LatencyBenchmark.Result[] {push, poll}) {
        out.line("per stage, " + (r == push ? "tmc" : "polling") + " run (from the start of the burst):");
        r.stages().forEach(out::line);
      }
      out.line(String.format("p50_ms=%d p99_ms=%d polling_p50_ms=%d polling_p99_ms=%d",
          push.latency().p50Ms(), push.latency().p99Ms(), poll.latency().p50Ms(), poll.latency().p99Ms()));
      return push.latency().complete() && poll.latency().complete() ? 0 : 1;
    }

    private LatencyBenchmark.Result leg(String name, boolean tmc, Output out) throws Exception {
      Path dir = parent.root.data.resolve(name);
      try (TmallSandbox sandbox = LatencyBenchmark.startSandbox(seed)) {
        SpringRuntime runtime = freshRuntime(dir)
            .with("bridge.order.poll-interval", pollSeconds + "s")
            .with("bridge.channel.tmall.tmc.enabled", Boolean.toString(tmc))
            .with("bridge.channel.tmall.tmc.url", sandbox.tmcUrl());
        try (runtime) {
          Duration timeout = Duration.ofSeconds(2L * pollSeconds).plus(Duration.ofMinutes(2));
          LatencyBenchmark.Peak peak = new LatencyBenchmark.Peak(peakTrades, Duration.ofSeconds(peakSeconds), Duration.ofSeconds(peakAfter));
          return runtime.bean(LatencyBenchmark.class).run(sandbox, trades, Duration.ofSeconds(seconds), peak, timeout, out::line);
        }
      }
    }
  }

  @Command(name = "erp", mixinStandardHelpOptions = true,
      description = "Paid trades through sandbox -> bridge -> a real Tryton, next to the same sales as bare JSON-RPC calls.")
  static class Erp implements Callable<Integer> {
    @ParentCommand BenchCommand parent;
    @Option(names = "--trades", defaultValue = "2000", description = "Paid trades (default: ${DEFAULT-VALUE}).") int trades;
    @Option(names = "--seed", defaultValue = "11") long seed;

    @Override
    public Integer call() throws Exception {
      if (trades < 1 || trades > 100_000) {
        throw new IllegalArgumentException("--trades must be between 1 and 100000, got " + trades);
      }
      if (!TrytonServer.installed()) {
        parent.root.spec.commandLine().getErr().println("error: " + TrytonServer.notInstalled());
        return UsageErrors.USAGE;
      }
      Path dir = parent.root.data.resolve("bench-erp");
      Output out = new Output(parent.root.spec.commandLine().getOut());
      out.line("starting Tryton (Debian's trytond, SQLite)");
      try (TrytonServer erp = new TrytonServer(TrytonServer.Settings.defaults()).start()) {
        SpringRuntime runtime = freshRuntime(dir);
        erp.bridgeProperties(ErpBenchmark.WAREHOUSE).forEach(runtime::with);
        try (runtime) {
          ErpBenchmark.Figures f = runtime.bean(ErpBenchmark.class).run(erp, trades, seed, out::line);
          out.line(String.format("orders=%d materials=%d problems=%d bridge_per_s=%.1f bare_per_s=%.1f ratio=%.2f",
              f.orders(), f.materials(), f.check().problems(), f.orders() / f.bridgeSeconds(), f.orders() / f.bareSeconds(),
              f.bridgeSeconds() / f.bareSeconds()));
          out.line(String.format("erp=tryton orders=%d bridge_seconds=%.1f bare_seconds=%.1f", f.orders(), f.bridgeSeconds(), f.bareSeconds()));
          return f.check().problems() == 0 ? 0 : 1;
        }
      }
    }
  }

  /** The H2 settings of the benches' file databases (application.properties' without AUTO_SERVER). */
  static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128;LOCK_TIMEOUT=10000;RETENTION_TIME=600000;COMPRESS=TRUE";

  /** A runtime on a wiped H2 file database in {@code dir}, without the scheduled order polls. */
  static SpringRuntime freshRuntime(Path dir) throws IOException {
    return freshRuntime(dir, H2_OPTIONS);
  }

  /** {@link #freshRuntime(Path)} with the H2 URL settings {@code h2Options} (after the file name, ';'-separated). */
  static SpringRuntime freshRuntime(Path dir, String h2Options) throws IOException {
    wipe(dir);
    return new SpringRuntime(dir, null, null, null)
        .with("bridge.order.poll-interval", "1h")
        .with("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge") + ";" + h2Options)
        .with("logging.file.name", dir.resolve("bridge.log").toString());
  }

  static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
