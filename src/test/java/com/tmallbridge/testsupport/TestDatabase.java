package com.tmallbridge.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh database for one test class: an H2 in-memory database (PostgreSQL mode) by default, or
 * on the local PostgreSQL when the system property {@code bridge.test.db} is {@code postgres} (the
 * second Surefire run does that; see README, Development): a new schema when empty ({@link
 * #create}), a new database when migrated ({@link #createMigrated}).
 */
public record TestDatabase(String url, String username, String password, String kind) {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final List<Connection> H2_SCHEMA_SESSIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Commits need not wait for the WAL flush: a test database never has to survive a crash of the
   * server, and each commit cost about 5 ms of fsync on the CI machine (0.7 ms without).
   */
  private static final String POSTGRES_OPTIONS = "options=-c%20synchronous_commit%3Doff";

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
    String name = newName();
    if (!isPostgres()) {
      return new TestDatabase(
          "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=128;DB_CLOSE_DELAY=-1",
          "sa", "", "h2");
    }
    String base = postgresBase();
    String user = postgresUser();
    ensureDatabase(base, user);
    dropLeftoversOnce(base, user);
    try (Connection c = DriverManager.getConnection(base, user, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name + " in " + base + ": " + e.getMessage(), e);
    }
    return new TestDatabase(base + (base.contains("?") ? "&" : "?") + POSTGRES_OPTIONS + "&currentSchema=" + name, user, "", "postgres");
  }

  /** t<counter>_<creation epoch second, hex>_<random>: lets later runs drop only what is old enough to be abandoned. */
  private static String newName() {
    return "t" + COUNTER.incrementAndGet() + "_" + String.format("%010x", System.currentTimeMillis() / 1000) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  }

  private static String postgresBase() {
    return System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/bridge_test");
  }

  private static String postgresUser() {
    return System.getProperty("bridge.test.pg.user", "postgres");
  }

  /**
   * Creates a new database with every migration applied, as Flyway leaves it, copied from a
   * template migrated once per JVM: PostgreSQL runs {@code CREATE DATABASE ... TEMPLATE} (about a
   * quarter of what Flyway takes per schema there), H2 replays the template's {@code SCRIPT}
   * (about a sixth). A Flyway run scans the classpath and applies every migration again.
   */
  public static TestDatabase createMigrated() {
    if (isPostgres()) {
      return copyPostgresTemplate();
    }
    List<String> script = h2TemplateScript();
    TestDatabase db = create();
    try (Statement s = openH2Session(db).createStatement()) {
      for (String statement : script) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot copy the migrated H2 template into " + db.url() + ": " + e.getMessage(), e);
    }
    return db;
  }

  private static List<String> h2TemplateScript;

  private static synchronized List<String> h2TemplateScript() {
    if (h2TemplateScript == null) {
      TestDatabase template = create();
      try {
        Connection session = openH2Session(template);
        Flyway.configure().dataSource(new SingleConnectionDataSource(session, true)).locations(template.migrationLocations()).load().migrate();
        List<String> script = new ArrayList<>();
        try (Statement s = session.createStatement();
            java.sql.ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
          while (rs.next()) {
            String statement = rs.getString(1);
            if (!statement.startsWith("CREATE USER")) {
              script.add(statement);
            }
          }
        }
        h2TemplateScript = List.copyOf(script);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot script the migrated H2 template: " + e.getMessage(), e);
      }
    }
    return h2TemplateScript;
  }

  /**
   * A session on an H2 database that stays open while the in-memory database lives: H2 2.4
   * evaluates a check constraint in the session that created it, and once that session is closed
   * inserts fail with "Check constraint invalid ... The database has been closed".
   */
  private static Connection openH2Session(TestDatabase db) throws SQLException {
    Connection session = DriverManager.getConnection(db.url(), db.username(), db.password());
    H2_SCHEMA_SESSIONS.add(session);
    return session;
  }

  /**
   * Drops a PostgreSQL database or schema; nothing may use it afterwards. An H2 in-memory database
   * stays until the JVM ends, as it always did.
   */
  public void drop() {
    if (!kind.equals("postgres")) {
      return;
    }
    String database = database(url);
    try {
      if (url.contains("currentSchema=")) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(server(url) + database, username, password);
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      } else {
        try (Connection c = DriverManager.getConnection(server(url) + "postgres", username, password);
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + url + ": " + e.getMessage(), e);
    }
  }

  private static String postgresTemplate;

  private static TestDatabase copyPostgresTemplate() {
    String base = postgresBase();
    String user = postgresUser();
    String template = postgresTemplate(base, user);
    String name = newName();
    try (Connection c = DriverManager.getConnection(server(base) + "postgres", user, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot copy the migrated PostgreSQL template " + template + ": " + e.getMessage(), e);
    }
    return new TestDatabase(server(base) + name + "?" + POSTGRES_OPTIONS, user, "", "postgres");
  }

  private static synchronized String postgresTemplate(String base, String user) {
    if (postgresTemplate == null) {
      ensureDatabase(base, user);
      dropLeftoversOnce(base, user);
      String name = newName() + "_tpl";
      try (Connection c = DriverManager.getConnection(server(base) + "postgres", user, "");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the PostgreSQL template " + name + ": " + e.getMessage(), e);
      }
      // Flyway closes its connections when done: a template must have none while it is copied
      migrate(new TestDatabase(server(base) + name + "?" + POSTGRES_OPTIONS, user, "", "postgres"));
      postgresTemplate = name;
    }
    return postgresTemplate;
  }

  private static void migrate(TestDatabase db) {
    Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations(db.migrationLocations()).load().migrate();
  }

  /** {@code jdbc:postgresql://host:port/} of a database URL. */
  private static String server(String url) {
    return url.substring(0, url.lastIndexOf('/', url.contains("?") ? url.indexOf('?') : url.length()) + 1);
  }

  /** The database name of a PostgreSQL URL. */
  private static String database(String url) {
    String rest = url.substring(server(url).length());
    return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
  }

  private static final java.util.concurrent.atomic.AtomicBoolean CLEANED = new java.util.concurrent.atomic.AtomicBoolean();

  /** Schemas younger than this may belong to a test run still going on in another JVM. */
  private static final long ABANDONED_AFTER_SECONDS = 3 * 3600;

  /** Drops the schemas and databases earlier test runs left behind (older than three hours), once per JVM. */
  private static void dropLeftoversOnce(String url, String user) {
    if (!CLEANED.compareAndSet(false, true)) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]+_[0-9a-f]{10}(_[0-9a-f]{6})?$'");
      List<String> old = new ArrayList<>();
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
    try (Connection c = DriverManager.getConnection(server(url) + "postgres", user, "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^t[0-9]+_[0-9a-f]{10}_[0-9a-f]{6}(_tpl)?$'");
      List<String> old = new ArrayList<>();
      long now = System.currentTimeMillis() / 1000;
      while (rs.next()) {
        String database = rs.getString(1);
        if (now - Long.parseLong(database.split("_")[1], 16) > ABANDONED_AFTER_SECONDS) {
          old.add(database);
        }
      }
      for (String database : old) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop leftover test databases of " + url + ": " + e.getMessage(), e);
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
