package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.embedded.operations.LedgerVoucher;
import com.tmallbridge.finance.Difference;
import com.tmallbridge.finance.DifferenceCategory;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxBill;
import com.tmallbridge.sandbox.tmall.SandboxMoneyFault;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's money checks find each kind of problem, and nothing on a sound day. */
class FinanceCheckTests {
  private static final Instant T = Instant.parse("2026-11-11T04:00:00Z"); // 12:00 in Shanghai
  private static final LocalDate DAY = LocalDate.parse("2026-11-11");
  private static final long A = 100; // finished, settled, commission 12% (the injected fault)
  private static final long B = 200; // finished, settled, sound
  private static final long C = 300; // paid, waiting for the buyer
  private static final long UNKNOWN = 9_100_000_000_000_001L;
  private long bid;

  private static SandboxTrade trade(long tid, String status, long paymentFen) {
    return new SandboxTrade(tid, status, "fixed", T, T, T, T, T, true, paymentFen, 1000, 0, List.of());
  }

  private SandboxBill bill(long tid, int type, Long oid, long amount, boolean paid) {
    return new SandboxBill(++bid, type, type, tid, oid, amount, paid, T, paid ? T : null);
  }

  /** Income 100.00 + post fee 10.00 with its fees at the standard rates (commission 5%, points 0.5%, service fee 1%). */
  private List<SandboxBill> settled(long tid, long commission) {
    return List.of(bill(tid, 2, tid + 1, 10_000, true), bill(tid, 2, null, 1_000, true), bill(tid, 3, tid + 1, commission, true),
        bill(tid, 5, tid + 1, 50, true), bill(tid, 4, tid + 1, 100, true));
  }

  private static ErpSalesOrderSummary order(long tid, long total, ErpOrderStatus status) {
    return new ErpSalesOrderSummary(new ErpDocNo("SO" + tid), "TM01", new ChannelOrderNo(Long.toString(tid)), total, 1, status);
  }

  private static Difference reported(long tid, DifferenceCategory category, String detail) {
    return new Difference(1, new ShopId(1), DAY, Long.toString(tid), category, null, null, null, detail);
  }

  private final List<SandboxTrade> trades = new ArrayList<>(List.of(trade(A, "TRADE_FINISHED", 11_000), trade(B, "TRADE_FINISHED", 11_000),
      trade(C, "WAIT_BUYER_CONFIRM_GOODS", 11_000)));
  private final List<SandboxBill> bills = new ArrayList<>();
  private final Map<String, ErpSalesOrderSummary> erp = new HashMap<>(Map.of("100", order(A, 11_000, ErpOrderStatus.DELIVERED),
      "200", order(B, 11_000, ErpOrderStatus.DELIVERED), "300", order(C, 11_000, ErpOrderStatus.DELIVERED)));
  private final List<LedgerVoucher> ledger = new ArrayList<>(List.of(new LedgerVoucher("JV1", "SALE|TM01|100", DAY, 11_000, 11_000)));
  private final List<SandboxMoneyFault> faults = new ArrayList<>();
  private final List<Difference> differences = new ArrayList<>();
  private final List<SandboxRefund> refunds = new ArrayList<>();

  {
    bills.addAll(settled(A, 1_200));
    bills.addAll(settled(B, 500));
    bills.add(bill(UNKNOWN, 2, UNKNOWN + 1, 3_000, true));
    faults.add(new SandboxMoneyFault(SandboxMoneyFault.Kind.FEE_OUT_OF_RATE, A, 700, List.of(3L), T));
    faults.add(new SandboxMoneyFault(SandboxMoneyFault.Kind.UNKNOWN_TRADE_SETTLEMENT, UNKNOWN, 3_000, List.of(11L), T));
    differences.add(reported(A, DifferenceCategory.FEE_OUT_OF_RATE, "COMMISSION outside 5% ± 0.1% of income"));
    differences.add(reported(UNKNOWN, DifferenceCategory.SETTLED_UNKNOWN_TRADE, "settlement lines for a trade never read from Tmall"));
  }

  private FinanceCheck.Result check() {
    return check(bills);
  }

  private FinanceCheck.Result check(List<SandboxBill> billsAfter) {
    return new FinanceCheck().compare(List.of(DAY), new FinanceCheck.Tmall(trades, refunds, bills, billsAfter, faults), erp, r -> false,
        ledger, differences, T);
  }

  private static Map<String, Long> problems(FinanceCheck.Result r) {
    Map<String, Long> all = new java.util.LinkedHashMap<>();
    all.put("unbalancedVouchers", r.unbalancedVouchers());
    all.put("missedInjectedFaults", r.missedInjectedFaults());
    all.put("unexplainedDifferences", r.unexplainedDifferences());
    all.values().removeIf(v -> v == 0);
    return all;
  }

  @Test
  void aDayWhoseDifferencesAreTheInjectedFaultsPasses() {
    FinanceCheck.Result r = check();

    assertThat(problems(r)).as("%s", r.samples()).isEmpty();
    assertThat(r.injectedFaults()).isEqualTo(2);
    assertThat(r.caughtFaults()).isEqualTo(2);
    assertThat(r.vouchers()).isEqualTo(1);
    assertThat(r.expected()).containsOnly(Map.entry("FEE_OUT_OF_RATE", 1L), Map.entry("SETTLED_UNKNOWN_TRADE", 1L));
  }

  @Test
  void anUnbalancedVoucherInTheLedgerIsCounted() {
    ledger.add(new LedgerVoucher("JV2", "COMM|TM01|7", DAY, 500, 499));

    FinanceCheck.Result r = check();

    assertThat(problems(r)).containsOnly(Map.entry("unbalancedVouchers", 1L));
    assertThat(r.samples()).anyMatch(s -> s.contains("JV2"));
  }

  @Test
  void aFaultTheReconciliationDidNotReportIsMissedAndUnexplained() {
    differences.remove(1);

    FinanceCheck.Result r = check();

    assertThat(problems(r)).containsOnly(Map.entry("missedInjectedFaults", 1L), Map.entry("unexplainedDifferences", 1L));
    assertThat(r.caughtFaults()).isEqualTo(1);
  }

  @Test
  void aFaultReportedUnderAnotherFeeIsMissed() {
    differences.set(0, reported(A, DifferenceCategory.FEE_OUT_OF_RATE, "POINTS outside 0.5% ± 0.1% of income"));

    assertThat(problems(check())).containsOnly(Map.entry("missedInjectedFaults", 1L), Map.entry("unexplainedDifferences", 2L));
  }

  @Test
  void aDifferenceTheSandboxAndTheErpDoNotShowIsUnexplained() {
    differences.add(reported(B, DifferenceCategory.SETTLEMENT_MISMATCH, "income + post fee + refunds against paid − refunded"));

    FinanceCheck.Result r = check();

    assertThat(problems(r)).containsOnly(Map.entry("unexplainedDifferences", 1L));
    assertThat(r.samples()).anyMatch(s -> s.contains("SETTLEMENT_MISMATCH|200"));
  }

  @Test
  void eachCategoryTheModelExpectsMustBeReported() {
    erp.remove("300"); // MISSING_IN_ERP
    erp.put("200", order(B, 10_900, ErpOrderStatus.DELIVERED)); // AMOUNT_MISMATCH
    bills.add(bill(B, 2, null, 500, true)); // SETTLEMENT_MISMATCH: 115.00 settled against 110.00 paid
    // REFUND_NOT_REFLECTED: 0.01 refunded, the ERP shows nothing (the predicate); the refund line keeps A's settlement equal
    refunds.add(new SandboxRefund(1, A, A + 1, RefundKind.REFUND_ONLY, "SUCCESS", "aftersale", 10_000, 1, "BUYER_RECEIVED", null, null, T,
        T, null));
    bills.add(bill(A, 2, null, -1, true)); // keeps A's settlement equal to paid − refunded

    FinanceCheck.Result r = check();

    assertThat(r.expected()).containsOnly(Map.entry("MISSING_IN_ERP", 1L), Map.entry("AMOUNT_MISMATCH", 1L),
        Map.entry("SETTLEMENT_MISMATCH", 1L), Map.entry("REFUND_NOT_REFLECTED", 1L), Map.entry("FEE_OUT_OF_RATE", 1L),
        Map.entry("SETTLED_UNKNOWN_TRADE", 1L));
    assertThat(problems(r)).containsOnly(Map.entry("unexplainedDifferences", 4L));
    differences.add(reported(C, DifferenceCategory.MISSING_IN_ERP, "Tmall WAIT_BUYER_CONFIRM_GOODS"));
    differences.add(reported(B, DifferenceCategory.AMOUNT_MISMATCH, ""));
    differences.add(reported(B, DifferenceCategory.SETTLEMENT_MISMATCH, ""));
    differences.add(reported(A, DifferenceCategory.REFUND_NOT_REFLECTED, ""));
    assertThat(problems(check())).isEmpty();
  }

  @Test
  void aLineAlipaySettledDuringTheImportExplainsADifferenceEitherWay() {
    long d = 400;
    trades.add(trade(d, "TRADE_FINISHED", 1_000));
    erp.put("400", order(d, 1_000, ErpOrderStatus.DELIVERED));
    List<SandboxBill> later = new ArrayList<>(bills);
    SandboxBill unpaid = bill(d, 2, d + 1, 700, false); // unpaid when the import began: nothing to compare yet ...
    bills.add(unpaid);
    later.add(new SandboxBill(unpaid.bid(), 2, 2, d, d + 1, 700, true, T, T)); // ... paid before it ended: 7.00 against 10.00, no fees

    assertThat(problems(check(later))).as("not reported: the bridge read it unpaid; %s", check(later).samples()).isEmpty();
    differences.add(reported(d, DifferenceCategory.SETTLEMENT_MISMATCH, ""));
    assertThat(problems(check(later))).as("reported: the bridge read it paid").isEmpty();
    assertThat(problems(check(bills))).as("no reading had it paid").containsOnly(Map.entry("unexplainedDifferences", 1L));
  }

  @Test
  void aPaidTradeWithoutErpOrderIsAGap() {
    List<String> samples = new ArrayList<>();
    assertThat(FinanceCheck.gaps(List.of(DAY), trades, erp, samples)).isZero();

    erp.remove("200");
    trades.add(trade(400, "TRADE_CLOSED", 11_000)); // closed: no order due

    assertThat(FinanceCheck.gaps(List.of(DAY), trades, erp, samples)).isEqualTo(1);
    assertThat(samples).singleElement().asString().contains("trade 200");
    assertThat(FinanceCheck.gaps(List.of(DAY.plusDays(1)), trades, erp, samples)).as("paid on another day").isZero();
  }
}
