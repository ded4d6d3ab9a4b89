package com.tmallbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * Copies a bridge database into another, empty one — the move of an install from the embedded H2
 * file to PostgreSQL ({@code bridge db copy}). The target is first migrated by Flyway with the
 * bridge's own migrations; then every table of the source (except Flyway's history) is copied in
 * foreign-key order, in batches of {@value #BATCH} rows per commit; identity columns and sequences
 * of the target are moved past the copied values so that new rows never collide; at the end the
 * rows of every table are counted on both sides.
 *
 * <p>The source must be at rest (no bridge running on it) and migrated to the same version as
 * this build (the bridge migrates it when it opens it). The target must be empty: a target where
 * any table holds a row is refused before anything is written. A copy that fails half-way leaves
 * the target partly filled: empty it (drop and create the database) and copy again. Not
 * thread-safe; one copy at a time.
 */
public final class DatabaseCopy {
  /** Rows per insert batch and commit. */
  static final int BATCH = 1000;
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  private final String migrations;
  private final Consumer<String> progress;

  /**
   * @param migrations the Flyway location of the bridge's migrations, e.g. {@code classpath:db/migration}
   * @param progress receives a line now and then (table, rows copied so far)
   */
  public DatabaseCopy(String migrations, Consumer<String> progress) {
    this.migrations = migrations;
    this.progress = progress;
  }

  /**
   * Rows per table on both sides after a copy, in copy order.
   *
   * @param tables one entry per copied table
   * @param sequences the sequences moved on the target, with the next value each now hands out
   */
  public record Report(List<TableCount> tables, Map<String, Long> sequences) {
    /** Whether every table holds as many rows on the target as on the source. */
    public boolean matches() {
      return tables.stream().allMatch(TableCount::matches);
    }
  }

  /**
   * Rows of one table: {@code count(*)} on the source, the rows read from it and written, and
   * {@code count(*)} on the target after the copy. All three are equal in a good copy; a source
   * whose {@code count(*)} differs from the rows it yields is inconsistent itself (H2 2.4 showed
   * that after a kill -9; see docs/database.md).
   */
  public record TableCount(String table, long sourceRows, long rowsCopied, long targetRows) {
    public boolean matches() {
      return sourceRows == rowsCopied && rowsCopied == targetRows;
    }
  }

  /**
   * Why {@code target} cannot receive a copy, if it cannot: the first table that holds a row —
   * Flyway's history and the tables the migrations themselves fill (the built-in ERP's first
   * warehouse and counters) aside, so a database a bridge was started on once, and nothing more,
   * counts as empty.
   */
  public Optional<String> whyNotEmpty(Connection target) throws SQLException {
    Set<String> seeded = seededTables();
    for (String table : tables(target)) {
      if (FLYWAY_HISTORY.equals(table) || seeded.contains(table)) {
        continue;
      }
      try (Statement s = target.createStatement(); ResultSet r = s.executeQuery("select 1 from " + quote(table) + " limit 1")) {
        if (r.next()) {
          return Optional.of("the target database is not empty: table " + table + " holds rows; copy only into an empty database");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Migrates the target with Flyway, then copies every table and sequence of the source into it.
   *
   * @param source an open connection to the bridge database to copy (read only)
   * @param target an open connection to the empty target database (its current schema receives the tables).
   *     On H2, open it only after {@code flyway} migrated the target: H2 2.4 cannot evaluate a CHECK
   *     constraint in a session opened before the constraint was created ("Check constraint invalid",
   *     23514), so rows of tables with one (console users, stock reservations, the voucher granularity)
   *     would be refused
   * @param flyway Flyway configured on the target with the bridge's migrations
   * @throws IllegalArgumentException when the target is not empty (nothing written), or lacks a
   *     table of the source after its migration (the source is of another version)
   * @throws SQLException when either database fails; the target may then be partly filled
   */
  public Report copy(Connection source, Connection target, Flyway flyway) throws SQLException {
    Optional<String> notEmpty = whyNotEmpty(target);
    if (notEmpty.isPresent()) {
      throw new IllegalArgumentException(notEmpty.get());
    }
    flyway.migrate();
    List<String> order = dependencyOrder(source);
    Set<String> seeded = seededTables();
    Set<String> targetTables = new TreeSet<>(tables(target));
    for (String table : order) {
      if (!targetTables.contains(table)) {
        throw new IllegalArgumentException("the target has no table " + table + " after its migration: is the source of another "
            + "version of the bridge? Run the bridge of the source's version once on it, or this version on the source");
      }
    }
    source.setAutoCommit(false); // PostgreSQL as a source streams rows only inside a transaction
    target.setAutoCommit(false);
    List<String> childrenFirst = new ArrayList<>(order);
    java.util.Collections.reverse(childrenFirst);
    for (String table : childrenFirst) {
      if (seeded.contains(table)) {
        try (Statement s = target.createStatement()) {
          s.executeUpdate("delete from " + quote(table)); // the migrations' rows: the source has its own
        }
      }
    }
    List<TableCount> counts = new ArrayList<>();
    for (String table : order) {
      long copied = copyTable(source, target, table);
      moveIdentities(target, table);
      target.commit();
      counts.add(new TableCount(table, 0, copied, count(target, table)));
    }
    Map<String, Long> sequences = copySequences(source, target);
    target.commit();
    source.commit();
    List<TableCount> verified = new ArrayList<>();
    for (TableCount c : counts) {
      verified.add(new TableCount(c.table(), count(source, c.table()), c.rowsCopied(), c.targetRows()));
    }
    return new Report(verified, sequences);
  }

  /** The tables that hold rows right after the migrations ran on an empty database (an in-memory H2 tells). */
  Set<String> seededTables() throws SQLException {
    String url = "jdbc:h2:mem:seeded-" + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
      Flyway.configure().dataSource(url, "sa", "").locations(migrations).load().migrate();
      Set<String> seeded = new TreeSet<>();
      for (String table : tables(c)) {
        if (!FLYWAY_HISTORY.equals(table) && count(c, table) > 0) {
          seeded.add(table);
        }
      }
      return seeded;
    }
  }

  private long copyTable(Connection source, Connection target, String table) throws SQLException {
    long total = count(source, table);
    long copied = 0;
    try (Statement read = source.createStatement()) {
      read.setFetchSize(BATCH);
      try (ResultSet rows = read.executeQuery("select * from " + quote(table))) {
        int n = rows.getMetaData().getColumnCount();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          columns.add(quote(rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT)));
        }
        String insert = "insert into " + quote(table) + " (" + String.join(", ", columns) + ") values ("
            + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
        try (PreparedStatement write = target.prepareStatement(insert)) {
          int inBatch = 0;
          while (rows.next()) {
            for (int i = 1; i <= n; i++) {
              write.setObject(i, portable(rows.getObject(i)));
            }
            write.addBatch();
            if (++inBatch == BATCH) {
              write.executeBatch();
              target.commit();
              copied += inBatch;
              inBatch = 0;
              progress.accept(String.format("copying %s: %d/%d rows", table, copied, total));
            }
          }
          if (inBatch > 0) {
            write.executeBatch();
            copied += inBatch;
          }
        }
      }
    }
    progress.accept(String.format("copied %s: %d rows", table, copied));
    return copied;
  }

  /** Large objects as plain values: H2's {@code text} is a CLOB, PostgreSQL's is a string. */
  private static Object portable(Object value) throws SQLException {
    if (value instanceof Clob clob) {
      try (Reader r = clob.getCharacterStream()) {
        StringWriter w = new StringWriter();
        r.transferTo(w);
        return w.toString();
      } catch (IOException e) {
        throw new SQLException("cannot read a text value: " + e.getMessage(), e);
      }
    }
    if (value instanceof Blob blob) {
      try (InputStream in = blob.getBinaryStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new SQLException("cannot read a binary value: " + e.getMessage(), e);
      }
    }
    return value;
  }

  /** Moves each identity column of {@code table} on the target past the largest copied value. */
  private static void moveIdentities(Connection target, String table) throws SQLException {
    List<String> identities = new ArrayList<>();
    try (PreparedStatement s = target.prepareStatement("select column_name from information_schema.columns "
        + "where table_schema = ? and table_name = ? and is_identity = 'YES'")) {
      s.setString(1, target.getSchema());
      s.setString(2, table);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          identities.add(r.getString(1));
        }
      }
    }
    for (String column : identities) {
      long next;
      try (Statement s = target.createStatement();
          ResultSet r = s.executeQuery("select coalesce(max(" + quote(column) + "), 0) + 1 from " + quote(table))) {
        r.next();
        next = r.getLong(1);
      }
      try (Statement s = target.createStatement()) {
        s.execute("alter table " + quote(table) + " alter column " + quote(column) + " restart with " + next);
      }
    }
  }

  /** Sets every sequence of the target to hand out nothing the source handed out already. */
  private static Map<String, Long> copySequences(Connection source, Connection target) throws SQLException {
    Map<String, Long> moved = new LinkedHashMap<>();
    Set<String> onTarget = new TreeSet<>(sequences(target));
    for (String sequence : sequences(source)) {
      if (!onTarget.contains(sequence)) {
        continue; // an identity column's own sequence on PostgreSQL: moved with its table
      }
      long next = nextValue(source, sequence);
      try (Statement s = target.createStatement()) {
        s.execute("alter sequence " + quote(sequence) + " restart with " + next);
      }
      moved.put(sequence, next);
    }
    return moved;
  }

  /** A value the sequence has not handed out yet (one increment past the last one, to be safe). */
  private static long nextValue(Connection c, String sequence) throws SQLException {
    if (isH2(c)) {
      try (PreparedStatement s = c.prepareStatement("select base_value, increment from information_schema.sequences "
          + "where sequence_schema = ? and sequence_name = ?")) {
        s.setString(1, c.getSchema());
        s.setString(2, sequence);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getLong(1) + r.getLong(2);
        }
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select last_value, is_called from " + quote(sequence))) {
      r.next();
      long increment;
      try (PreparedStatement i = c.prepareStatement("select increment from information_schema.sequences "
          + "where sequence_schema = ? and sequence_name = ?")) {
        i.setString(1, c.getSchema());
        i.setString(2, sequence);
        try (ResultSet ir = i.executeQuery()) {
          increment = ir.next() ? Long.parseLong(ir.getString(1)) : 1;
        }
      }
      return r.getLong(1) + (r.getBoolean(2) ? 2 * increment : increment);
    }
  }

  private static boolean isH2(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
  }

  private static List<String> sequences(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select sequence_name from information_schema.sequences where sequence_schema = ? "
        + "order by sequence_name")) {
      s.setString(1, c.getSchema());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }

  /** The source's tables (Flyway's history aside), every table after the tables its foreign keys point to. */
  static List<String> dependencyOrder(Connection c) throws SQLException {
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    DatabaseMetaData meta = c.getMetaData();
    for (String table : tables(c)) {
      if (FLYWAY_HISTORY.equals(table)) {
        continue;
      }
      Set<String> refs = new LinkedHashSet<>();
      try (ResultSet r = meta.getImportedKeys(null, c.getSchema(), table)) {
        while (r.next()) {
          String parent = r.getString("PKTABLE_NAME");
          if (!parent.equals(table)) {
            refs.add(parent);
          }
        }
      }
      parents.put(table, refs);
    }
    List<String> order = new ArrayList<>();
    while (order.size() < parents.size()) {
      boolean progressed = false;
      for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
        if (!order.contains(e.getKey()) && order.containsAll(e.getValue())) {
          order.add(e.getKey());
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet().stream().filter(t -> !order.contains(t)).toList());
      }
    }
    return order;
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (r.next()) {
        names.add(r.getString("TABLE_NAME"));
      }
    }
    names.sort(null);
    return names;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + quote(table))) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
