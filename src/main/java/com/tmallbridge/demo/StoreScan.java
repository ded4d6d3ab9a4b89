package com.tmallbridge.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every row of every table of an H2 database and walks every index, as the soak's integrity
 * check ({@code bench/soak.sh}): a table is unreadable when its full scan or the walk of one of its
 * indexes throws (say, H2's "Chunk N not found"), or when {@code count(*)} or an index walk yields
 * another number of rows than the scan. Index walks are {@code SELECT <index columns> ... USE INDEX (<index>) ORDER
 * BY <index columns>}, which H2 answers by reading the index in order ("index sorted").
 */
public final class StoreScan {
  private StoreScan() {}

  /**
   * What the scan found.
   *
   * @param rows rows read per table
   * @param indexes indexes walked
   * @param unreadable per unreadable table, the first error
   */
  public record Result(Map<String, Long> rows, int indexes, Map<String, String> unreadable) {
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Scans every table of the schema {@code public} on an open connection (H2, {@code DATABASE_TO_LOWER}). */
  public static Result scan(Connection c) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    int walked = 0;
    for (String table : tables(c)) {
      try {
        long scanned = fullScan(c, table);
        rows.put(table, scanned);
        long counted = countStar(c, table);
        if (counted != scanned) {
          unreadable.put(table, "count(*) says " + counted + " rows, a scan reads " + scanned);
          continue;
        }
        for (Map.Entry<String, List<String>> index : indexes(c, table).entrySet()) {
          long viaIndex = walk(c, table, index.getKey(), index.getValue());
          walked++;
          if (viaIndex != scanned) {
            unreadable.put(table, "index " + index.getKey() + " holds " + viaIndex + " rows, the table " + scanned);
            break;
          }
        }
      } catch (SQLException | RuntimeException e) {
        unreadable.put(table, e.getMessage());
      }
    }
    return new Result(rows, walked, unreadable);
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
            + "and table_type = 'BASE TABLE' order by table_name")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  private static Map<String, List<String>> indexes(Connection c, String table) throws SQLException {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    try (var s = c.prepareStatement("select index_name, column_name from information_schema.index_columns "
        + "where table_schema = 'public' and table_name = ? order by index_name, ordinal_position")) {
      s.setString(1, table);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          indexes.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
        }
      }
    }
    return indexes;
  }

  private static long fullScan(Connection c, String table) throws SQLException {
    long n = 0;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from " + quote(table))) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        for (int i = 1; i <= columns; i++) {
          r.getObject(i);
        }
        n++;
      }
    }
    return n;
  }

  private static long countStar(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + quote(table))) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long walk(Connection c, String table, String index, List<String> columns) throws SQLException {
    String cols = String.join(", ", columns.stream().map(StoreScan::quote).toList());
    long n = 0;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select " + cols + " from " + quote(table) + " use index (" + quote(index) + ") order by " + cols)) {
      while (r.next()) {
        n++;
      }
    }
    return n;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
