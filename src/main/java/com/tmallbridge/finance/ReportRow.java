package com.tmallbridge.finance;

import java.util.List;

/**
 * One row of a report: its key texts (e.g. the day, or the material code and title) and its figures,
 * in the order of the table's columns; money in fen.
 */
public record ReportRow(List<String> keys, List<Long> values) {

  public ReportRow {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
  }

  /** The figure of column {@code index}. */
  public long value(int index) {
    return values.get(index);
  }
}
