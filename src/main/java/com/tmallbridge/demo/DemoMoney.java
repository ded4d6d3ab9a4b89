package com.tmallbridge.demo;

import com.tmallbridge.finance.CompletenessManagement;
import com.tmallbridge.finance.CompletenessReport;
import com.tmallbridge.finance.DaySummary;
import com.tmallbridge.finance.Difference;
import com.tmallbridge.finance.FinanceManagement;
import com.tmallbridge.finance.ReconciliationManagement;
import com.tmallbridge.finance.SettlementImportResult;
import com.tmallbridge.finance.VoucherPosting;
import com.tmallbridge.sandbox.tmall.SandboxBill;
import com.tmallbridge.sandbox.tmall.SandboxMoneyFault;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The demo's money phase, once the day's orders, parcels and cases have settled: deliberate money
 * faults in the sandbox's bills, then what the merchant's accountant runs — settlement import,
 * voucher posting, the completeness check and the reconciliation of every Tmall day the run's
 * trades and bills touch. The bridge is driven through its façades only.
 */
@Component
class DemoMoney {
  /** Income a trade needs to carry an injected fee fault: at 10 yuan the 7 extra points are 70 fen, far past the 1-fen rounding allowance. */
  static final long FAULT_MIN_INCOME_FEN = 1_000;
  /** Trades per injected fault of each kind (at least one of each). */
  static final int ORDERS_PER_FAULT = 1_000;
  /** Differences read back per day; far above what a demo day can have. */
  private static final int DIFFERENCE_LIMIT = 1_000_000;

  private final FinanceManagement finance;
  private final VoucherPosting vouchers;
  private final CompletenessManagement completeness;
  private final ReconciliationManagement reconciliation;

  DemoMoney(FinanceManagement finance, VoucherPosting vouchers, CompletenessManagement completeness, ReconciliationManagement reconciliation) {
    this.finance = finance;
    this.vouchers = vouchers;
    this.completeness = completeness;
    this.reconciliation = reconciliation;
  }

  /**
   * What the phase did.
   *
   * @param billsBefore the sandbox's bills just before the import
   * @param billsAfter the sandbox's bills just after it (Alipay may settle lines meanwhile)
   * @param imported the import's summary
   * @param posted the posting's summary
   * @param days the reconciled days, oldest first
   * @param checked the completeness check of each day
   * @param summaries the reconciliation of each day
   * @param reported every difference the reconciliation reported
   */
  record Outcome(List<SandboxBill> billsBefore, List<SandboxBill> billsAfter, SettlementImportResult imported,
      VoucherPosting.PostingReport posted, List<LocalDate> days, List<CompletenessReport> checked, List<DaySummary> summaries,
      List<Difference> reported) {}

  /**
   * Injects, seeded, one fee out of its rate on a finished trade whose income is settled (and that
   * had no refund), and one settlement for a trade the shop does not have — one more of each per
   * {@link #ORDERS_PER_FAULT} trades. A day without such a finished trade gets no fee fault.
   */
  List<SandboxMoneyFault> injectFaults(TmallSandbox sandbox, int orders, long seed) {
    int each = Math.max(1, orders / ORDERS_PER_FAULT);
    Set<Long> refunded = new java.util.HashSet<>();
    sandbox.refunds().forEach(r -> refunded.add(r.tid()));
    java.util.Map<Long, List<SandboxBill>> billsByTid = new java.util.HashMap<>();
    sandbox.bills().stream().filter(b -> b.tid() != null).forEach(b -> billsByTid.computeIfAbsent(b.tid(), k -> new ArrayList<>()).add(b));
    List<Long> candidates = new ArrayList<>(sandbox.trades().stream()
        .filter(t -> "TRADE_FINISHED".equals(t.status()) && !refunded.contains(t.tid()))
        .filter(t -> settledIncome(billsByTid.getOrDefault(t.tid(), List.of())) >= FAULT_MIN_INCOME_FEN)
        .map(SandboxTrade::tid).sorted().toList());
    Random random = new Random(seed ^ 0xFA17_5EEDL);
    List<SandboxMoneyFault> faults = new ArrayList<>();
    for (int i = 0; i < each && !candidates.isEmpty(); i++) {
      faults.add(sandbox.injectFeeOutOfRate(candidates.remove(random.nextInt(candidates.size()))));
    }
    for (int i = 0; i < each; i++) {
      faults.add(sandbox.injectUnknownTradeSettlement());
    }
    return faults;
  }

  /** Income of a trade's lines when every income line is paid; -1 when one is not. */
  private static long settledIncome(List<SandboxBill> bills) {
    long income = 0;
    for (SandboxBill b : bills) {
      if (b.accountType() == 2 && b.oid() != null && b.amountFen() > 0) {
        if (!b.paid()) {
          return -1;
        }
        income += b.amountFen();
      }
    }
    return income;
  }

  /** Settlement lines the bridge holds for the shop (a figure for the report, not a check). */
  long settlementLines(Shop shop) {
    return finance.lineCount(shop.id());
  }

  /**
   * Imports the shop's settlements, posts every voucher due, then checks completeness of and
   * reconciles every Tmall day the sandbox's paid trades and bills touch (up to today).
   */
  Outcome run(TmallSandbox sandbox, Shop shop) {
    List<SandboxBill> before = sandbox.bills();
    SettlementImportResult imported = finance.importSettlements(shop.id());
    List<SandboxBill> after = sandbox.bills();
    VoucherPosting.PostingReport posted = vouchers.post(shop.id(), null);
    LocalDate today = reconciliation.today();
    TreeSet<LocalDate> touched = new TreeSet<>(FinanceCheck.daysOf(sandbox.trades(), after));
    touched.removeIf(d -> d.isAfter(today));
    List<LocalDate> days = List.copyOf(touched);
    List<CompletenessReport> checked = new ArrayList<>();
    List<DaySummary> summaries = new ArrayList<>();
    List<Difference> reported = new ArrayList<>();
    if (!days.isEmpty()) {
      days.forEach(d -> checked.add(completeness.check(shop.id(), d)));
      summaries.addAll(reconciliation.run(shop.id(), days.get(0), days.get(days.size() - 1)));
      summaries.sort(Comparator.comparing(DaySummary::day));
      days.forEach(d -> reported.addAll(reconciliation.differences(shop.id(), d, null, DIFFERENCE_LIMIT)));
    }
    return new Outcome(before, after, imported, posted, days, checked, summaries, reported);
  }
}
