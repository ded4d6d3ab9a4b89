package com.tmallbridge.erp.embedded.operations;

import java.util.List;

/**
 * The built-in ERP's trial balance (试算平衡表) over every posted voucher: debit and credit totals
 * per account with any entry. In a sound ledger {@link #debitFen()} equals {@link #creditFen()}.
 *
 * @param rows one per account, by account code
 */
public record TrialBalance(List<Row> rows) {

  public TrialBalance {
    rows = List.copyOf(rows);
  }

  /** Sum of every account's debits. */
  public long debitFen() {
    return rows.stream().mapToLong(Row::debitFen).sum();
  }

  /** Sum of every account's credits. */
  public long creditFen() {
    return rows.stream().mapToLong(Row::creditFen).sum();
  }

  /** Whether debits and credits agree. */
  public boolean balanced() {
    return debitFen() == creditFen();
  }

  /** The row of {@code account}, or zeros when it has no entry. */
  public Row account(String account) {
    return rows.stream().filter(r -> r.account().equals(account)).findFirst().orElse(new Row(account, "", 0, 0));
  }

  /**
   * @param account the account code
   * @param name the account's name in the chart of accounts
   * @param debitFen total debits
   * @param creditFen total credits
   */
  public record Row(String account, String name, long debitFen, long creditFen) {}
}
