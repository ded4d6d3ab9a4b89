package com.tmallbridge.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of voucher posting ({@code bridge.finance.vouchers.*}).
 *
 * @param maxEvents the most events one summary voucher ({@link VoucherGranularity#DAY}) holds; a day
 *     and kind with more is posted as several batches ({@code …|<date>|1}, {@code |2}, …). Each event
 *     adds one to four entries, and a remote ERP writes a voucher in one call: Tryton took 44 s for a
 *     3,000-line move on this project's test machine, against a 60 s read timeout. Default 300 (at most
 *     about 1,200 entries a voucher); 1 to 100,000
 */
@ConfigurationProperties("bridge.finance.vouchers")
public record VoucherProperties(@DefaultValue("300") int maxEvents) {

  /** The defaults. */
  public static final VoucherProperties DEFAULTS = new VoucherProperties(300);

  public VoucherProperties {
    if (maxEvents < 1 || maxEvents > 100_000) {
      throw new IllegalArgumentException("bridge.finance.vouchers.max-events must be between 1 and 100000, got " + maxEvents);
    }
  }
}
