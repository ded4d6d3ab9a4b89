package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The buyers' half of the demo's after-sale traffic, played on the sandbox from the demo's own
 * thread (so it interleaves with the warehouse deterministically for a seed): buyers ask for
 * refunds before shipping (仅退款, whole sub-order, also of a partly shipped order) and after (退货退款, 仅退款 of part of the
 * amount, 换货), the seller agrees, refuses or the buyer withdraws, goods are sent back and
 * received, and buyers move their delivery address and sellers write memos.
 *
 * <p>Buyers act as they would on Tmall, on what Tmall shows, with one restriction that keeps the
 * demo's verdict exact: a sub-order whose goods left the ERP's warehouse but do not show as shipped
 * on Tmall yet (the write-back is under way) gets no new case, and addresses and memos change only
 * on orders the ERP has not started shipping. Those races are real; the bridge reports them as
 * exceptions (see {@code docs/aftersale.md}, {@code docs/order-changes.md}), which the demo does not
 * set out to produce.
 */
@Component
class DemoAfterSale {
  private static final String[] REASONS = {"不想要了", "尺码不合适", "质量问题", "与商品描述不符", "收到商品破损"};
  private static final String[] MEMOS = {"已核实地址", "买家要求改地址", "退款处理中", "换货已安排", "已备注发票"};
  /** New cases opened per step. */
  private static final int OPENED_PER_STEP = 3;
  /** Trades drawn per new case at most before the step gives up opening more. */
  private static final int MAX_DRAWS_PER_CASE = 5;

  private final ErpDesk erp;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong moved = new AtomicLong();
  private final AtomicLong addressChanges = new AtomicLong();
  private final AtomicLong memoChanges = new AtomicLong();
  private final AtomicLong returnSids = new AtomicLong();

  DemoAfterSale(ErpDesk erp) {
    this.erp = erp;
  }

  /**
   * One step: every open case may move on, new cases open (about one per 150 paid trades, at least
   * three; none when {@code newCases} is false), one address and one memo change.
   * At most one action per trade per step, so the bridge sees each change of a trade in its own
   * second (TOP's {@code modified} has second precision).
   *
   * @param erpOrders the demo shop's ERP sales orders by tid
   */
  void step(TmallSandbox sandbox, Map<String, ErpSalesOrderSummary> erpOrders, Random random, boolean newCases) {
    Set<Long> touched = new HashSet<>();
    for (SandboxRefund r : sandbox.refunds()) {
      if (!open(r.status()) || touched.contains(r.tid()) || random.nextInt(100) >= 80) {
        continue;
      }
      touched.add(r.tid());
      if (moveOn(sandbox, r, random.nextInt(100))) {
        moved.incrementAndGet();
      }
    }
    List<SandboxTrade> candidates = new ArrayList<>();
    for (SandboxTrade t : sandbox.trades()) {
      if (t.everPaid() && !t.status().startsWith("TRADE_CLOSED") && !touched.contains(t.tid())) {
        candidates.add(t);
      }
    }
    int toOpen = newCases ? Math.max(OPENED_PER_STEP, candidates.size() / 150) : 0;
    // a drawn trade may not fit (its parcel is between the ERP and Tmall, its lines are closed): draw again, a few times
    for (int opens = 0, draws = 0; opens < toOpen && draws < toOpen * MAX_DRAWS_PER_CASE && !candidates.isEmpty(); draws++) {
      SandboxTrade t = candidates.remove(random.nextInt(candidates.size()));
      if (openCase(sandbox, t, erpOrders.get(Long.toString(t.tid())), random)) {
        touched.add(t.tid());
        opened.incrementAndGet();
        opens++;
      }
    }
    if (!candidates.isEmpty()) {
      SandboxTrade t = candidates.remove(random.nextInt(candidates.size()));
      if (notShippedInErp(t, erpOrders) && "WAIT_SELLER_SEND_GOODS".equals(t.status())) {
        sandbox.changeAddress(t.tid());
        addressChanges.incrementAndGet();
      }
    }
    if (!candidates.isEmpty()) {
      SandboxTrade t = candidates.remove(random.nextInt(candidates.size()));
      if (notShippedInErp(t, erpOrders) && "WAIT_SELLER_SEND_GOODS".equals(t.status())) {
        int memo = random.nextInt(MEMOS.length);
        sandbox.changeMemo(t.tid(), MEMOS[memo], 1 + memo % 5);
        memoChanges.incrementAndGet();
      }
    }
  }

  private boolean moveOn(TmallSandbox sandbox, SandboxRefund r, int choice) {
    try {
      switch (r.status()) {
        case "WAIT_SELLER_AGREE" -> {
          if (choice < 70) {
            sandbox.agreeRefund(r.refundId());
          } else if (choice < 85) {
            sandbox.refuseRefund(r.refundId());
          } else {
            sandbox.closeRefund(r.refundId());
          }
        }
        case "WAIT_BUYER_RETURN_GOODS" -> {
          if (choice < 90) {
            sandbox.returnGoods(r.refundId(), "顺丰速运", String.format("SF%012d", 500_000_000_000L + returnSids.incrementAndGet()));
          } else {
            sandbox.closeRefund(r.refundId());
          }
        }
        case "WAIT_SELLER_CONFIRM_GOODS" -> sandbox.confirmReturn(r.refundId());
        default -> sandbox.closeRefund(r.refundId()); // refused: the buyer gives up
      }
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      return false; // the case or its trade moved on meanwhile
    }
  }

  /**
   * Opens a case on one sub-order of {@code t}: after shipping when Tmall shows the sub-order
   * shipped, before shipping when the ERP has not delivered any of it; nothing in between.
   */
  private boolean openCase(TmallSandbox sandbox, SandboxTrade t, ErpSalesOrderSummary order, Random random) {
    SandboxTradeLine line = t.lines().get(random.nextInt(t.lines().size()));
    if (!"NO_REFUND".equals(line.refundStatus()) && open(line.refundStatus())) {
      return false;
    }
    boolean shippedOnTmall = sandbox.parcels(t.tid()).stream().map(SandboxParcel::oids).anyMatch(o -> o.contains(line.oid()));
    String reason = REASONS[random.nextInt(REASONS.length)];
    try {
      if (shippedOnTmall) {
        int roll = random.nextInt(100);
        if (roll < 50) {
          sandbox.openRefund(t.tid(), line.oid(), RefundKind.RETURN, null, reason);
        } else if (roll < 80) {
          long part = Math.max(1, line.divideOrderFeeFen() * (10 + random.nextInt(40)) / 100);
          sandbox.openRefund(t.tid(), line.oid(), RefundKind.REFUND_ONLY, part, reason);
        } else {
          sandbox.openRefund(t.tid(), line.oid(), RefundKind.EXCHANGE, null, reason);
        }
        return true;
      }
      if (!subOrderStillInWarehouse(order, line.oid())) {
        return false; // the goods may be on their way: nothing a buyer could see
      }
      sandbox.openRefund(t.tid(), line.oid(), RefundKind.REFUND_ONLY, null, reason);
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      return false; // closed sub-order, too many cases, nothing left to refund
    }
  }

  private boolean notShippedInErp(SandboxTrade t, Map<String, ErpSalesOrderSummary> erpOrders) {
    return notShippedInErp(erpOrders.get(Long.toString(t.tid())));
  }

  /** Whether the ERP order exists and nothing of it has left the warehouse. */
  private boolean notShippedInErp(ErpSalesOrderSummary order) {
    if (order == null || order.status() != ErpOrderStatus.OPEN) {
      return false;
    }
    try {
      return erp.openLines(order.docNo()).stream().allMatch(l -> l.delivered() == 0);
    } catch (ConnectorException e) {
      return false;
    }
  }

  /** Whether the ERP order still has to ship and nothing of sub-order {@code oid} has left. */
  private boolean subOrderStillInWarehouse(ErpSalesOrderSummary order, long oid) {
    if (order == null || !order.status().stillToShip()) {
      return false;
    }
    try {
      return erp.openLines(order.docNo()).stream().filter(l -> AfterSaleCheck.belongsTo(l.externalLineId(), oid))
          .allMatch(l -> l.delivered() == 0);
    } catch (ConnectorException e) {
      return false;
    }
  }

  /** Whether a Tmall refund status means the case is still going. */
  static boolean open(String status) {
    return switch (status) {
      case "WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS", "SELLER_REFUSE_BUYER" -> true;
      default -> false;
    };
  }

  long opened() {
    return opened.get();
  }

  long moved() {
    return moved.get();
  }

  long addressChanges() {
    return addressChanges.get();
  }

  long memoChanges() {
    return memoChanges.get();
  }
}
