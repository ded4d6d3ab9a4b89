package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.embedded.operations.LedgerVoucher;
import com.tmallbridge.finance.Difference;
import com.tmallbridge.finance.DifferenceCategory;
import com.tmallbridge.sandbox.tmall.SandboxBill;
import com.tmallbridge.sandbox.tmall.SandboxMoneyFault;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The demo's money checks, without reading the bridge's tables: the sandbox's bills, trades and
 * refunds (Tmall's ground truth) and the ERP's sales orders and general ledger on one side, the
 * bridge's reconciliation result (its output under test, read through its façade) on the other.
 *
 * <ul>
 *   <li>{@code unbalancedVouchers}: vouchers in the ERP's ledger whose debits differ from their credits;
 *   <li>{@code missedInjectedFaults}: money faults injected into the sandbox that the reconciliation
 *       did not report with their category and trade (a fee out of rate as a {@code COMMISSION}
 *       {@code FEE_OUT_OF_RATE}, an unknown trade's settlement as {@code SETTLED_UNKNOWN_TRADE});
 *   <li>{@code unexplainedDifferences}: differences reported that this class's own model of each
 *       category's rule (docs/money.md, "Reconciliation") does not expect, plus differences the
 *       model expects that were not reported. The bills are read twice, before and after the
 *       import, since Alipay settles lines meanwhile: a reported difference is explained when either
 *       reading expects it, an expected one is missing only when both readings expect it;
 *   <li>{@code completeness.gaps}: trades paid in the checked days (not closed) without a sales
 *       order in the ERP, after the completeness check.
 * </ul>
 *
 * The model takes the sandbox's trades for the trades the bridge read (the order checks prove it
 * read them all) and the default fee rates (5.0 %, 0.5 %, 1.0 %, ± 0.1 points, one fen of rounding).
 * A succeeded refund counts as reflected in the ERP when the ERP shows its effect as {@link
 * AfterSaleCheck} defines it (a refund only after shipping needs nothing in the ERP).
 */
final class FinanceCheck {
  static final ZoneId TMALL_DAY = ZoneId.of("Asia/Shanghai");
  private static final int SAMPLES = 10;
  private static final long MILLION = 1_000_000;
  private static final long TOLERANCE = 1_000; // 0.1 percentage points in millionths
  private static final Duration UNSETTLED_AFTER = Duration.ofDays(15);
  /** Fee name (as the difference's detail starts), Tmall account type and rate in millionths. */
  private static final List<Fee> FEES = List.of(new Fee("COMMISSION", 3, 50_000), new Fee("POINTS", 5, 5_000),
      new Fee("SERVICE_FEE", 4, 10_000));

  private record Fee(String name, int accountType, long ratePerMillion) {}

  /**
   * Problem counts, figures and a few examples.
   *
   * @param vouchers vouchers in the ERP's ledger for the shop
   * @param injectedFaults money faults injected into the sandbox
   * @param caughtFaults of those, the ones reported with their category and trade
   * @param expected differences the model expects (the reading after the import), by category
   */
  record Result(long vouchers, long unbalancedVouchers, long injectedFaults, long caughtFaults, long missedInjectedFaults,
      long unexplainedDifferences, Map<String, Long> expected, List<String> samples) {}

  /** Tmall's side as the sandbox holds it. */
  record Tmall(List<SandboxTrade> trades, List<SandboxRefund> refunds, List<SandboxBill> billsBefore, List<SandboxBill> billsAfter,
      List<SandboxMoneyFault> faults) {}

  private final List<String> samples = new ArrayList<>();

  /**
   * @param days the reconciled Tmall days
   * @param tmall the sandbox's trades, refunds, bills (before and after the import) and injected faults
   * @param erpOrders the ERP's sales orders of the shop by channel order number
   * @param reflected whether the ERP shows a succeeded refund's effect
   * @param ledger the ERP's vouchers of the shop
   * @param reported every difference the reconciliation reported for {@code days}
   * @param now when the reconciliation ran
   */
  Result compare(Collection<LocalDate> days, Tmall tmall, Map<String, ErpSalesOrderSummary> erpOrders, Predicate<SandboxRefund> reflected,
      List<LedgerVoucher> ledger, List<Difference> reported, Instant now) {
    long unbalanced = 0;
    for (LedgerVoucher v : ledger) {
      if (!v.balanced()) {
        unbalanced++;
        sample("voucher " + v.voucherNo() + " (" + v.key() + ") debits " + v.debitFen() + " fen but credits " + v.creditFen());
      }
    }
    Map<String, Long> got = new TreeMap<>();
    reported.forEach(d -> got.merge(key(d.category(), d.tid(), d.category() == DifferenceCategory.FEE_OUT_OF_RATE
        ? d.detail().split(" ", 2)[0] : ""), 1L, Long::sum));
    long missed = 0;
    for (SandboxMoneyFault f : tmall.faults()) {
      String k = f.kind() == SandboxMoneyFault.Kind.FEE_OUT_OF_RATE
          ? key(DifferenceCategory.FEE_OUT_OF_RATE, Long.toString(f.tid()), "COMMISSION")
          : key(DifferenceCategory.SETTLED_UNKNOWN_TRADE, Long.toString(f.tid()), "");
      if (!got.containsKey(k)) {
        missed++;
        sample("injected " + f.kind() + " on trade " + f.tid() + " was not reported as " + k);
      }
    }
    Map<String, Long> before = expected(days, tmall.trades(), tmall.refunds(), tmall.billsBefore(), erpOrders, reflected, now);
    Map<String, Long> after = expected(days, tmall.trades(), tmall.refunds(), tmall.billsAfter(), erpOrders, reflected, now);
    long unexplained = 0;
    Set<String> keys = new HashSet<>(got.keySet());
    keys.addAll(before.keySet());
    keys.addAll(after.keySet());
    for (String k : new java.util.TreeSet<>(keys)) {
      long n = got.getOrDefault(k, 0L);
      long most = Math.max(before.getOrDefault(k, 0L), after.getOrDefault(k, 0L));
      long least = Math.min(before.getOrDefault(k, 0L), after.getOrDefault(k, 0L));
      if (n > most) {
        unexplained += n - most;
        sample("reconciliation reported " + k + " which the sandbox's bills and the ERP's orders do not explain");
      } else if (n < least) {
        unexplained += least - n;
        sample("the sandbox's bills and the ERP's orders show " + k + " but the reconciliation did not report it");
      }
    }
    Map<String, Long> byCategory = new TreeMap<>();
    after.forEach((k, n) -> byCategory.merge(k.split("\\|", 2)[0], n, Long::sum));
    return new Result(ledger.size(), unbalanced, tmall.faults().size(), tmall.faults().size() - missed, missed, unexplained, byCategory,
        List.copyOf(samples));
  }

  /**
   * Trades paid in {@code days} (Tmall's ground truth), not closed, that have no sales order in the
   * ERP; a few are added to {@code samples}.
   */
  static long gaps(Collection<LocalDate> days, List<SandboxTrade> trades, Map<String, ErpSalesOrderSummary> erpOrders, List<String> samples) {
    long gaps = 0;
    for (SandboxTrade t : trades) {
      if (paidIn(t, days) && !t.status().startsWith("TRADE_CLOSED") && !erpOrders.containsKey(Long.toString(t.tid()))) {
        gaps++;
        if (samples.size() < SAMPLES) {
          samples.add("trade " + t.tid() + " paid " + t.payTime() + " (" + t.status() + ") has no ERP order after the completeness check");
        }
      }
    }
    return gaps;
  }

  /** The Tmall days (GMT+8) a run's trades and bills touch: pay days of paid trades, business days of bills. */
  static Set<LocalDate> daysOf(List<SandboxTrade> trades, List<SandboxBill> bills) {
    Set<LocalDate> days = new java.util.TreeSet<>();
    trades.stream().filter(t -> t.everPaid() && t.payTime() != null).forEach(t -> days.add(day(t.payTime())));
    bills.forEach(b -> days.add(day(b.bizTime())));
    return days;
  }

  /** The differences each category's rule expects, as {@code category|tid|fee} → count. */
  static Map<String, Long> expected(Collection<LocalDate> days, List<SandboxTrade> trades, List<SandboxRefund> refunds,
      List<SandboxBill> bills, Map<String, ErpSalesOrderSummary> erpOrders, Predicate<SandboxRefund> reflected, Instant now) {
    Map<Long, List<SandboxBill>> billsByTid = new HashMap<>();
    bills.stream().filter(b -> b.tid() != null).forEach(b -> billsByTid.computeIfAbsent(b.tid(), k -> new ArrayList<>()).add(b));
    Map<Long, List<SandboxRefund>> succeeded = new HashMap<>();
    refunds.stream().filter(r -> "SUCCESS".equals(r.status())).forEach(r -> succeeded.computeIfAbsent(r.tid(), k -> new ArrayList<>()).add(r));
    Map<String, Long> expected = new TreeMap<>();
    Set<Long> known = new HashSet<>();
    for (SandboxTrade t : trades) {
      known.add(t.tid());
      if (!paidIn(t, days)) {
        continue;
      }
      String tid = Long.toString(t.tid());
      boolean closed = t.status().startsWith("TRADE_CLOSED");
      List<SandboxRefund> done = succeeded.getOrDefault(t.tid(), List.of());
      long refunded = done.stream().mapToLong(SandboxRefund::refundFeeFen).sum();
      boolean unreflected = done.stream().anyMatch(reflected.negate());
      Money m = Money.of(billsByTid.getOrDefault(t.tid(), List.of()));
      ErpSalesOrderSummary erp = erpOrders.get(tid);
      boolean cancelled = erp != null && erp.status() == ErpOrderStatus.CANCELLED;
      if (erp == null && !closed) {
        add(expected, DifferenceCategory.MISSING_IN_ERP, tid, "");
      }
      if (erp != null && ((!cancelled && erp.totalFen() != t.paymentFen()) || (cancelled && !closed && refunded < t.paymentFen()))) {
        add(expected, DifferenceCategory.AMOUNT_MISMATCH, tid, "");
      }
      if (unreflected && erp != null && !cancelled && erp.totalFen() > t.paymentFen() - refunded) {
        add(expected, DifferenceCategory.REFUND_NOT_REFLECTED, tid, "");
      }
      if ("TRADE_FINISHED".equals(t.status()) && t.modified().isBefore(now.minus(UNSETTLED_AFTER)) && m.paidIncomeLines == 0
          && t.paymentFen() - refunded > 0) {
        add(expected, DifferenceCategory.UNSETTLED_PAST_DAYS, tid, "");
      }
      for (Fee fee : FEES) {
        long charged = m.fees.getOrDefault(fee.accountType(), 0L);
        boolean due = m.feeLines.getOrDefault(fee.accountType(), 0) > 0 || m.paidIncomeLines > 0;
        if (m.income > 0 && due && Math.abs(charged * MILLION - m.income * fee.ratePerMillion()) > m.income * TOLERANCE + MILLION) {
          add(expected, DifferenceCategory.FEE_OUT_OF_RATE, tid, fee.name());
        }
      }
      if (m.paidIncomeLines > 0 && m.income + m.postFee + m.refund != t.paymentFen() - refunded) {
        add(expected, DifferenceCategory.SETTLEMENT_MISMATCH, tid, "");
      }
    }
    Set<String> unknown = new HashSet<>();
    for (SandboxBill b : bills) {
      if (b.tid() != null && !known.contains(b.tid()) && days.contains(day(b.bizTime())) && unknown.add(day(b.bizTime()) + "|" + b.tid())) {
        add(expected, DifferenceCategory.SETTLED_UNKNOWN_TRADE, Long.toString(b.tid()), "");
      }
    }
    return expected;
  }

  /** A trade's bill lines summed as the bridge's kinds define them (docs/money.md, "What a line is"). */
  private static final class Money {
    long income;
    long postFee;
    long refund;
    int paidIncomeLines;
    final Map<Integer, Long> fees = new HashMap<>(); // positive: what Tmall charged
    final Map<Integer, Integer> feeLines = new HashMap<>();

    static Money of(List<SandboxBill> bills) {
      Money m = new Money();
      for (SandboxBill b : bills) {
        if (b.amountFen() == 0) {
          continue;
        }
        if (b.accountType() == 2) {
          if (b.amountFen() < 0) {
            m.refund += b.amountFen();
          } else if (b.oid() == null) {
            m.postFee += b.amountFen();
          } else {
            m.income += b.amountFen();
            m.paidIncomeLines += b.paid() ? 1 : 0;
          }
        } else if (b.accountType() >= 3 && b.accountType() <= 5) {
          m.fees.merge(b.accountType(), b.amountFen(), Long::sum);
          m.feeLines.merge(b.accountType(), 1, Integer::sum);
        }
      }
      return m;
    }
  }

  private static boolean paidIn(SandboxTrade t, Collection<LocalDate> days) {
    return t.everPaid() && t.payTime() != null && days.contains(day(t.payTime()));
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, TMALL_DAY);
  }

  private static void add(Map<String, Long> expected, DifferenceCategory category, String tid, String fee) {
    expected.merge(key(category, tid, fee), 1L, Long::sum);
  }

  private static String key(DifferenceCategory category, String tid, String fee) {
    return category + "|" + tid + (fee.isEmpty() ? "" : "|" + fee);
  }

  private void sample(String problem) {
    if (samples.size() < SAMPLES) {
      samples.add(problem);
    }
  }
}
