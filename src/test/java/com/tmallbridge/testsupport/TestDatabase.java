package com.tmallbridge.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database for one test class: an H2 in-memory database (PostgreSQL mode) by
 * default, or a new schema in the local PostgreSQL when the system property {@code bridge.test.db}
 * is {@code postgres} (the second Surefire run does that; see README, Development).
 */
public record TestDatabase(String url, String username, String password, String kind) {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** Which database the current test run uses: {@code h2} or {@code postgres}. */
  public static String currentKind() {
    return System.getProperty("bridge.test.db", "h2").toLowerCase(Locale.ROOT);
  }

  public static boolean isPostgres() {
    return "postgres".equals(currentKind());
  }

  /**
   * The Flyway locations the application uses ({@code spring.flyway.locations}) with its {@code
   * {vendor}} placeholder filled in for this database: the common migrations and the vendor's own.
   */
  public String[] migrationLocations() {
    return new String[] {"classpath:db/migration", "classpath:db/vendor/" + (kind.equals("postgres") ? "postgresql" : "h2")};
  }

  /** Creates a new empty database (or schema). */
  public static TestDatabase create() {
    // t<counter>_<creation epoch second, hex>_<random>: lets later runs drop only schemas old enough to be abandoned
    String name = "t" + COUNTER.incrementAndGet() + "_" + String.format("%010x", System.currentTimeMillis() / 1000) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    if (!isPostgres()) {
      return new TestDatabase(
          "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1",
          "sa", "", "h2");
    }
    String base = System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/bridge_test");
    String user = System.getProperty("bridge.test.pg.user", "postgres");
    ensureDatabase(base, user);
    dropLeftoversOnce(base, user);
    try (Connection c = DriverManager.getConnection(base, user, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name + " in " + base + ": " + e.getMessage(), e);
    }
    // Commits need not wait for the WAL flush: a test database never has to survive a crash of the
    // server, and each commit of the order path cost about 5 ms of fsync on the CI machine.
    return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff&currentSchema=" + name,
        user, "", "postgres");
  }

  private static final java.util.concurrent.atomic.AtomicBoolean CLEANED = new java.util.concurrent.atomic.AtomicBoolean();

  /** Schemas younger than this may belong to a test run still going on in another JVM. */
  private static final long ABANDONED_AFTER_SECONDS = 3 * 3600;

  /** Drops the schemas earlier test runs left behind (older than three hours), once per JVM. */
  private static void dropLeftoversOnce(String url, String user) {
    if (!CLEANED.compareAndSet(false, true)) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]+_[0-9a-f]{10}(_[0-9a-f]{6})?$'");
      java.util.List<String> old = new java.util.ArrayList<>();
      long now = System.currentTimeMillis() / 1000;
      while (rs.next()) {
        String schema = rs.getString(1);
        String[] parts = schema.split("_");
        boolean dated = parts.length == 3;
        if (!dated || now - Long.parseLong(parts[1], 16) > ABANDONED_AFTER_SECONDS) {
          old.add(schema);
        }
      }
      for (String schema : old) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop leftover test schemas in " + url + ": " + e.getMessage(), e);
    }
  }

  private static void ensureDatabase(String url, String user) {
    String db = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, user, "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + db);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL tests need a server at " + admin + " (start it, or run without -Dbridge.test.db=postgres): " + e.getMessage(), e);
    }
  }
}
