package com.tmallbridge.erp.embedded.operations;

import java.time.LocalDate;

/**
 * One voucher of the built-in ERP's general ledger with its entries' totals, for checks made
 * outside the bridge (a sound voucher has {@code debitFen == creditFen}).
 *
 * @param voucherNo the ledger's number ({@code JV…})
 * @param key the poster's voucher key
 * @param date the voucher date
 * @param debitFen sum of its entries' debits
 * @param creditFen sum of its entries' credits
 */
public record LedgerVoucher(String voucherNo, String key, LocalDate date, long debitFen, long creditFen) {

  /** Whether its debits equal its credits. */
  public boolean balanced() {
    return debitFen == creditFen;
  }
}
