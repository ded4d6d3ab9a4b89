package com.tmallbridge.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mismatch report of one shop, built from the listings stored by the last product match.
 *
 * @param shopCode the shop
 * @param generatedAt when it was built
 * @param lastMatchAt when the listings were read from Tmall; null when never
 * @param listings on-sale listings considered
 * @param priceTolerancePercent the tolerance used for price differences
 * @param lines one per problem, grouped by category
 * @param note a remark about the whole report (e.g. no match run yet), null when none
 */
public record MismatchReport(
    String shopCode,
    Instant generatedAt,
    @Nullable Instant lastMatchAt,
    int listings,
    BigDecimal priceTolerancePercent,
    List<Mismatch> lines,
    @Nullable String note) {

  public MismatchReport {
    lines = List.copyOf(lines);
  }

  /** Number of lines per category (every category present, zero when none). */
  public Map<Mismatch.Category, Integer> counts() {
    Map<Mismatch.Category, Integer> counts = new EnumMap<>(Mismatch.Category.class);
    for (Mismatch.Category c : Mismatch.Category.values()) {
      counts.put(c, 0);
    }
    lines.forEach(l -> counts.merge(l.category(), 1, Integer::sum));
    return counts;
  }

  /** Writes the lines as CSV (RFC 4180, header first, UTF-8 text) to {@code out}. */
  public void writeCsv(Appendable out) {
    try {
      out.append("category,num_iid,sku_id,outer_id,title,problem,advice\r\n");
      for (Mismatch m : lines) {
        out.append(String.join(",", m.category().name(), csv(m.numIid()), csv(m.skuId()), csv(m.outerId()), csv(m.title()),
            csv(m.problem()), csv(m.advice()))).append("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(@Nullable String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
