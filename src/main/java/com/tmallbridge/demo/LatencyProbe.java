package com.tmallbridge.demo;

import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Payment-to-ERP latency measured from outside the bridge: for every trade the sandbox says was
 * paid (the millisecond moment the sandbox stored the payment, {@link TmallSandbox#paidAt}; its
 * second-precision {@code pay_time} only for a trade without one), the time until the built-in ERP
 * created the sales order
 * ({@code erp_sales_order.created_at}, via {@link ErpDesk#salesOrdersCreatedAt}).
 * Neither figure comes from the bridge's own tables. Both sides must run on the same clock (the
 * demo and the benchmarks start the sandbox on the bridge's clock).
 */
@Component
public class LatencyProbe {
  private final ErpDesk erp;

  LatencyProbe(ErpDesk erp) {
    this.erp = erp;
  }

  /** Latency of the trades of {@code sandbox}'s default shop paid at or after {@code paidFrom}. */
  public Latency measure(TmallSandbox sandbox, Shop shop, Instant paidFrom) {
    return of(sandbox.trades(), erp.salesOrdersCreatedAt(shop.code()), paidFrom, tid -> sandbox.paidAt(tid).orElse(null));
  }

  /**
   * The same trades measured from TOP's second-precision {@code pay_time} instead of the payment
   * moment, as this probe did before 2026-12-04: the difference is the time base, not the bridge.
   */
  public Latency measureFromPaySecond(TmallSandbox sandbox, Shop shop, Instant paidFrom) {
    return of(sandbox.trades(), erp.salesOrdersCreatedAt(shop.code()), paidFrom);
  }

  /**
   * Latency of {@code trades} paid at or after {@code paidFrom}, given when each ERP order was
   * created, measured from each trade's second-precision pay time.
   *
   * @param erpCreatedAt ERP creation time by tid
   */
  static Latency of(Collection<SandboxTrade> trades, Map<String, Instant> erpCreatedAt, Instant paidFrom) {
    return of(trades, erpCreatedAt, paidFrom, tid -> null);
  }

  /**
   * Latency of {@code trades} paid at or after {@code paidFrom}, given when each ERP order was created.
   *
   * @param erpCreatedAt ERP creation time by tid
   * @param paidAt the exact moment of payment by tid, or null to use the trade's pay time
   */
  static Latency of(Collection<SandboxTrade> trades, Map<String, Instant> erpCreatedAt, Instant paidFrom,
      LongFunction<@Nullable Instant> paidAt) {
    List<Long> millis = new ArrayList<>();
    int paid = 0;
    for (SandboxTrade t : trades) {
      if (!t.everPaid() || t.payTime() == null) {
        continue;
      }
      Instant exact = paidAt.apply(t.tid());
      Instant payment = exact == null ? t.payTime() : exact;
      if (payment.isBefore(paidFrom)) {
        continue;
      }
      paid++;
      Instant created = erpCreatedAt.get(Long.toString(t.tid()));
      if (created != null) {
        millis.add(Math.max(0, Duration.between(payment, created).toMillis()));
      }
    }
    return Latency.of(paid, millis);
  }

  /**
   * Latency figures (nearest-rank percentiles; 0 when nothing arrived).
   *
   * @param paid trades paid in the measured period
   * @param arrived of those, trades whose ERP order exists
   * @param p50Ms median payment-to-ERP time in milliseconds
   * @param p99Ms 99th percentile
   * @param maxMs slowest
   */
  public record Latency(int paid, int arrived, long p50Ms, long p99Ms, long maxMs) {

    /** Figures of the given per-trade latencies. */
    public static Latency of(int paid, List<Long> millis) {
      List<Long> sorted = millis.stream().sorted().toList();
      return new Latency(paid, sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    /** Whether every paid trade reached the ERP. */
    public boolean complete() {
      return arrived == paid;
    }

    private static long percentile(List<Long> sorted, int p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }
  }
}
