package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.embedded.operations.Receivable;
import com.tmallbridge.erp.embedded.operations.TrialBalance;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in ERP's general ledger ({@code erp_voucher}, {@code erp_voucher_entry} of {@code
 * V29__finance_vouchers.sql}) with its receivables per sales order ({@code erp_receivable}) and
 * receipts ({@code erp_receipt}). A voucher is written in one transaction: header, entries, and for
 * every entry with a trade on a {@code RECEIVABLE} account a receivable (debit) or a receipt
 * (credit). Idempotent on the voucher key: the header insert does nothing on a key already there,
 * and then nothing else is written. A refusal found inside the transaction is returned from the
 * callback and thrown after it, so a caller's surrounding transaction is not marked rollback-only.
 * Voucher numbers are {@code JV} + voucher date {@code yyyyMMdd} + a running number (6+ digits).
 */
final class GeneralLedger {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private static final String FIND = "select voucher_no from erp_voucher where voucher_key = :key";
  private static final String NEXT = "select nextval('erp_voucher_seq')";
  private static final String INSERT_HEADER = """
      insert into erp_voucher (voucher_no, voucher_key, shop_code, voucher_date, explanation, total_fen, posted_at)
      values (:no, :key, :shop, :date, :explanation, :total, :now)
      on conflict do nothing""";
  private static final String INSERT_ENTRY = """
      insert into erp_voucher_entry (voucher_no, line_no, account, debit_fen, credit_fen, tid)
      values (:no, :lineNo, :account, :debit, :credit, :tid)""";
  private static final String ACCOUNTS = "select code, kind from erp_account where code in (:codes)";
  private static final String OPEN_RECEIVABLE = """
      insert into erp_receivable (shop_code, channel_order_no, sales_order_no, billed_fen, received_fen, updated_at)
      values (:shop, :tid, (select doc_no from erp_sales_order where shop_code = :shop and channel_order_no = :tid), 0, 0, :now)
      on conflict do nothing""";
  private static final String ADD_TO_RECEIVABLE = """
      update erp_receivable set billed_fen = billed_fen + :billed, received_fen = received_fen + :received, updated_at = :now,
             sales_order_no = coalesce(sales_order_no,
                 (select doc_no from erp_sales_order where shop_code = :shop and channel_order_no = :tid))
       where shop_code = :shop and channel_order_no = :tid""";
  private static final String INSERT_RECEIPT = """
      insert into erp_receipt (voucher_no, shop_code, channel_order_no, amount_fen, received_on)
      values (:no, :shop, :tid, :amount, :date)""";
  private static final String TRIAL_BALANCE = """
      select a.code, a.name, coalesce(sum(e.debit_fen), 0) as debit, coalesce(sum(e.credit_fen), 0) as credit
        from erp_account a join erp_voucher_entry e on e.account = a.code
       group by a.code, a.name order by a.code""";
  private static final String RECEIVABLES = """
      select channel_order_no, sales_order_no, billed_fen, received_fen from erp_receivable
       where shop_code = :shop order by channel_order_no""";
  private static final String ENTRIES = """
      select e.account, e.debit_fen, e.credit_fen, e.tid from erp_voucher_entry e
       where e.voucher_no = :no order by e.line_no""";
  private static final String VOUCHER_TOTALS = """
      select v.voucher_no, v.voucher_key, v.voucher_date, coalesce(sum(e.debit_fen), 0), coalesce(sum(e.credit_fen), 0)
        from erp_voucher v left join erp_voucher_entry e on e.voucher_no = v.voucher_no
       where v.shop_code = :shop
       group by v.voucher_no, v.voucher_key, v.voucher_date order by v.voucher_no""";
  private static final String HEADER = """
      select voucher_key, shop_code, voucher_date, explanation from erp_voucher where voucher_no = :no""";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  GeneralLedger(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  Optional<ErpDocNo> find(String key) {
    return jdbc.sql(FIND).param("key", key).query(String.class).optional().map(ErpDocNo::new);
  }

  ErpDocNo post(Voucher voucher) {
    Object outcome = transaction.execute(status -> {
      Optional<ErpDocNo> earlier = find(voucher.key());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      ConnectorException refusal = refusal(voucher);
      if (refusal != null) {
        return refusal;
      }
      Map<String, String> kinds = accountKinds(voucher);
      Set<String> unknown = new TreeSet<>();
      voucher.entries().forEach(e -> {
        if (!kinds.containsKey(e.account())) {
          unknown.add(e.account());
        }
      });
      if (!unknown.isEmpty()) {
        return new ConnectorException(EmbeddedErrorCode.VOUCHER_REJECTED, false, "voucher " + voucher.key()
            + " names account(s) " + unknown + " the built-in ERP's chart of accounts (erp_account) does not have");
      }
      long n = jdbc.sql(NEXT).query(Long.class).single();
      ErpDocNo no = new ErpDocNo(DocumentNumbers.zeroPadded("JV" + DAY.format(voucher.date()), n, 6));
      var now = clock.instant().atOffset(ZoneOffset.UTC);
      int inserted = jdbc.sql(INSERT_HEADER).param("no", no.value()).param("key", voucher.key()).param("shop", voucher.shop())
          .param("date", voucher.date()).param("explanation", truncated(voucher.explanation())).param("total", voucher.totalFen())
          .param("now", now).update();
      if (inserted == 0) {
        return find(voucher.key()).orElseThrow();
      }
      int lineNo = 0;
      Map<String, long[]> receivables = new LinkedHashMap<>();
      for (VoucherEntry e : voucher.entries()) {
        jdbc.sql(INSERT_ENTRY).param("no", no.value()).param("lineNo", ++lineNo).param("account", e.account())
            .param("debit", e.debitFen()).param("credit", e.creditFen()).param("tid", e.tid()).update();
        if (e.tid() != null && "RECEIVABLE".equals(kinds.get(e.account()))) {
          long[] sums = receivables.computeIfAbsent(e.tid(), t -> new long[2]);
          sums[0] += e.debitFen();
          sums[1] += e.creditFen();
        }
      }
      for (Map.Entry<String, long[]> r : receivables.entrySet()) {
        jdbc.sql(OPEN_RECEIVABLE).param("shop", voucher.shop()).param("tid", r.getKey()).param("now", now).update();
        jdbc.sql(ADD_TO_RECEIVABLE).param("shop", voucher.shop()).param("tid", r.getKey()).param("billed", r.getValue()[0])
            .param("received", r.getValue()[1]).param("now", now).update();
        if (r.getValue()[1] > 0) {
          jdbc.sql(INSERT_RECEIPT).param("no", no.value()).param("shop", voucher.shop()).param("tid", r.getKey())
              .param("amount", r.getValue()[1]).param("date", voucher.date()).update();
        }
      }
      return no;
    });
    if (outcome instanceof ConnectorException e) {
      throw e;
    }
    return (ErpDocNo) outcome;
  }

  /** The ledger checks the balance again, whatever built the voucher: debit total = credit total, one side per entry. */
  private static @Nullable ConnectorException refusal(Voucher voucher) {
    long debit = 0;
    long credit = 0;
    for (VoucherEntry e : voucher.entries()) {
      if ((e.debitFen() > 0) == (e.creditFen() > 0) || e.debitFen() < 0 || e.creditFen() < 0) {
        return new ConnectorException(EmbeddedErrorCode.VOUCHER_REJECTED, false,
            "voucher " + voucher.key() + " has an entry on " + e.account() + " without exactly one positive side");
      }
      debit += e.debitFen();
      credit += e.creditFen();
    }
    if (debit != credit) {
      return new ConnectorException(EmbeddedErrorCode.VOUCHER_REJECTED, false, "voucher " + voucher.key()
          + " does not balance: debit " + Money.formatYuan(debit) + " ≠ credit " + Money.formatYuan(credit));
    }
    return null;
  }

  private Map<String, String> accountKinds(Voucher voucher) {
    Set<String> codes = new TreeSet<>();
    voucher.entries().forEach(e -> codes.add(e.account()));
    Map<String, String> kinds = new LinkedHashMap<>();
    jdbc.sql(ACCOUNTS).param("codes", codes).query(rs -> {
      kinds.put(rs.getString(1), rs.getString(2));
    });
    return kinds;
  }

  private static String truncated(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  TrialBalance trialBalance() {
    List<TrialBalance.Row> rows = jdbc.sql(TRIAL_BALANCE)
        .query((rs, i) -> new TrialBalance.Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    return new TrialBalance(rows);
  }

  List<Receivable> receivables(String shopCode) {
    return jdbc.sql(RECEIVABLES).param("shop", shopCode).query((rs, i) -> new Receivable(rs.getString(1),
        rs.getString(2) == null ? null : new ErpDocNo(rs.getString(2)), rs.getLong(3), rs.getLong(4))).list();
  }

  /** The shop's vouchers with their entries' totals, for checks. */
  List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> vouchers(String shopCode) {
    return jdbc.sql(VOUCHER_TOTALS).param("shop", shopCode).query((rs, i) -> new com.tmallbridge.erp.embedded.operations.LedgerVoucher(
        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getLong(5))).list();
  }

  /** A posted voucher as the ledger holds it, for checks; empty when there is no such number. */
  Optional<Voucher> read(ErpDocNo no) {
    List<VoucherEntry> entries = jdbc.sql(ENTRIES).param("no", no.value())
        .query((rs, i) -> new VoucherEntry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    return jdbc.sql(HEADER).param("no", no.value()).query((rs, i) -> new Voucher(rs.getString(1), rs.getString(2),
        rs.getObject(3, LocalDate.class), rs.getString(4), new ArrayList<>(entries))).optional();
  }
}
