package com.tmallbridge.finance;

import com.tmallbridge.core.Money;

/**
 * A figure column of a report.
 *
 * @param id stable name, used as the CSV header and the message key {@code report.col.<id>}
 * @param money true for an amount in fen (shown as yuan with two decimals), false for a count
 */
public record ReportColumn(String id, boolean money) {

  static ReportColumn amount(String id) {
    return new ReportColumn(id, true);
  }

  static ReportColumn count(String id) {
    return new ReportColumn(id, false);
  }

  /** The value as text: yuan with exactly two decimals for money, the plain number otherwise. */
  public String format(long value) {
    return money ? Money.formatYuan(value) : Long.toString(value);
  }
}
