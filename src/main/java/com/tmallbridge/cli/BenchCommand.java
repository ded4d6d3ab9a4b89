package com.tmallbridge.cli;

import com.tmallbridge.demo.OrderBenchmark;
import com.tmallbridge.demo.StockBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench orders|stock}: the benchmarks behind {@code bench/orders.sh} and {@code bench/stock.sh}. */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true, description = "Benchmarks (see bench/README.md).",
    subcommands = {BenchCommand.Orders.class, BenchCommand.Stock.class})
class BenchCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("bench").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "orders", mixinStandardHelpOptions = true, description = "Double 11 burst through sandbox -> bridge -> built-in ERP on H2.")
  static class Orders implements Callable<Integer> {
    @ParentCommand BenchCommand parent;
    @Option(names = "--trades", defaultValue = "100000", description = "Trades in the burst (default: ${DEFAULT-VALUE}).") int trades;
    @Option(names = "--seed", defaultValue = "11") long seed;

    @Override
    public Integer call() throws Exception {
      if (trades < 100 || trades > 2_000_000) {
        throw new IllegalArgumentException("--trades must be between 100 and 2000000, got " + trades);
      }
      Path dir = parent.root.data.resolve("bench-orders");
      Output out = new Output(parent.root.spec.commandLine().getOut());
      SpringRuntime runtime = freshRuntime(dir);
      try (runtime) {
        OrderBenchmark.Figures f = runtime.bean(OrderBenchmark.class).run(trades, seed, dir, out::line);
        out.line(String.format("trades=%d paid=%d problems=%d", f.trades(), f.paid(), f.problems()));
        out.line(String.format("end-to-end is %.0f%% of the fetch floor and %.0f%% of the insert floor",
            100 * f.ordersPerSecond() / f.fetchFloorPerSecond(), 100 * f.ordersPerSecond() / f.insertFloorPerSecond()));
        out.line(String.format("orders_per_s=%.0f fetch_floor_per_s=%.0f insert_floor_per_s=%.0f heap_mb=%d",
            f.ordersPerSecond(), f.fetchFloorPerSecond(), f.insertFloorPerSecond(), f.heapMb()));
        return f.problems() == 0 ? 0 : 1;
      }
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

  /** A runtime on a wiped H2 file database in {@code dir}, without the scheduled order polls. */
  static SpringRuntime freshRuntime(Path dir) throws IOException {
    wipe(dir);
    return new SpringRuntime(dir, null, null, null)
        .with("bridge.order.poll-interval", "1h")
        .with("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128")
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
