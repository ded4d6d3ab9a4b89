package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded posting scheme on worked examples, as docs/money.md shows them. */
class VoucherPlannerTests {
  private final VoucherPlanner planner = new VoucherPlanner("TM01", TestSchemes.seeded());

  @Test
  void aSaleDebitsTheReceivableAndSplitsGoodsAndFreightIntoRevenueAndOutputVat() {
    Voucher v = planner.sale(new SaleEvent("4001", LocalDate.parse("2026-12-05"), 11_300, 1_000, "SO20261205000001")).orElseThrow();

    assertThat(v.key()).isEqualTo("SALE|TM01|4001");
    assertThat(v.explanation()).isEqualTo("天猫订单 4001 销售收入");
    // goods 103.00: tax round(10300 × 0.13 / 1.13) = 1185, net 9115; freight 10.00: tax 115, net 885
    assertThat(v.entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen, VoucherEntry::tid)
        .containsExactly(tuple("1122", 11_300L, 0L, "4001"), tuple("6001", 0L, 9_115L, "4001"), tuple("2221", 0L, 1_300L, "4001"),
            tuple("6051", 0L, 885L, "4001"));
  }

  @Test
  void vatIsSplitExactlyInFenWithTheRemainderOnRevenue() {
    BigDecimal rate = new BigDecimal("0.13");
    assertThat(VatSplit.of(100, rate)).isEqualTo(new VatSplit(88, 12));
    assertThat(VatSplit.of(1, rate)).isEqualTo(new VatSplit(1, 0));
    assertThat(VatSplit.of(113, rate)).isEqualTo(new VatSplit(100, 13));
    assertThat(VatSplit.of(0, rate)).isEqualTo(new VatSplit(0, 0));
    assertThat(VatSplit.of(999_999_999_999L, new BigDecimal("0.0600"))).satisfies(s -> assertThat(s.netFen() + s.taxFen()).isEqualTo(999_999_999_999L));
  }

  @Test
  void settledLinesPostAsReceiptFeesAndRefundsDatedWhenAlipayMovedTheMoney() {
    Instant paid = Instant.parse("2026-12-08T17:30:00Z"); // 2026-12-09 01:30 in Shanghai
    List<Voucher> vouchers = planner.plan(List.of(), List.of(
        line("B1", SettlementKind.INCOME, 10_300, paid), line("B2", SettlementKind.POST_FEE, 1_000, paid),
        line("B3", SettlementKind.COMMISSION, -515, paid), line("B4", SettlementKind.POINTS, -50, paid),
        line("B5", SettlementKind.SERVICE_FEE, -206, paid), line("B6", SettlementKind.REFUND, -2_260, paid)));

    assertThat(vouchers).extracting(Voucher::key).containsExactly("RCPT|TM01|B1", "RCPT|TM01|B2", "COMM|TM01|B3", "PNTS|TM01|B4",
        "SFEE|TM01|B5", "RFND|TM01|B6");
    assertThat(vouchers).allMatch(v -> v.date().equals(LocalDate.parse("2026-12-09")));
    assertThat(vouchers.get(0).entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen)
        .containsExactly(tuple("1012", 10_300L, 0L), tuple("1122", 0L, 10_300L));
    assertThat(vouchers.get(2).entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen)
        .containsExactly(tuple("660101", 515L, 0L), tuple("1012", 0L, 515L));
    assertThat(vouchers.get(2).explanation()).isEqualTo("天猫订单 4001 平台佣金");
    // a refund of 22.60 reverses revenue 20.00 and output VAT 2.60
    assertThat(vouchers.get(5).entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen)
        .containsExactly(tuple("6001", 2_000L, 0L), tuple("1012", 0L, 2_260L), tuple("2221", 260L, 0L));
  }

  @Test
  void aReversedLineSwapsTheSidesAndNothingIsPlannedForUnsettledZeroOrOtherLines() {
    Instant paid = Instant.parse("2026-12-08T02:00:00Z");
    Voucher reversal = planner.settlement(line("B7", SettlementKind.COMMISSION, 515, paid)).orElseThrow();

    assertThat(reversal.entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen)
        .containsExactly(tuple("660101", 0L, 515L), tuple("1012", 515L, 0L));
    assertThat(planner.settlement(line("B8", SettlementKind.OTHER, 100, paid))).isEmpty();
    assertThat(planner.settlement(line("B9", SettlementKind.INCOME, 0, paid))).isEmpty();
    assertThat(planner.settlement(new SettlementEntry(new ShopId(1), "B10", 1, SettlementKind.INCOME, "4001", null, 100, false,
        paid, null))).isEmpty();
    assertThat(planner.sale(new SaleEvent("4002", LocalDate.parse("2026-12-05"), 0, 0, null))).isEmpty();
  }

  @Test
  void aDaysEventsOfOneKindMakeOneSummaryVoucherPerKindWithEntriesKeptPerTrade() {
    Instant noon = Instant.parse("2026-12-05T04:00:00Z"); // 12:00 in Shanghai
    List<SaleEvent> sales = List.of(new SaleEvent("4001", LocalDate.parse("2026-12-05"), 11_300, 1_000, "SO1"),
        new SaleEvent("4002", LocalDate.parse("2026-12-05"), 5_000, 0, "SO2"),
        new SaleEvent("4003", LocalDate.parse("2026-12-06"), 2_000, 0, "SO3"));
    List<SettlementEntry> lines = List.of(line("B1", SettlementKind.INCOME, 10_300, noon), line("B2", SettlementKind.POST_FEE, 1_000, noon),
        line("B3", SettlementKind.COMMISSION, -515, noon));

    List<VoucherPlanner.Planned> planned = planner.plan(VoucherGranularity.DAY, sales, lines, VoucherPlanner.Coverage.NONE);

    assertThat(planned).extracting(p -> p.voucher().key())
        .containsExactly("SALE|TM01|2026-12-05|1", "SALE|TM01|2026-12-06|1", "RCPT|TM01|2026-12-05|1", "COMM|TM01|2026-12-05|1");
    VoucherPlanner.Planned sale = planned.get(0);
    assertThat(sale.events()).containsExactly("SALE|TM01|4001", "SALE|TM01|4002");
    assertThat(sale.voucher().explanation()).isEqualTo("天猫 2026-12-05 销售收入汇总（2 笔）");
    assertThat(sale.voucher().totalFen()).isEqualTo(16_300);
    assertThat(sale.voucher().entries()).extracting(VoucherEntry::account, VoucherEntry::tid)
        .contains(tuple("1122", "4001"), tuple("1122", "4002"), tuple("6051", "4001"));
    VoucherPlanner.Planned receipt = planned.get(2);
    assertThat(receipt.voucher().explanation()).isEqualTo("天猫 2026-12-05 支付宝收款汇总（2 笔）");
    // both lines of trade 4001 merge per account, side and trade
    assertThat(receipt.voucher().entries()).extracting(VoucherEntry::account, VoucherEntry::debitFen, VoucherEntry::creditFen,
        VoucherEntry::tid).containsExactly(tuple("1012", 11_300L, 0L, "4001"), tuple("1122", 0L, 11_300L, "4001"));
    assertThat(planned).allMatch(VoucherPlanner.Planned::fresh);
  }

  @Test
  void lateEventsGoIntoTheNextBatchAndRecordedOnesStayInTheirVoucherWhateverTheGranularity() {
    Instant noon = Instant.parse("2026-12-05T04:00:00Z");
    List<SettlementEntry> lines = List.of(line("B1", SettlementKind.INCOME, 100, noon), line("B2", SettlementKind.INCOME, 200, noon),
        line("B3", SettlementKind.INCOME, 300, noon), line("B4", SettlementKind.INCOME, 400, noon));
    // B1 was posted per line (LINE before the switch), B2 is in batch 1 (failed), B3 and B4 are new
    var coverage = new VoucherPlanner.Coverage(java.util.Map.of("RCPT|TM01|B1", "RCPT|TM01|B1", "RCPT|TM01|B2", "RCPT|TM01|2026-12-05|1"),
        java.util.Map.of("RCPT|2026-12-05", 1));

    List<VoucherPlanner.Planned> day = planner.plan(VoucherGranularity.DAY, List.of(), lines, coverage);
    assertThat(day).extracting(p -> p.voucher().key(), VoucherPlanner.Planned::events, VoucherPlanner.Planned::fresh).containsExactly(
        tuple("RCPT|TM01|B1", List.of("RCPT|TM01|B1"), false),
        tuple("RCPT|TM01|2026-12-05|1", List.of("RCPT|TM01|B2"), false),
        tuple("RCPT|TM01|2026-12-05|2", List.of("RCPT|TM01|B3", "RCPT|TM01|B4"), true));
    assertThat(day.get(1).voucher().explanation()).isEqualTo("天猫 2026-12-05 支付宝收款汇总（1 笔）");

    List<VoucherPlanner.Planned> line = planner.plan(VoucherGranularity.LINE, List.of(), lines, coverage);
    assertThat(line).extracting(p -> p.voucher().key()).containsExactly("RCPT|TM01|B1", "RCPT|TM01|2026-12-05|1", "RCPT|TM01|B3",
        "RCPT|TM01|B4");
  }

  @Test
  void aDayAndKindWithMoreEventsThanASummaryVoucherHoldsIsSplitIntoBatches() {
    Instant noon = Instant.parse("2026-12-05T04:00:00Z");
    List<SettlementEntry> lines = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      lines.add(line("B" + i, SettlementKind.INCOME, 100L * i, noon));
    }
    lines.add(line("C1", SettlementKind.COMMISSION, -5, noon));
    VoucherPlanner small = new VoucherPlanner("TM01", TestSchemes.seeded(), 2);

    List<VoucherPlanner.Planned> fresh = small.plan(VoucherGranularity.DAY, List.of(), lines, VoucherPlanner.Coverage.NONE);
    assertThat(fresh).extracting(p -> p.voucher().key(), VoucherPlanner.Planned::events).containsExactly(
        tuple("RCPT|TM01|2026-12-05|1", List.of("RCPT|TM01|B1", "RCPT|TM01|B2")),
        tuple("RCPT|TM01|2026-12-05|2", List.of("RCPT|TM01|B3", "RCPT|TM01|B4")),
        tuple("RCPT|TM01|2026-12-05|3", List.of("RCPT|TM01|B5")),
        tuple("COMM|TM01|2026-12-05|1", List.of("COMM|TM01|C1")));
    assertThat(fresh.get(2).voucher().explanation()).isEqualTo("天猫 2026-12-05 支付宝收款汇总（1 笔）");

    // after batch 4 was recorded, new events start at 5
    var coverage = new VoucherPlanner.Coverage(java.util.Map.of(), java.util.Map.of("RCPT|2026-12-05", 4));
    assertThat(small.plan(VoucherGranularity.DAY, List.of(), lines.subList(0, 3), coverage)).extracting(p -> p.voucher().key())
        .containsExactly("RCPT|TM01|2026-12-05|5", "RCPT|TM01|2026-12-05|6");
    assertThatThrownBy(() -> new VoucherPlanner("TM01", TestSchemes.seeded(), 0)).hasMessageContaining("at least 1");
  }

  private static SettlementEntry line(String bid, SettlementKind kind, long fen, Instant paid) {
    return new SettlementEntry(new ShopId(1), bid, 1, kind, "4001", null, fen, true, paid.minusSeconds(86_400), paid);
  }
}
