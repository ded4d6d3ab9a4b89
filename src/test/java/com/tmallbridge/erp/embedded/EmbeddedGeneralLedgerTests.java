package com.tmallbridge.erp.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.embedded.operations.Receivable;
import com.tmallbridge.erp.embedded.operations.TrialBalance;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in ERP's general ledger: receivables per order, receipts, trial balance, refusals. */
@DatabaseTest
class EmbeddedGeneralLedgerTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final EmbeddedErpConnector erp =
      DATABASE.get().connector(Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC));
  private final String shop = "GL" + Long.toString(System.nanoTime(), 36).toUpperCase();
  private static final LocalDate DAY = LocalDate.parse("2026-12-05");

  @Test
  void aSaleBillsTheOrdersReceivableAndASettlementReceivesItWithTheTrialBalanceEven() {
    ErpDocNo sale = erp.postVoucher(new Voucher("SALE|" + shop + "|T1", shop, DAY, "天猫订单 T1 销售收入", List.of(
        VoucherEntry.debit("1122", 11300, "T1"), VoucherEntry.credit("6001", 10000, "T1"), VoucherEntry.credit("2221", 1300, "T1"))));
    erp.postVoucher(new Voucher("RCPT|" + shop + "|B1", shop, DAY.plusDays(3), "天猫订单 T1 支付宝收款", List.of(
        VoucherEntry.debit("1012", 11000, "T1"), VoucherEntry.credit("1122", 11000, "T1"))));

    assertThat(sale.value()).startsWith("JV20261205");
    assertThat(erp.operations().receivables(shop)).containsExactly(new Receivable("T1", null, 11300, 11000));
    assertThat(erp.operations().receivables(shop).get(0).openFen()).isEqualTo(300);
    Long receipts = DATABASE.get().jdbc().sql("select sum(amount_fen) from erp_receipt where shop_code = :s").param("s", shop)
        .query(Long.class).single();
    assertThat(receipts).isEqualTo(11000);
    TrialBalance balance = erp.operations().trialBalance();
    assertThat(balance.balanced()).isTrue();
    assertThat(balance.debitFen()).isPositive();
    assertThat(balance.account("2221").name()).contains("销项税额");
  }

  @Test
  void theShopsVouchersCarryTheirTotalsAndAnUnbalancedOneWrittenInTheLedgerShows() {
    erp.postVoucher(new Voucher("SALE|" + shop + "|T1", shop, DAY, "x", List.of(
        VoucherEntry.debit("1122", 11300, "T1"), VoucherEntry.credit("6001", 10000, "T1"), VoucherEntry.credit("2221", 1300, "T1"))));
    // written straight into the ledger, past the poster's balance check: what a broken ERP import could leave
    var jdbc = DATABASE.get().jdbc();
    jdbc.sql("""
        insert into erp_voucher (voucher_no, voucher_key, shop_code, voucher_date, explanation, total_fen, posted_at)
        values (:no, :key, :shop, :day, 'x', 500, current_timestamp)""").param("no", "JVX" + shop).param("key", "COMM|" + shop + "|B9")
        .param("shop", shop).param("day", DAY).update();
    jdbc.sql("insert into erp_voucher_entry (voucher_no, line_no, account, debit_fen, credit_fen, tid) values (:no, 1, '660101', 500, 0, 'T1')")
        .param("no", "JVX" + shop).update();
    jdbc.sql("insert into erp_voucher_entry (voucher_no, line_no, account, debit_fen, credit_fen, tid) values (:no, 2, '1012', 0, 499, 'T1')")
        .param("no", "JVX" + shop).update();

    List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> vouchers;
    try {
      vouchers = erp.operations().ledgerVouchers(shop);
    } finally { // the shared ledger's trial balance must stay even for the other tests
      jdbc.sql("delete from erp_voucher_entry where voucher_no = :no").param("no", "JVX" + shop).update();
      jdbc.sql("delete from erp_voucher where voucher_no = :no").param("no", "JVX" + shop).update();
    }

    assertThat(vouchers).hasSize(2);
    assertThat(vouchers).filteredOn(v -> !v.balanced()).singleElement().satisfies(v -> {
      assertThat(v.key()).isEqualTo("COMM|" + shop + "|B9");
      assertThat(v.debitFen()).isEqualTo(500);
      assertThat(v.creditFen()).isEqualTo(499);
    });
    assertThat(vouchers).filteredOn(v -> v.key().startsWith("SALE")).singleElement()
        .satisfies(v -> assertThat(v.debitFen()).isEqualTo(11300).isEqualTo(v.creditFen()));
    assertThat(erp.operations().ledgerVouchers("NO" + shop)).as("another shop's").isEmpty();
  }

  @Test
  void aReceivableNamesTheSalesOrderOfItsTrade() {
    com.tmallbridge.erp.ErpTestData data = new com.tmallbridge.erp.ErpTestData();
    com.tmallbridge.core.MaterialCode material = data.materialCode();
    erp.upsertMaterial(data.material(material, 5_000));
    com.tmallbridge.core.SalesOrder order = data.order(shop, data.orderNo(), 0,
        List.of(com.tmallbridge.erp.ErpTestData.line(1, material, 2, 5_000)));
    ErpDocNo so = erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));
    String tid = order.orderNo().value();

    erp.postVoucher(new Voucher("SALE|" + shop + "|" + tid, shop, DAY, "x",
        List.of(VoucherEntry.debit("1122", 10_000, tid), VoucherEntry.credit("6001", 10_000, tid))));

    assertThat(erp.operations().receivables(shop)).containsExactly(new Receivable(tid, so, 10_000, 0));
  }

  @Test
  void anUnknownAccountIsRefusedAndWritesNothing() {
    Voucher voucher = new Voucher("SALE|" + shop + "|T2", shop, DAY, "x",
        List.of(VoucherEntry.debit("1122", 100, "T2"), VoucherEntry.credit("7777", 100, "T2")));

    assertThatThrownBy(() -> erp.postVoucher(voucher)).isInstanceOfSatisfying(ConnectorException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("[7777]");
    });
    assertThat(erp.findVoucher(voucher.key())).isEmpty();
    assertThat(erp.operations().receivables(shop)).isEmpty();
  }

  @Test
  void aRepeatedKeyWritesNoSecondSetOfEntries() {
    Voucher voucher = new Voucher("SALE|" + shop + "|T3", shop, DAY, "x",
        List.of(VoucherEntry.debit("1122", 500, "T3"), VoucherEntry.credit("6001", 500, "T3")));

    ErpDocNo first = erp.postVoucher(voucher);
    ErpDocNo second = erp.postVoucher(voucher);

    assertThat(second).isEqualTo(first);
    assertThat(erp.operations().receivables(shop)).containsExactly(new Receivable("T3", null, 500, 0));
    Long entries = DATABASE.get().jdbc().sql("select count(*) from erp_voucher_entry where voucher_no = :n").param("n", first.value())
        .query(Long.class).single();
    assertThat(entries).isEqualTo(2);
  }
}
