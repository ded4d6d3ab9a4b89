package com.tmallbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes command results: JSON for scripts, aligned text tables for people. */
final class Output {
  private static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

  private final PrintWriter out;

  Output(PrintWriter out) {
    this.out = out;
  }

  void json(Object value) {
    out.println(JSON.writeValueAsString(value));
    out.flush();
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** Prints rows as a table with a header; every row must have as many cells as the header. */
  void table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], displayWidth(row.get(i)));
      }
    }
    for (List<String> row : all) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        sb.append(cell);
        if (i < row.size() - 1) {
          sb.append(" ".repeat(width[i] - displayWidth(cell) + 2));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  /** Terminal columns a text takes: CJK characters are two columns wide. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF
          || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
    }
    return w;
  }

  static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
