package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares Tmall's after-sale cases with the ERP's documents, without reading the bridge's
 * tables. A case is unreflected when the ERP does not show what it requires:
 *
 * <ul>
 *   <li>refund before shipping, waiting for the seller, nothing of the sub-order delivered and the
 *       order still to ship: a hold in force on the sales order;
 *   <li>refund before shipping succeeded, nothing of the sub-order delivered: no units of the
 *       sub-order left to ship (lines cancelled, or the order cancelled);
 *   <li>goods on their way back ({@code WAIT_SELLER_CONFIRM_GOODS}): a return document for the
 *       sub-order; return or exchange succeeded: that return received back on stock, and for an
 *       exchange a replacement sales order ({@code <tid>-X<refund id>});
 *   <li>and every hold still in force belongs to an order with a case waiting for the seller before
 *       shipping — a hold left behind would stop a parcel for good.
 * </ul>
 *
 * A refund without return after shipping settles money only; the ERP has nothing to show for it.
 */
final class AfterSaleCheck {
  private static final int SAMPLES = 10;

  /** Problem count and a few examples. */
  record Result(long unreflected, List<String> samples) {}

  /**
   * @param refunds every case of the demo shop (ground truth from the sandbox)
   * @param erpOrders the shop's ERP sales orders by channel order number
   * @param linesOf the lines of an ERP sales order, with ordered (net of cancellations) and delivered units
   * @param facts the ERP's holds and returns of the shop's orders
   */
  Result compare(List<SandboxRefund> refunds, Map<String, ErpSalesOrderSummary> erpOrders,
      Function<ErpSalesOrderSummary, List<OpenLine>> linesOf, AfterSaleFacts facts) {
    long unreflected = 0;
    List<String> samples = new ArrayList<>();
    Set<String> heldForCase = new HashSet<>();
    for (SandboxRefund r : refunds) {
      ErpSalesOrderSummary order = erpOrders.get(Long.toString(r.tid()));
      if (order == null) {
        continue; // the trade never reached the ERP (closed first); orders.missing covers the rest
      }
      boolean cancelled = order.status() == ErpOrderStatus.CANCELLED;
      String problem = null;
      switch (r.status()) {
        case "WAIT_SELLER_AGREE" -> {
          if ("onsale".equals(r.refundPhase()) && !cancelled && order.status() != ErpOrderStatus.DELIVERED
              && nothingDelivered(linesOf.apply(order), r.oid())) {
            heldForCase.add(order.docNo().value());
            if (facts.holds().stream().noneMatch(h -> h.salesOrderNo().equals(order.docNo()) && h.releasedAt() == null)) {
              problem = "refund " + r.refundId() + " waits for the seller before shipping but order " + order.docNo() + " is not held";
            }
          }
        }
        case "SUCCESS" -> problem = success(r, order, cancelled, linesOf, facts, erpOrders);
        case "WAIT_SELLER_CONFIRM_GOODS" -> {
          if (returnOf(r, order, facts, false) == null) {
            problem = "goods of refund " + r.refundId() + " are on their way back but " + order.docNo() + " has no return document";
          }
        }
        default -> { }
      }
      if (problem != null) {
        unreflected++;
        sample(samples, problem);
      }
    }
    for (AfterSaleFacts.Hold h : facts.holds()) {
      if (h.releasedAt() == null && !heldForCase.contains(h.salesOrderNo().value())) {
        unreflected++;
        sample(samples, "hold " + h.key() + " on " + h.salesOrderNo() + " is still in force but no case waits before shipping");
      }
    }
    return new Result(unreflected, samples);
  }

  /**
   * Whether the ERP shows the effect of a succeeded case as {@link #compare} requires it (true for a
   * case whose trade has no ERP order, and for a refund only after shipping, which needs nothing).
   */
  static boolean reflected(SandboxRefund r, Map<String, ErpSalesOrderSummary> erpOrders,
      Function<ErpSalesOrderSummary, List<OpenLine>> linesOf, AfterSaleFacts facts) {
    ErpSalesOrderSummary order = erpOrders.get(Long.toString(r.tid()));
    return order == null || success(r, order, order.status() == ErpOrderStatus.CANCELLED, linesOf, facts, erpOrders) == null;
  }

  private static String success(SandboxRefund r, ErpSalesOrderSummary order, boolean cancelled,
      Function<ErpSalesOrderSummary, List<OpenLine>> linesOf, AfterSaleFacts facts, Map<String, ErpSalesOrderSummary> erpOrders) {
    if (r.kind() == RefundKind.REFUND_ONLY) {
      if (!"onsale".equals(r.refundPhase()) || cancelled) {
        return null;
      }
      List<OpenLine> lines = linesOf.apply(order).stream().filter(l -> belongsTo(l.externalLineId(), r.oid())).toList();
      long delivered = lines.stream().mapToLong(OpenLine::delivered).sum();
      long open = lines.stream().mapToLong(OpenLine::open).sum();
      return delivered == 0 && open > 0
          ? "refund " + r.refundId() + " succeeded before shipping but " + order.docNo() + " still has " + open + " units of it to ship"
          : null;
    }
    AfterSaleFacts.Return back = returnOf(r, order, facts, true);
    if (back == null) {
      return "refund " + r.refundId() + " (" + r.kind() + ") succeeded but " + order.docNo() + " has no received return for sub-order "
          + r.oid();
    }
    if (r.kind() == RefundKind.EXCHANGE && !erpOrders.containsKey(ReplacementOrderNo.of(Long.toString(r.tid()), Long.toString(r.refundId())).value())) {
      return "exchange " + r.refundId() + " succeeded but the ERP has no replacement order";
    }
    return null;
  }

  private static AfterSaleFacts.Return returnOf(SandboxRefund r, ErpSalesOrderSummary order, AfterSaleFacts facts, boolean received) {
    for (AfterSaleFacts.Return ret : facts.returns()) {
      if (ret.salesOrderNo().equals(order.docNo()) && (!received || ret.received())
          && ret.lines().stream().anyMatch(l -> belongsTo(l.externalLineId(), r.oid()))) {
        return ret;
      }
    }
    return null;
  }

  private static boolean nothingDelivered(List<OpenLine> lines, long oid) {
    return lines.stream().filter(l -> belongsTo(l.externalLineId(), oid)).allMatch(l -> l.delivered() == 0);
  }

  static boolean belongsTo(String externalLineId, long oid) {
    String o = Long.toString(oid);
    return externalLineId.equals(o) || externalLineId.startsWith(o + "#");
  }

  private static void sample(List<String> samples, String problem) {
    if (samples.size() < SAMPLES) {
      samples.add(problem);
    }
  }
}
