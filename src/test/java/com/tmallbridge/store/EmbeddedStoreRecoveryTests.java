package com.tmallbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.h2.value.ValueVarchar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EmbeddedStoreRecovery} on a store left as H2 2.4 leaves one after a {@code kill -9} (docs/database.md):
 * a row version of a transaction that is no longer open in the table's map, the file not closed cleanly. The stray
 * version is planted through H2's own map API (what the crash leaves behind cannot be produced on demand), then the
 * store is stopped without H2's clean close.
 */
class EmbeddedStoreRecoveryTests {
  private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
  private static final long STRAY_ID = 42;

  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();
  private final EmbeddedStoreRecovery recovery = new EmbeddedStoreRecovery(Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC), log::add);

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("bridge") + OPTIONS;
  }

  @Test
  void aStrayVersionBlocksItsKeyForeverWithoutTheRecovery() throws Exception {
    plantStrayVersionAndStopUncleanly();

    try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from refund")).isEqualTo(4); // H2 counts the stray version ...
      assertThat(count(s, "select count(*) from (select * from refund where id > 0)")).isEqualTo(3); // ... reads skip it
      assertThatThrownBy(() -> s.execute("insert into refund (id, refund_id) values (" + STRAY_ID + ", 'R-new')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("primary key violation");
    }
  }

  @Test
  void rebuildsAnUncleanStoreWithStrayVersionsFromItsCommittedRows() throws Exception {
    plantStrayVersionAndStopUncleanly();
    assertThat(EmbeddedStoreRecovery.closedCleanly(dir.resolve("bridge.mv.db"))).isFalse();

    EmbeddedStoreRecovery.Report report = recovery.recover(url(), "sa", "");

    assertThat(report.checked()).isTrue();
    assertThat(report.rebuilt()).isTrue();
    assertThat(report.strayVersions()).containsEntry("refund", 1L);
    assertThat(report.rows()).isEqualTo(3);
    assertThat(log).anySatisfy(line -> assertThat(line).contains("holds 1 row versions of transactions that never committed"));
    assertThat(dir.resolve("bridge.mv.db.unclean-20261205-060000")).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".recovery-"));
    }
    try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
      assertThat(count(s, "select count(*) from refund")).isEqualTo(3);
      assertThat(count(s, "select count(*) from refund where refund_id in ('R-1', 'R-2', 'R-3')")).isEqualTo(3);
      s.execute("insert into refund (id, refund_id) values (" + STRAY_ID + ", 'R-new')");
      s.execute("insert into refund (refund_id) values ('R-next')"); // the identity goes on past the copied rows
      assertThat(count(s, "select count(*) from refund")).isEqualTo(5);
    }
    assertThat(EmbeddedStoreRecovery.closedCleanly(dir.resolve("bridge.mv.db"))).isTrue();
    assertThat(recovery.recover(url(), "sa", "").checked()).as("a cleanly closed store is not examined").isFalse();
  }

  @Test
  void leavesAnUncleanStoreWithoutStrayVersionsAsItIs() throws Exception {
    createTable();
    try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
      s.execute("checkpoint");
      s.execute("shutdown immediately");
    }
    EmbeddedStoreRecovery.Report report = recovery.recover(url(), "sa", "");

    assertThat(report.checked()).isTrue();
    assertThat(report.rebuilt()).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".unclean-"));
    }
  }

  @Test
  void touchesNoStoreButAnH2File() {
    assertThat(recovery.recover("jdbc:h2:mem:x" + OPTIONS, "sa", "").checked()).isFalse();
    assertThat(recovery.recover("jdbc:postgresql://127.0.0.1:5432/none", "postgres", "").checked()).isFalse();
    assertThat(recovery.recover(url(), "sa", "").checked()).as("no file yet").isFalse();
    assertThat(EmbeddedStoreRecovery.storeFile("jdbc:h2:file:/d/bridge;AUTO_SERVER=TRUE")).isEqualTo(Path.of("/d/bridge.mv.db"));
  }

  private void createTable() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
      s.execute("create table refund (id bigint generated by default as identity primary key, refund_id varchar(40) not null unique)");
      s.execute("insert into refund (refund_id) values ('R-1'), ('R-2'), ('R-3')");
    }
  }

  /** Three committed rows; then a row of transaction 7 (not open) under id 42, saved; then a stop without H2's clean close. */
  private void plantStrayVersionAndStopUncleanly() throws Exception {
    createTable();
    StrayVersions.plantAndStopUncleanly(url(), "refund", STRAY_ID, ValueVarchar.get("R-killed"));
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
