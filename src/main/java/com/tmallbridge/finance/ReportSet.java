package com.tmallbridge.finance;

import java.util.List;

/**
 * Every report of one range, in the order the workbook's sheets and the console's screen show them:
 * the sales by day, shop, SKU, category and province, the margin, then refunds, then fees.
 */
public record ReportSet(ReportRange range, List<ReportTable> tables) {

  public ReportSet {
    tables = List.copyOf(tables);
  }

  /**
   * The table with this id.
   *
   * @throws IllegalArgumentException when there is none
   */
  public ReportTable table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no report " + id));
  }
}
