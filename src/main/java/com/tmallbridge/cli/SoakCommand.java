package com.tmallbridge.cli;

import com.tmallbridge.demo.DemoOptions;
import com.tmallbridge.demo.DemoRunner;
import com.tmallbridge.demo.SoakRunner;
import com.tmallbridge.demo.StoreScan;
import com.tmallbridge.sandbox.tmall.LiveRun;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.store.EmbeddedStoreRecovery;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench soak}: the demo's concurrency on the embedded database for a number of minutes,
 * with the bridge process killed (SIGKILL) at random moments and started again on the same files;
 * then every table read and every index walked, and the demo's checks (see bench/README.md).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "The demo's concurrency on the H2 file database with kill -9 restarts of the bridge, then integrity and demo checks.")
class SoakCommand implements Callable<Integer> {
  /** Settings a second process may pass when it connects over TCP to the database the bridge process opened. */
  private static final Set<String> SESSION_SETTINGS =
      Set.of("MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING", "LOCK_TIMEOUT", "OPTIMIZE_REUSE_RESULTS", "QUERY_CACHE_SIZE");
  private static final long TICK_MILLIS = 250;
  private static final int STEP_TICKS = 4;
  private static final int STEPS_AFTER_LIVE = 10;
  private static final int QUIET_STEPS = 4;
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

  @ParentCommand BenchCommand parent;
  @Option(names = "--minutes", defaultValue = "30", description = "Minutes of live trades and kills (default: ${DEFAULT-VALUE}).") int minutes;
  @Option(names = "--seed", description = "Seed of the trades, the world and the kill moments (default: random, printed).") Long seed;
  @Option(names = "--rate", defaultValue = "2", description = "Live trades per second (default: ${DEFAULT-VALUE}).") int rate;
  @Option(names = "--history", defaultValue = "500", description = "Trades of the past day generated before the bridge starts (default: ${DEFAULT-VALUE}).")
  int history;
  @Option(names = "--faults", defaultValue = "0", description = "Share of API calls the sandbox fails, as the demo's --faults (default: ${DEFAULT-VALUE}).")
  double faults;
  @Option(names = "--kill-every", defaultValue = "20..100", paramLabel = "MIN..MAX",
      description = "Seconds the bridge runs between its start and the next kill, drawn uniformly (default: ${DEFAULT-VALUE}).") String killEvery;
  @Option(names = "--h2-options", description = "H2 URL settings after the file name, ';'-separated (default: those of "
      + "spring.datasource.url in application.properties).") String h2Options;
  @Option(names = "--store", description = "Name of the store settings for the last line (default: h2-<version>).") String store;

  @Override
  public Integer call() throws Exception {
    long[] killRange = parseRange(killEvery);
    if (minutes < 1 || minutes > 24 * 60 || rate < 1 || rate > 100 || history < 0) {
      throw new IllegalArgumentException("--minutes must be 1..1440, --rate 1..100 and --history >= 0");
    }
    String options = h2Options != null ? h2Options : defaultH2Options();
    String name = store != null ? store : "h2-" + org.h2.engine.Constants.VERSION_MAJOR + "." + org.h2.engine.Constants.VERSION_MINOR
        + "." + org.h2.engine.Constants.BUILD_ID;
    long s = seed != null ? seed : System.nanoTime() % 1_000_000;
    Path dir = parent.root.data.resolve("bench-soak").toAbsolutePath().normalize();
    BenchCommand.wipe(dir);
    Output out = new Output(parent.root.spec.commandLine().getOut());
    out.line(String.format("soak: store=%s seed=%d minutes=%d rate=%d/s history=%d faults=%s kill every %s s; h2 options %s; work files %s",
        name, s, minutes, rate, history, faults, killEvery, options, dir));
    DemoOptions demoOptions = new DemoOptions(Math.max(1, history), s, faults, Duration.ofMinutes(10));
    Random random = new Random(s);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    int kills = 0;
    Map<String, Long> checks;
    int trades;
    try (TmallSandbox sandbox = DemoRunner.startSandbox(demoOptions, Clock.systemUTC())) {
      BridgeProcess bridge = new BridgeProcess(dir, port, sandbox.tmcUrl(), options);
      start(bridge, false, out);
      SpringRuntime world = new SpringRuntime(dir, tcpUrl(port, options), "sa", "")
          .with("spring.flyway.enabled", "false")
          .with("spring.datasource.hikari.connection-timeout", "5000")
          .with("bridge.order.poll-interval", "1h")
          .with("bridge.sync.recover-in-flight-on-start", "false")
          .with("bridge.channel.tmall.tmc.enabled", "false")
          .with("logging.file.name", dir.resolve("world.log").toString());
      try (world) {
        SoakRunner soak = world.bean(SoakRunner.class);
        soak.setUp(sandbox, demoOptions, history);
        Files.writeString(dir.resolve(SoakBridgeCommand.GO_FILE), "go");
        long started = System.nanoTime();
        long end = started + Duration.ofMinutes(minutes).toNanos();
        long nextKill = System.nanoTime() + draw(random, killRange);
        LiveRun live = null;
        long ticks = 0;
        int failedSteps = 0;
        while (System.nanoTime() < end) {
          if (live == null || live.isDone()) {
            live = sandbox.generateLive(rate * 30, Duration.ofSeconds(30));
          }
          if (ticks++ % STEP_TICKS == 0) {
            failedSteps += step(soak, sandbox, random, true);
          }
          if (System.nanoTime() >= nextKill) {
            bridge.kill();
            kills++;
            long down = System.nanoTime();
            start(bridge, false, out);
            out.line(String.format("[soak] %s kill %d, back in %.1f s; trades=%d failed_world_steps=%d", clock(started), kills,
                (System.nanoTime() - down) / 1e9, sandbox.trades().size(), failedSteps));
            nextKill = System.nanoTime() + draw(random, killRange);
          }
          pause();
        }
        live.awaitDone(Duration.ofMinutes(2));
        for (int i = 0; i < STEPS_AFTER_LIVE; i++) {
          failedSteps += step(soak, sandbox, random, i < STEPS_AFTER_LIVE - QUIET_STEPS);
          pause();
        }
        // the last kill, then the demo's ending: the bridge's order flow alone while the world settles and checks
        bridge.kill();
        kills++;
        start(bridge, true, out);
        out.line(String.format("[soak] %s kill %d (last); settling with the order flow only, then the demo's checks", clock(started), kills));
        checks = soak.finish(sandbox, Duration.ofMinutes(10));
        out.line("exceptions held for an operator: " + soak.exceptions() + "; world steps that failed (bridge down): " + failedSteps);
        trades = sandbox.trades().size();
      }
      bridge.kill();
      kills++;
    }
    // the store as the bridge's next start finds it: rebuilt first when the last kill left rows of unfinished transactions
    try {
      var recovered = new EmbeddedStoreRecovery(Clock.systemDefaultZone(), line -> { }).recover(fileUrl(dir, options), "sa", "");
      out.line(String.format("store after the last kill: %s", !recovered.checked() ? "closed cleanly"
          : recovered.rebuilt() ? recovered.strayTotal() + " row versions of killed transactions " + recovered.strayVersions()
              + ", rebuilt in " + recovered.took().toMillis() + " ms" : "no rows of killed transactions"));
    } catch (IllegalStateException e) {
      out.line("the store could not be recovered after the last kill: " + e.getMessage());
    }
    out.line("rebuilds of the store at the bridge's starts during the run: " + rebuildsLogged(dir.resolve("bridge.log")));
    StoreScan.Result scan;
    try (Connection c = DriverManager.getConnection(fileUrl(dir, options), "sa", "")) {
      scan = StoreScan.scan(c);
    } catch (java.sql.SQLException e) {
      out.line("the database does not open after the last kill: " + e.getMessage());
      scan = new StoreScan.Result(Map.of(), 0, Map.of("*", String.valueOf(e.getMessage())));
    }
    out.line(String.format("integrity: %d tables, %d rows read, %d indexes walked, %d unreadable", scan.rows().size(), scan.totalRows(),
        scan.indexes(), scan.unreadable().size()));
    scan.unreadable().forEach((t, e) -> out.line("  unreadable " + t + ": " + e));
    checks.forEach((k, v) -> out.line(String.format("  %-34s %d%s", k, v, v == 0 ? "" : "   <-- problem")));
    long failed = checks.values().stream().filter(v -> v != 0).count();
    out.line(String.format("store=%s minutes=%d kills=%d trades=%d checks_failed=%d unreadable_tables=%d", name, minutes, kills, trades, failed,
        scan.unreadable().size()));
    return failed == 0 && scan.unreadable().isEmpty() ? 0 : 1;
  }

  /** Lines of {@link EmbeddedStoreRecovery}'s "rebuilt" in the bridge process's log (each start that rebuilt the store). */
  private static long rebuildsLogged(Path log) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains("embedded store rebuilt:")).count();
    }
  }

  private static void start(BridgeProcess bridge, boolean ordersOnly, Output out) throws IOException, InterruptedException {
    bridge.start(ordersOnly);
    if (!bridge.awaitReady(READY_TIMEOUT)) {
      bridge.kill();
      throw new IllegalStateException("the bridge process did not start on the database (see bridge-process.out and bridge.log)");
    }
  }

  /** One world step; 1 when it failed (the bridge process, which serves the database, was down), else 0. */
  private static int step(SoakRunner soak, TmallSandbox sandbox, Random random, boolean newCases) {
    try {
      soak.step(sandbox, random, newCases);
      return 0;
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(SoakCommand.class).warn("world step failed (bridge down?)", e);
      return 1;
    }
  }

  private static void pause() throws InterruptedException {
    Object tick = new Object();
    synchronized (tick) {
      tick.wait(TICK_MILLIS);
    }
  }

  private static long draw(Random random, long[] range) {
    return Duration.ofSeconds(range[0] + (long) (random.nextDouble() * (range[1] - range[0]))).toNanos();
  }

  private static String clock(long started) {
    long s = (System.nanoTime() - started) / 1_000_000_000L;
    return String.format("%02d:%02d", s / 60, s % 60);
  }

  private static long[] parseRange(String text) {
    String[] parts = text.split("\\.\\.");
    try {
      long min = Long.parseLong(parts[0].trim());
      long max = parts.length > 1 ? Long.parseLong(parts[1].trim()) : min;
      if (parts.length > 2 || min < 5 || max < min) {
        throw new NumberFormatException();
      }
      return new long[] {min, max};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--kill-every must be MIN..MAX seconds with 5 <= MIN <= MAX, got " + text);
    }
  }

  /** The H2 URL settings of {@code spring.datasource.url} in application.properties (after the file name). */
  static String defaultH2Options() throws IOException {
    Properties p = new Properties();
    try (InputStream in = SoakCommand.class.getResourceAsStream("/application.properties")) {
      p.load(in);
    }
    String url = p.getProperty("spring.datasource.url");
    return url.substring(url.indexOf(';') + 1);
  }

  static String fileUrl(Path dir, String options) {
    return "jdbc:h2:file:" + dir.resolve("bridge") + (options.isBlank() ? "" : ";" + options);
  }

  /** The URL the world process connects with: the session settings of {@code options} only (the store's are the bridge's). */
  static String tcpUrl(int port, String options) {
    String session = Arrays.stream(options.split(";")).filter(o -> SESSION_SETTINGS.contains(o.split("=")[0].trim().toUpperCase()))
        .collect(Collectors.joining(";"));
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/bridge" + (session.isEmpty() ? "" : ";" + session);
  }
}
