package com.tmallbridge.finance;

import java.util.ArrayList;
import java.util.List;

/**
 * One report as a table: key columns (texts), figure columns, the rows and a totals row. The totals
 * are the exact sums of the rows where every record falls in one row; where a record can fall in
 * several (a trade with lines in two SKUs), the database computes them over the same records without
 * grouping, so the trade is one order in the total.
 *
 * @param id stable name ({@code sales-day}, {@code refunds}, …): sheet and file names, message key {@code report.<id>}
 * @param keyColumns ids of the key columns
 * @param columns the figure columns
 * @param rows the rows, in the report's order
 * @param totals the totals row; its first key is {@link #TOTAL}
 */
public record ReportTable(String id, List<String> keyColumns, List<ReportColumn> columns, List<ReportRow> rows, ReportRow totals) {
  /** The key of the totals row. */
  public static final String TOTAL = "TOTAL";

  public ReportTable {
    keyColumns = List.copyOf(keyColumns);
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The ids of every column, keys first: the CSV header. */
  public List<String> header() {
    List<String> all = new ArrayList<>(keyColumns);
    columns.forEach(c -> all.add(c.id()));
    return all;
  }

  /** A row as texts, keys first, money as yuan with two decimals. */
  public List<String> texts(ReportRow row) {
    List<String> all = new ArrayList<>(row.keys());
    for (int i = 0; i < columns.size(); i++) {
      all.add(columns.get(i).format(row.value(i)));
    }
    return all;
  }

  /** The index of the figure column {@code id}. */
  public int column(String id) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("report " + this.id + " has no column " + id);
  }
}
