package com.tmallbridge.demo;

import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the trades a Tmall shop holds with the sales orders an ERP holds, using nothing from
 * the bridge's own tables: this is the demo's (and the tests') independent verdict.
 */
final class OrderCheck {
  private final List<String> samples = new ArrayList<>();

  /**
   * @param trades the shop's trades (ground truth from the sandbox)
   * @param orders the ERP's sales orders created for that shop
   * @return totals and problem counts
   */
  Result compare(List<SandboxTrade> trades, List<ErpSalesOrderSummary> allOrders) {
    List<ErpSalesOrderSummary> orders = new ArrayList<>();
    List<ReplacementOrderNo> replacements = new ArrayList<>();
    for (ErpSalesOrderSummary o : allOrders) {
      ReplacementOrderNo.parse(o.orderNo().value()).ifPresentOrElse(replacements::add, () -> orders.add(o));
    }
    Map<String, List<ErpSalesOrderSummary>> byTid = new HashMap<>();
    for (ErpSalesOrderSummary o : orders) {
      byTid.computeIfAbsent(o.orderNo().value(), k -> new ArrayList<>()).add(o);
    }
    long paid = 0, paymentFen = 0, missing = 0, duplicates = 0, mismatches = 0, unpaidExported = 0;
    Map<String, SandboxTrade> known = new HashMap<>();
    for (SandboxTrade t : trades) {
      String tid = Long.toString(t.tid());
      known.put(tid, t);
      List<ErpSalesOrderSummary> found = byTid.getOrDefault(tid, List.of());
      if (!t.everPaid()) {
        unpaidExported += found.size();
        sample(found.isEmpty() ? null : "trade " + tid + " was never paid but has ERP order " + found.get(0).docNo());
        continue;
      }
      paid++;
      paymentFen += t.paymentFen();
      if (found.isEmpty()) {
        if ("TRADE_CLOSED".equals(t.status())) {
          continue; // closed after payment before its ERP order was created: the bridge creates none (docs/order-changes.md)
        }
        missing++;
        sample("paid trade " + tid + " (" + t.status() + ") has no ERP order");
        continue;
      }
      duplicates += found.size() - 1;
      for (ErpSalesOrderSummary o : found) {
        if (o.totalFen() != t.paymentFen()) {
          mismatches++;
          sample("trade " + tid + " paid " + t.paymentFen() + " fen but ERP order " + o.docNo() + " totals " + o.totalFen());
        }
      }
    }
    long unknown = orders.stream().filter(o -> !known.containsKey(o.orderNo().value())).count()
        + replacements.stream().filter(r -> !known.containsKey(r.tid())).count();
    long amountFen = orders.stream().mapToLong(ErpSalesOrderSummary::totalFen).sum();
    Map<String, Long> checks = new LinkedHashMap<>();
    checks.put("orders.missing", missing);
    checks.put("orders.duplicates", duplicates);
    checks.put("orders.amountMismatches", mismatches);
    checks.put("orders.unpaidExported", unpaidExported);
    checks.put("orders.unknownInErp", unknown);
    return new Result(trades.size(), paid, paymentFen, orders.size(), amountFen, replacements.size(), checks, List.copyOf(samples));
  }

  private void sample(String problem) {
    if (problem != null && samples.size() < 10) {
      samples.add(problem);
    }
  }

  /**
   * Totals, problem counts and up to ten example problems.
   *
   * @param salesOrders ERP sales orders of Tmall trades (replacement orders of exchanges not included)
   * @param replacements ERP replacement orders of exchanges and reships ({@link ReplacementOrderNo})
   */
  record Result(long trades, long paid, long paymentFen, long salesOrders, long amountFen, long replacements, Map<String, Long> checks,
      List<String> samples) {}
}
