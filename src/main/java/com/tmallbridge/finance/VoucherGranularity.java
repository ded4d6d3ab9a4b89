package com.tmallbridge.finance;

/**
 * How a shop's money events are grouped into vouchers (see docs/money.md, "Granularity").
 */
public enum VoucherGranularity {
  /**
   * One summary voucher (汇总凭证) per shop, Tmall day and kind (SALE with its POST_FEE part,
   * RECEIPT, COMMISSION, POINTS, SERVICE_FEE, REFUND), keyed {@code <PREFIX>|<shop>|<yyyy-MM-dd>|<n>};
   * events arriving after a batch was recorded go into the next batch {@code n + 1}. The default.
   */
  DAY,
  /** One voucher per event, keyed by the event ({@code SALE|<shop>|<tid>}, {@code RCPT|<shop>|<bid>}, …). */
  LINE;

  /** Parses DAY or LINE, case-insensitively, with a one-line message otherwise. */
  public static VoucherGranularity parse(String text) {
    for (VoucherGranularity g : values()) {
      if (g.name().equalsIgnoreCase(text.trim())) {
        return g;
      }
    }
    throw new IllegalArgumentException("--granularity must be DAY or LINE, got '" + text + "'");
  }
}
