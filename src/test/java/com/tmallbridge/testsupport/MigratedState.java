package com.tmallbridge.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Puts a migrated test database back to the state Flyway leaves it in: every table emptied, then
 * the rows the migrations insert (the built-in ERP's warehouse and counters) written again.
 * Identity columns and sequences go on counting, as in a database whose rows were deleted, so ids
 * and document numbers an application bean remembers are never handed out twice. Which rows the
 * migrations insert is read once per JVM from a scratch copy of the migrated template ({@link
 * TestDatabase#createMigrated}).
 */
public final class MigratedState {
  private static final String HISTORY = "flyway_schema_history";
  private static final Map<String, List<TableRows>> MIGRATED_ROWS = new ConcurrentHashMap<>();

  private MigratedState() {}

  /** The rows of one table, column names first. */
  private record TableRows(String table, List<String> columns, List<Object[]> rows) {}

  /** Empties every table of {@code dataSource}'s current schema, then restores the migrations' rows. */
  public static void restore(DataSource dataSource) {
    List<TableRows> migrated = migratedRows();
    boolean postgres = TestDatabase.isPostgres();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      // foreign keys are not checked while the tables are emptied in no particular order
      s.execute(postgres ? "SET LOCAL session_replication_role = replica" : "SET REFERENTIAL_INTEGRITY FALSE");
      try {
        for (String table : tables(c)) {
          s.execute("DELETE FROM " + table);
        }
        for (TableRows t : migrated) {
          insert(c, t);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        if (!postgres) {
          s.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot restore the test database to its migrated state: " + e.getMessage(), e);
    }
  }

  private static List<TableRows> migratedRows() {
    return MIGRATED_ROWS.computeIfAbsent(TestDatabase.currentKind(), kind -> readMigratedRows());
  }

  /** Migrates a scratch database, reads the rows of its non-empty tables, then drops it. */
  private static List<TableRows> readMigratedRows() {
    TestDatabase scratch = TestDatabase.createMigrated();
    List<TableRows> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(scratch.url(), scratch.username(), scratch.password());
        Statement s = c.createStatement()) {
      for (String table : tables(c)) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnName(i));
          }
          List<Object[]> rows = new ArrayList<>();
          while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = rs.getObject(i + 1);
            }
            rows.add(row);
          }
          if (!rows.isEmpty()) {
            found.add(new TableRows(table, List.copyOf(columns), rows));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the migrated state of a scratch database: " + e.getMessage(), e);
    }
    scratch.drop();
    return Collections.unmodifiableList(found);
  }

  /** The base tables of the connection's current schema, Flyway's history left out. */
  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      p.setString(1, c.getSchema());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1);
          if (!table.equalsIgnoreCase(HISTORY)) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }

  private static void insert(Connection c, TableRows t) throws SQLException {
    String sql = "INSERT INTO " + t.table() + " (" + String.join(", ", t.columns()) + ") VALUES ("
        + String.join(", ", Collections.nCopies(t.columns().size(), "?")) + ")";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Object[] row : t.rows()) {
        for (int i = 0; i < row.length; i++) {
          p.setObject(i + 1, row[i]);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
