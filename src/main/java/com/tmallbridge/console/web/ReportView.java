package com.tmallbridge.console.web;

import com.tmallbridge.finance.ReportColumn;
import com.tmallbridge.finance.ReportRow;
import com.tmallbridge.finance.ReportTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as the Money → Reports screen shows it: header keys ({@code report.col.<id>}), which
 * columns are figures (right-aligned), the rows and the totals as texts; money as {@code ¥1,234.50}
 * (exact, never rounded; a negative amount as {@code -¥3.21}).
 */
record ReportView(String id, List<String> headerKeys, List<Boolean> numeric, List<List<String>> rows, List<String> totals) {

  static ReportView of(ReportTable table) {
    List<String> keys = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    table.keyColumns().forEach(k -> {
      keys.add("report.col." + k);
      numeric.add(false);
    });
    table.columns().forEach(c -> {
      keys.add("report.col." + c.id());
      numeric.add(true);
    });
    List<List<String>> rows = table.rows().stream().map(r -> texts(table, r)).toList();
    return new ReportView(table.id(), keys, numeric, rows, texts(table, table.totals()));
  }

  private static List<String> texts(ReportTable table, ReportRow row) {
    List<String> texts = new ArrayList<>(row.keys());
    for (int i = 0; i < table.columns().size(); i++) {
      texts.add(text(table.columns().get(i), row.value(i)));
    }
    return texts;
  }

  static String text(ReportColumn column, long value) {
    if (!column.money()) {
      return String.format(Locale.ROOT, "%,d", value);
    }
    // BigDecimal formatting is exact: fen → yuan with scale 2, grouped by thousands
    String yuan = String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(value, 2).abs());
    return (value < 0 ? "-¥" : "¥") + yuan;
  }
}
