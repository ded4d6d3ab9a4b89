package com.tmallbridge.product;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads mapping rows from CSV: {@code num_iid,sku_id,material} per line (UTF-8, comma separated,
 * optional header line starting with {@code num_iid}, empty {@code sku_id} for items without SKUs,
 * blank lines and lines starting with {@code #} skipped). Values are not quoted.
 */
final class MappingImport {
  private MappingImport() {}

  /** A parsed row, or the reason it cannot be used. */
  record Row(int lineNo, String numIid, String skuId, String code, String error) {
    boolean valid() {
      return error.isEmpty();
    }
  }

  static List<Row> parse(Reader csv) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(csv)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        String text = no == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (text.isBlank() || text.startsWith("#") || (no == 1 && text.trim().toLowerCase(java.util.Locale.ROOT).startsWith("num_iid"))) {
          continue;
        }
        rows.add(row(no, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Row row(int no, String text) {
    String[] f = text.split(",", -1);
    if (f.length != 3) {
      return new Row(no, "", "", "", "expected 3 fields num_iid,sku_id,material but found " + f.length);
    }
    String numIid = f[0].trim();
    String skuId = f[1].trim();
    String code = f[2].trim();
    if (!numIid.matches("\\d+")) {
      return new Row(no, numIid, skuId, code, "num_iid '" + numIid + "' is not a number");
    }
    if (!skuId.isEmpty() && !skuId.matches("\\d+")) {
      return new Row(no, numIid, skuId, code, "sku_id '" + skuId + "' is not a number");
    }
    if (code.isEmpty()) {
      return new Row(no, numIid, skuId, code, "the material code is empty");
    }
    return new Row(no, numIid, skuId, code, "");
  }
}
