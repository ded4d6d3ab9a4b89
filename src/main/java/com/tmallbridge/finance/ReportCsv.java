package com.tmallbridge.finance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link ReportTable} as CSV (RFC 4180): UTF-8 with a byte-order mark (so that Excel opens Chinese
 * text correctly by a double click), CRLF line ends, a header row of the column ids, one line per
 * row and the totals row last (first key {@code TOTAL}); money as yuan with exactly two decimals
 * and a dot, no thousands separators. A field with a comma, quote or line break is quoted.
 */
public final class ReportCsv {
  private static final char BOM = '\uFEFF';

  private ReportCsv() {}

  /** Writes {@code table} to {@code out} (flushed, not closed). */
  public static void write(ReportTable table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(BOM);
    line(w, table.header());
    for (ReportRow row : table.rows()) {
      line(w, table.texts(row));
    }
    line(w, table.texts(table.totals()));
    w.flush();
  }

  private static void line(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(field(fields.get(i)));
    }
    w.write("\r\n");
  }

  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
