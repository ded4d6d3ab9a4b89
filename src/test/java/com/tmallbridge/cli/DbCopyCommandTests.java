package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db copy}: an H2 install filled by {@code sync --once} against the sandbox, copied into a
 * fresh schema of the local PostgreSQL (database {@code bridge_test}, as the PostgreSQL test run
 * uses); every table's rows compared value by value, new rows on the copy, and a second copy into
 * the same (now filled) target refused with exit 2.
 */
class DbCopyCommandTests {
  private static final String PG = System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/bridge_test");
  private static final String PG_USER = System.getProperty("bridge.test.pg.user", "postgres");

  @TempDir Path dir;
  private final String schema = "copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = dir.toString();
    all[2] = "--config";
    all[3] = TestSettings.file(dir, "bridge.order.once-grace=0s");
    System.arraycopy(args, 0, all, 4, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @BeforeEach
  void createSchema() throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    }
  }

  @Test
  void copiesEveryRowOfAnH2InstallToPostgresAndRefusesAFilledTarget() throws Exception {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(23))) {
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(30, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(5)));
      var c = sandbox.credentials();
      assertThat(run("shop", "add", "--code", "CP", "--gateway", sandbox.url(), "--app-key", c.appKey(), "--app-secret-file", TestSecrets.file(dir, c.appSecret()),
          "--session-file", TestSecrets.file(dir, c.sessionKey()), "--sign-method", "md5", "--since", now.minus(Duration.ofHours(3)).toString())).as(err.toString()).isZero();
      assertThat(run("sync", "--once")).as(err.toString()).isZero();
    }
    String target = PG + "?currentSchema=" + schema;

    assertThat(run("db", "copy", "--to", target, "--to-user", PG_USER)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("every row count matches");
    assertThat(err.toString()).contains("copied order_trade:");

    List<String> tables = new ArrayList<>();
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        Connection pg = DriverManager.getConnection(target, PG_USER, "")) {
      try (ResultSet r = h2.createStatement().executeQuery("select table_name from information_schema.tables "
          + "where table_schema = 'public' and table_name <> 'flyway_schema_history'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      assertThat(tables).contains("sync_inbox", "shop", "order_trade", "erp_sales_order", "sync_outbox");
      // the target got PostgreSQL's own migration too (V18: partial outbox indexes), as a bridge started on it would
      try (ResultSet r = pg.createStatement().executeQuery("select count(*) from pg_indexes where schemaname = '" + schema
          + "' and indexname = 'ix_sync_outbox_unfinished'")) {
        r.next();
        assertThat(r.getLong(1)).as("V18's index on the copy").isEqualTo(1);
      }
      long nonEmpty = 0;
      for (String table : tables) {
        List<String> source = rows(h2, table);
        assertThat(rows(pg, table)).as(table).isEqualTo(source);
        nonEmpty += source.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).as("tables with rows").isGreaterThanOrEqualTo(5);
      // identities moved past the copied ids: a new shop gets a fresh id
      try (Statement s = pg.createStatement()) {
        s.execute("insert into shop (code, name, channel, gateway_url, app_key, app_secret, session_key, sign_method, first_pull_from, "
            + "status, created_at, updated_at) select 'NEW', name, channel, gateway_url, app_key, app_secret, session_key, sign_method, "
            + "first_pull_from, status, created_at, updated_at from shop where code = 'CP'");
      }
    }

    assertThat(run("db", "copy", "--to", target, "--to-user", PG_USER)).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("error: the target database is not empty: table ").doesNotContain("\n");
  }

  /** Every row of the table as text, sorted: values normalised so that H2's and PostgreSQL's JDBC types compare. */
  private static List<String> rows(Connection c, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from \"" + table + "\"")) {
      int n = r.getMetaData().getColumnCount();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        names.add(r.getMetaData().getColumnName(i).toLowerCase());
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      order.sort((a, b) -> names.get(a).compareTo(names.get(b)));
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i : order) {
          row.append(names.get(i)).append('=').append(text(r.getObject(i + 1))).append(' ');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object v) throws SQLException {
    if (v == null) {
      return "null";
    }
    if (v instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return v.toString();
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(PG, PG_USER, "");
  }
}
