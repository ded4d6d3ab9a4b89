package com.tmallbridge.finance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a sales report groups by. */
public enum SalesGrouping {
  /** The day the trade was paid (China Standard Time); every day of the range has a row. */
  DAY,
  /** The shop's code. */
  SHOP,
  /** The ERP material code of the line (the SKU as the ERP knows it). */
  SKU,
  /** Tmall's leaf category id ({@code cid}) of the line's item, as the last product match read it. */
  CATEGORY,
  /** The receiver's province (Tmall's {@code receiver_state}). */
  PROVINCE;

  /** The report's id: {@code sales-day}, {@code sales-shop}, … */
  public String reportId() {
    return "sales-" + name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code day}, {@code shop}, {@code sku}, {@code category} or {@code province}, any case.
   *
   * @throws IllegalArgumentException naming the choices otherwise
   */
  public static SalesGrouping parse(String text) {
    for (SalesGrouping g : values()) {
      if (g.name().equalsIgnoreCase(text.strip())) {
        return g;
      }
    }
    throw new IllegalArgumentException("--by " + text + " is not a grouping: one of "
        + Arrays.stream(values()).map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }
}
