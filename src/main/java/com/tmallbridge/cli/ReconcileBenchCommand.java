package com.tmallbridge.cli;

import com.tmallbridge.demo.ReconcileBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
  @Option(names = "--db", defaultValue = "both",
      description = "Databases to run on: both, h2 or postgres (default: ${DEFAULT-VALUE}); a skipped one prints - for its figures.")
  Databases db;

  /** Which databases a run covers. */
  enum Databases {
    both, h2, postgres;

    boolean includes(Databases one) {
      return this == both || this == one;
    }
  }

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
    ReconcileBenchmark.Figures h2 = null;
    if (db.includes(Databases.h2)) {
      out.line("== H2 ==");
      try (SpringRuntime runtime = BenchCommand.freshRuntime(data.resolve("bench-reconcile-h2"))) {
        h2 = runtime.bean(ReconcileBenchmark.class).run(orders, seed, out::line);
      }
    }
    ReconcileBenchmark.Figures pg = null;
    if (db.includes(Databases.postgres)) {
      out.line("== PostgreSQL ==");
      String url = BenchCommand.Orders.recreatePostgres(pgUrl, pgUser, pgDatabase);
      try (SpringRuntime runtime = BenchCommand.Orders.postgresRuntime(data.resolve("bench-reconcile-pg"), url, pgUser)) {
        pg = runtime.bean(ReconcileBenchmark.class).run(orders, seed, out::line);
      }
    }
    out.line(String.format(Locale.ROOT, "orders=%d h2_seconds=%s h2_floor_seconds=%s pg_seconds=%s pg_floor_seconds=%s",
        orders, seconds(h2, false), seconds(h2, true), seconds(pg, false), seconds(pg, true)));
    return complete(h2) && complete(pg) ? 0 : 1;
  }

  private static String seconds(ReconcileBenchmark.@Nullable Figures figures, boolean floor) {
    return figures == null ? "-" : String.format(Locale.ROOT, "%.2f", floor ? figures.floorSeconds() : figures.seconds());
  }

  /** A skipped run counts as complete; a run is complete when it found exactly the seeded differences. */
  private static boolean complete(ReconcileBenchmark.@Nullable Figures figures) {
    return figures == null || figures.differences() == figures.expected();
  }
}
