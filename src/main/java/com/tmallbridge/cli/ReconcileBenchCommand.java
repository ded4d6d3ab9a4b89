package com.tmallbridge.cli;

import com.tmallbridge.demo.ReconcileBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench reconcile}: the benchmark behind {@code bench/reconcile.sh}: N trades with their ERP
 * orders and settlement lines seeded straight into the tables, reconciled on H2 and then on
 * PostgreSQL, each next to a plain count join of the same tables. Last line
 * {@code orders=<n> h2_seconds=<a> h2_floor_seconds=<b> pg_seconds=<c> pg_floor_seconds=<d>}.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "N trades reconciled three ways on H2 and on PostgreSQL, next to a count(*) join floor.")
class ReconcileBenchCommand implements Callable<Integer> {
  @ParentCommand BenchCommand parent;
  @Option(names = "--orders", defaultValue = "1000000", description = "Trades (default: ${DEFAULT-VALUE}).") int orders;
  @Option(names = "--seed", defaultValue = "12") long seed;
  @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
      description = "PostgreSQL server, without the database name (default: ${DEFAULT-VALUE}).") String pgUrl;
  @Option(names = "--pg-database", defaultValue = "bench_reconcile",
      description = "Database, dropped and created at the start (default: ${DEFAULT-VALUE}).") String pgDatabase;
  @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).") String pgUser;

  @Override
  public Integer call() throws Exception {
    if (orders < 1000 || orders > 5_000_000) {
      throw new IllegalArgumentException("--orders must be between 1000 and 5000000, got " + orders);
    }
    if (!pgDatabase.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("--pg-database must be a lower-case SQL name (letters, digits, _), got " + pgDatabase);
    }
    Output out = new Output(parent.root.spec.commandLine().getOut());
    Path data = parent.root.data;
    ReconcileBenchmark.Figures h2;
    out.line("== H2 ==");
    try (SpringRuntime runtime = BenchCommand.freshRuntime(data.resolve("bench-reconcile-h2"))) {
      h2 = runtime.bean(ReconcileBenchmark.class).run(orders, seed, out::line);
    }
    out.line("== PostgreSQL ==");
    String url = BenchCommand.Orders.recreatePostgres(pgUrl, pgUser, pgDatabase);
    ReconcileBenchmark.Figures pg;
    try (SpringRuntime runtime = BenchCommand.Orders.postgresRuntime(data.resolve("bench-reconcile-pg"), url, pgUser)) {
      pg = runtime.bean(ReconcileBenchmark.class).run(orders, seed, out::line);
    }
    out.line(String.format(Locale.ROOT, "orders=%d h2_seconds=%.2f h2_floor_seconds=%.2f pg_seconds=%.2f pg_floor_seconds=%.2f",
        orders, h2.seconds(), h2.floorSeconds(), pg.seconds(), pg.floorSeconds()));
    return h2.differences() == h2.expected() && pg.differences() == pg.expected() ? 0 : 1;
  }
}
