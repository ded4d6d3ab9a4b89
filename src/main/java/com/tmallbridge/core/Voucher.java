package com.tmallbridge.core;

import java.time.LocalDate;
import java.util.List;

/**
 * An accounting voucher (记账凭证) as the bridge posts it to the ERP: balanced entries under one
 * explanation and date. Refuses to build (with {@link IllegalArgumentException}, naming the key
 * and both totals) when it has no entries or the debit total is not the credit total; each entry
 * checks its own sides (see {@link VoucherEntry}). Immutable.
 *
 * @param key stable idempotency key, e.g. {@code SALE|TM01|4123456789}: an ERP posts one voucher
 *     per key, whatever the number of attempts
 * @param shop the shop's code
 * @param date the accounting date (Tmall's day, Asia/Shanghai)
 * @param explanation the voucher's explanation (摘要)
 * @param entries the lines, at least two
 */
public record Voucher(String key, String shop, LocalDate date, String explanation, List<VoucherEntry> entries) {
  /** The longest key an ERP must store. */
  public static final int MAX_KEY_LENGTH = 128;

  public Voucher {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("a voucher needs a key of 1-" + MAX_KEY_LENGTH + " characters, got '" + key + "'");
    }
    if (explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("voucher " + key + " needs an explanation");
    }
    entries = List.copyOf(entries);
    if (entries.size() < 2) {
      throw new IllegalArgumentException("voucher " + key + " needs at least two entries, has " + entries.size());
    }
    long debit = 0;
    long credit = 0;
    for (VoucherEntry e : entries) {
      debit = Math.addExact(debit, e.debitFen());
      credit = Math.addExact(credit, e.creditFen());
    }
    if (debit != credit) {
      throw new IllegalArgumentException("voucher " + key + " does not balance: debit total " + Money.formatYuan(debit)
          + " ≠ credit total " + Money.formatYuan(credit) + "; it is refused");
    }
  }

  /** The debit total, equal to the credit total. */
  public long totalFen() {
    return entries.stream().mapToLong(VoucherEntry::debitFen).sum();
  }
}
