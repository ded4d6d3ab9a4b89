package com.tmallbridge.core;

import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link Voucher}: an amount on exactly one side of an account. Refuses to build
 * (with {@link IllegalArgumentException}) when the account is blank, an amount is negative, or the
 * entry has both sides or neither.
 *
 * @param account the account code of the chart of accounts, e.g. {@code 1122}
 * @param debitFen the debit in fen, 0 on a credit entry
 * @param creditFen the credit in fen, 0 on a debit entry
 * @param tid the Tmall trade the entry belongs to (auxiliary accounting by order), when there is one
 */
public record VoucherEntry(String account, long debitFen, long creditFen, @Nullable String tid) {

  public VoucherEntry {
    if (account == null || account.isBlank()) {
      throw new IllegalArgumentException("a voucher entry needs an account code");
    }
    if (debitFen < 0 || creditFen < 0) {
      throw new IllegalArgumentException("voucher entry on account " + account + " has a negative amount (debit "
          + Money.formatYuan(debitFen) + ", credit " + Money.formatYuan(creditFen) + "); amounts are never negative");
    }
    if ((debitFen == 0) == (creditFen == 0)) {
      throw new IllegalArgumentException("voucher entry on account " + account + " must have exactly one side, but has "
          + (debitFen == 0 ? "neither debit nor credit" : "both debit " + Money.formatYuan(debitFen) + " and credit "
          + Money.formatYuan(creditFen)));
    }
  }

  /** A debit of {@code fen} (positive) on {@code account}. */
  public static VoucherEntry debit(String account, long fen, @Nullable String tid) {
    return new VoucherEntry(account, fen, 0, tid);
  }

  /** A credit of {@code fen} (positive) on {@code account}. */
  public static VoucherEntry credit(String account, long fen, @Nullable String tid) {
    return new VoucherEntry(account, 0, fen, tid);
  }

  /** Whether this is a debit entry. */
  public boolean isDebit() {
    return debitFen > 0;
  }

  /** The amount of the entry's one side. */
  public long amountFen() {
    return debitFen + creditFen;
  }
}
