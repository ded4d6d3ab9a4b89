package com.tmallbridge.sandbox.erp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Tryton 6.0 server (Debian's {@code tryton-server} and modules) as a child process, for
 * tests and the demo. The first start on a machine initialises a SQLite database with {@code
 * trytond-admin} and sets it up through {@link TrytonDatabaseSetup} (CNY, a company, the bridge's
 * user, manual invoicing), then caches the file as {@code
 * <cacheDir>/tryton-<server version>-<schema tag>.sqlite}; every start copies the cached file into
 * a fresh work directory, writes {@code trytond.conf} (SQLite, loopback, a free port) and waits
 * until the server answers. {@link #close()} stops it. {@link #start()} is thread-safe and starts
 * at most once.
 */
public final class TrytonServer implements AutoCloseable {
  /** The Debian packages that provide the server and the modules the bridge uses. */
  public static final String PACKAGES = "tryton-server tryton-modules-sale tryton-modules-stock tryton-modules-product"
      + " tryton-modules-party tryton-modules-company tryton-modules-account";
  /** Database name inside the server. */
  public static final String DATABASE = "erp";
  /** The user the bridge logs in as; it has the admin's groups and the company. */
  public static final String USER = "bridge";
  /** Password of {@link #USER} (a throw-away test database). */
  public static final String PASSWORD = "Br1dge-Xq7w!";
  /** Password of {@code admin}, baked into the cached database. */
  public static final String ADMIN_PASSWORD = "admin-test-password";

  /** The year the cached database's fiscal years are opened around (see {@link TrytonAccountingSetup}). */
  static final java.time.Year SETUP_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC);
  /**
   * Bumped whenever {@link TrytonDatabaseSetup} changes, so an outdated cached database is rebuilt;
   * it names the setup year too, so a new year gets fiscal years around it.
   */
  static final String SCHEMA_TAG = "s2-" + SETUP_YEAR;
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path TRYTOND = Path.of("/usr/bin/trytond");
  private static final Path TRYTOND_ADMIN = Path.of("/usr/bin/trytond-admin");
  private static final Logger log = LoggerFactory.getLogger(TrytonServer.class);

  private final Settings settings;
  private @Nullable Process process;
  private @Nullable Path workDir;
  private int port;

  /**
   * How to run the server.
   *
   * @param cacheDir where the initialised database is cached, e.g. {@code ~/.cache/tmallbridge}
   * @param sessionTimeout how long a session lives: {@code [session] max_age}, which Tryton 6.0 checks on
   *     every call, and {@code timeout} (idle time, checked by some wizards only)
   */
  public record Settings(Path cacheDir, Duration sessionTimeout) {

    /** {@code $XDG_CACHE_HOME/tmallbridge} (else {@code ~/.cache/tmallbridge}), one hour sessions. */
    public static Settings defaults() {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
      return new Settings(base.resolve("tmallbridge"), Duration.ofHours(1));
    }
  }

  public TrytonServer(Settings settings) {
    this.settings = settings;
  }

  /** One line saying Tryton is missing and which Debian packages to install. */
  public static String notInstalled() {
    return "Tryton is not installed (no " + TRYTOND + "): run apt-get install -y --no-install-recommends " + PACKAGES;
  }

  /** Whether Debian's Tryton server is installed here. */
  public static boolean installed() {
    return Files.isExecutable(TRYTOND) && Files.isExecutable(TRYTOND_ADMIN) && Files.isExecutable(PYTHON);
  }

  /**
   * Starts the server unless it runs already.
   *
   * @throws IllegalStateException when Tryton is not installed (naming the packages to install),
   *     initialisation fails, or the server does not answer within a minute
   */
  public synchronized TrytonServer start() {
    if (process != null) {
      return this;
    }
    if (!installed()) {
      throw new IllegalStateException(notInstalled());
    }
    try {
      Path cached = cachedDatabase();
      Path dir = Files.createTempDirectory("tmallbridge-tryton-");
      Files.createDirectories(dir.resolve("db"));
      Files.copy(cached, dir.resolve("db").resolve(DATABASE + ".sqlite"), StandardCopyOption.REPLACE_EXISTING);
      launch(dir);
      log.info("Tryton {} serves database '{}' at {} (work dir {})", version(), DATABASE, url(), dir);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Tryton: " + e.getMessage(), e);
    }
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234/}. */
  public synchronized URI url() {
    if (process == null) {
      throw new IllegalStateException("the Tryton server is not running");
    }
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** The work directory of the running server (database, {@code trytond.log}). */
  public synchronized Path workDir() {
    if (workDir == null) {
      throw new IllegalStateException("the Tryton server is not running");
    }
    return workDir;
  }

  /**
   * The bridge settings that make the running server the bridge's active ERP: {@code
   * bridge.erp.active=tryton} and {@code bridge.erp.tryton.*} (URL, database, the bridge's user and
   * password), with {@code bridgeWarehouse} mapped to Tryton's default warehouse {@code WH}.
   */
  public Map<String, String> bridgeProperties(String bridgeWarehouse) {
    Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put("bridge.erp.active", "tryton");
    p.put("bridge.erp.tryton.url", url().toString());
    p.put("bridge.erp.tryton.database", DATABASE);
    p.put("bridge.erp.tryton.user", USER);
    p.put("bridge.erp.tryton.password", PASSWORD);
    p.put("bridge.erp.tryton.warehouses." + bridgeWarehouse, "WH");
    return p;
  }

  /** A logged-in sandbox client for {@code admin}, to drive the ERP the way its users would. */
  public TrytonRpc admin() {
    return new TrytonRpc(url(), DATABASE, "admin", ADMIN_PASSWORD).login();
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s), waits for it and deletes its work directory. Idempotent. */
  @Override
  public synchronized void close() {
    stop(true);
  }

  private synchronized void stop(boolean deleteWorkDir) {
    Process running = process;
    Path dir = workDir;
    process = null;
    workDir = null;
    if (running == null) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(10, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    log.info("Tryton stopped");
    if (deleteWorkDir && dir != null) {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete Tryton's work directory {}: {}", dir, e.getMessage());
    }
  }

  /** The version {@code trytond --version} reports, e.g. {@code 6.0.29}. */
  static String version() throws IOException {
    Process p = new ProcessBuilder(PYTHON.toString(), TRYTOND.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    awaitExit(p, Duration.ofSeconds(30), "trytond --version");
    return out.replaceFirst("^trytond\\s+", "").replaceAll("[^0-9A-Za-z.+-]", "_");
  }

  private Path cachedDatabase() throws IOException {
    Files.createDirectories(settings.cacheDir());
    Path cached = settings.cacheDir().resolve("tryton-" + version() + "-" + SCHEMA_TAG + ".sqlite");
    if (Files.exists(cached)) {
      return cached;
    }
    try (FileChannel lockFile = FileChannel.open(settings.cacheDir().resolve(".tryton.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      if (!Files.exists(cached)) {
        build(cached);
      }
    }
    return cached;
  }

  /** Initialises a database with trytond-admin, sets it up on a running server, then caches the file. */
  private void build(Path cached) throws IOException {
    Path dir = Files.createTempDirectory("tmallbridge-tryton-init-");
    Path db = dir.resolve("db");
    Files.createDirectories(db);
    Files.createFile(db.resolve(DATABASE + ".sqlite"));
    writeConfig(dir, freePort());
    Path passFile = dir.resolve("admin.pass");
    Files.writeString(passFile, ADMIN_PASSWORD);
    log.info("Initialising a Tryton database once for this machine (about 15-25 s); it is cached as {}", cached);
    ProcessBuilder admin = new ProcessBuilder(PYTHON.toString(), TRYTOND_ADMIN.toString(), "-c",
            dir.resolve("trytond.conf").toString(), "-d", DATABASE, "--all", "-u", "sale", "stock", "product", "party",
            "company", "account", "--activate-dependencies", "--email", "admin@example.com")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("trytond-admin.log").toFile());
    admin.environment().put("TRYTONPASSFILE", passFile.toString());
    Process init = admin.start();
    int exit = awaitExit(init, Duration.ofMinutes(5), "trytond-admin");
    if (exit != 0) {
      throw new IllegalStateException("trytond-admin failed with exit code " + exit + "; see " + dir.resolve("trytond-admin.log"));
    }
    launch(dir);
    try {
      new TrytonDatabaseSetup(admin()).run();
    } finally {
      stop(false);
    }
    Path partial = Files.createTempFile(settings.cacheDir(), "tryton-", ".partial");
    Files.copy(db.resolve(DATABASE + ".sqlite"), partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(dir);
    log.info("Cached the initialised Tryton database as {}", cached);
  }

  /**
   * Runs Debian's {@code trytond} script with werkzeug serving one request at a time. On SQLite,
   * Tryton's non-strict sequences (sale and shipment numbers) read the next number and write it
   * back without a lock, so two requests running at once can be handed the same number — seen as
   * two customer shipments both numbered {@code 1}. A PostgreSQL-backed Tryton takes numbers from SQL
   * sequences and needs none of this; SQLite serialises writes anyway, so little is lost.
   */
  private static final String ONE_REQUEST_AT_A_TIME = """
      import runpy, sys
      import werkzeug.serving
      _run_simple = werkzeug.serving.run_simple
      def run_simple(*args, **kwargs):
          kwargs['threaded'] = False
          return _run_simple(*args, **kwargs)
      werkzeug.serving.run_simple = run_simple
      sys.argv = ['%s'] + sys.argv[1:]
      runpy.run_path('%s', run_name='__main__')
      """.formatted(TRYTOND, TRYTOND);

  private synchronized void launch(Path dir) throws IOException {
    port = freePort();
    writeConfig(dir, port);
    Path serve = Files.writeString(dir.resolve("serve.py"), ONE_REQUEST_AT_A_TIME, StandardCharsets.UTF_8);
    Process started = new ProcessBuilder(PYTHON.toString(), serve.toString(), "-c", dir.resolve("trytond.conf").toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    CountDownLatch listening = new CountDownLatch(1);
    Thread pump = new Thread(() -> pumpLog(started, dir.resolve("trytond.log"), listening), "trytond-log-" + port);
    pump.setDaemon(true);
    pump.start();
    boolean up;
    try {
      up = listening.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      started.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Tryton started", e);
    }
    if (!up || !started.isAlive()) {
      started.destroyForcibly();
      throw new IllegalStateException("Tryton did not start within 60 s; see " + dir.resolve("trytond.log"));
    }
    process = started;
    workDir = dir;
    try {
      new TrytonRpc(url(), DATABASE, "admin", ADMIN_PASSWORD).anonymous("common.server.version", List.of());
    } catch (RuntimeException e) {
      stop(false);
      throw new IllegalStateException("Tryton does not answer: " + e.getMessage() + "; see " + dir.resolve("trytond.log"), e);
    }
  }

  /** Copies the server's output to {@code trytond.log} and counts down once werkzeug listens. */
  private static void pumpLog(Process p, Path logFile, CountDownLatch listening) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        if (line.contains("Running on http")) {
          listening.countDown();
        }
      }
    } catch (IOException e) {
      log.warn("lost Tryton's output: {}", e.getMessage());
    } finally {
      listening.countDown();
    }
  }

  private void writeConfig(Path dir, int listenPort) throws IOException {
    Files.createDirectories(dir.resolve("attach"));
    Files.writeString(dir.resolve("trytond.conf"), String.join("\n",
        "[database]",
        "uri = sqlite://",
        "path = " + dir.resolve("db"),
        "[web]",
        "listen = 127.0.0.1:" + listenPort,
        "[attachment]",
        "path = " + dir.resolve("attach"),
        "[session]",
        "timeout = " + Math.max(1, settings.sessionTimeout().toSeconds()),
        "max_age = " + Math.max(1, settings.sessionTimeout().toSeconds()),
        ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int awaitExit(Process p, Duration limit, String what) {
    try {
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(what + " did not finish within " + limit);
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    }
  }
}
