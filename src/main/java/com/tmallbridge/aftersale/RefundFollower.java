package com.tmallbridge.aftersale;

import com.tmallbridge.aftersale.RefundRules.Action;
import com.tmallbridge.aftersale.RefundRules.Plan;
import com.tmallbridge.aftersale.RefundRules.Shipping;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.ReturnSink;
import com.tmallbridge.erp.SalesOrderLineCancellation;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeLineView;
import com.tmallbridge.sync.DeliveryException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link RefundRules} for one stored refund against the active ERP and stores the
 * outcome. With the built-in ERP it runs in a transaction (the outbox handler's, or the façade's
 * retry) and the refund's row is locked first, so two runs of one refund take turns. With a remote
 * ERP the outbox handler runs it outside any transaction (no lock is held across ERP calls): the
 * outbox's one-message-in-flight-per-aggregate rule keeps runs of one refund apart, and each step
 * it stores commits on its own. Every ERP write carries a key derived
 * from the shop and refund id, so a repeated run creates nothing twice. A permanent ERP refusal
 * becomes the refund's exception ({@link AfterSaleErrorCode#ERP_REJECTED}); a retryable one, and a
 * trade that has no ERP order yet while the refund is open, is thrown as a retryable {@link
 * DeliveryException} so the outbox tries again later. A case that would take goods back while an
 * earlier case of its sub-order may still be unbooked waits for it ({@link CaseOrder}).
 */
@Component
class RefundFollower {
  private final RefundRepository refunds;
  private final ErpRegistry erp;
  private final OrderManagement orders;
  private final Replacements replacements;
  private final CaseOrder caseOrder;
  private final Clock clock;

  RefundFollower(RefundRepository refunds, ErpRegistry erp, OrderManagement orders, Replacements replacements, CaseOrder caseOrder,
      Clock clock) {
    this.refunds = refunds;
    this.erp = erp;
    this.orders = orders;
    this.replacements = replacements;
    this.caseOrder = caseOrder;
    this.clock = clock;
  }

  /** Applies the rules to the refund's current snapshot; returns the stage reached (empty for an unknown refund). */
  Optional<RefundStage> follow(ShopId shop, String refundId) {
    Optional<RefundView> locked = refunds.lock(shop, refundId);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    RefundView r = locked.get();
    Optional<ErpSalesOrderSummary> order = erpOrder(r);
    Run run = new Run(r, shop, refunds.holdKey(shop, refundId), order.map(ErpSalesOrderSummary::docNo).orElse(null));
    run.capAmount(paidFor(shop, r));
    ErpOrderStatus erpStatus = order.map(ErpSalesOrderSummary::status).orElse(null);
    long delivered = r.shipping() == null && order.isPresent() ? delivered(order.get(), r) : 0;
    Plan plan = RefundRules.plan(r.status(), r.kind(), r.refundPhase(), shipping(r), erpStatus, delivered > 0);
    if (plan.waitForErpOrder()) {
      throw new DeliveryException(AfterSaleErrorCode.ERP_ORDER_MISSING.code(), true,
          "refund " + refundId + ": trade " + r.tid() + " has no ERP sales order yet; the rules run when it has one", null);
    }
    if (plan.actions().contains(Action.CREATE_RETURN) && r.returnNo() == null) {
      waitForEarlierGoods(shop, r);
    }
    run.stage = plan.stage();
    run.shipping = plan.shipping() == null ? r.shipping() : plan.shipping().name();
    if (r.shipping() == null && plan.shipping() == Shipping.AFTER && "onsale".equals(r.refundPhase())
        && r.kind() == RefundKind.REFUND_ONLY && delivered > 0) {
      // the buyer asked while Tmall showed the sub-order unshipped, but its goods had left before the bridge could hold them
      run.interceptFailed(delivered + " unit(s) of sub-order " + r.oid() + " had left with " + order.get().docNo()
          + " when the refund arrived");
    }
    try {
      for (Action action : plan.actions()) {
        if (!run.execute(action)) {
          break;
        }
      }
    } catch (ConnectorException e) {
      if (e.retryable()) {
        throw new DeliveryException(e.errorCode().code(), true, e.getMessage(), e);
      }
      run.stage = RefundStage.EXCEPTION;
      run.fail(AfterSaleErrorCode.ERP_REJECTED, "the ERP refused " + e.errorCode().code() + ": " + e.getMessage());
    }
    refunds.saveOutcome(shop, refundId, run.outcome(), clock.instant());
    return Optional.of(run.stage);
  }

  /**
   * Throws a {@link DeliveryException#waitUntil wait} while the goods {@code r} takes back may not be
   * the ones the ERP would book now ({@link CaseOrder}): an earlier case of the sub-order is unread or
   * unbooked, or the replacement order of the earlier exchange has delivered nothing yet.
   */
  private void waitForEarlierGoods(ShopId shop, RefundView r) {
    Optional<String> reason = caseOrder.reasonToWait(shop, r).or(() -> replacementNotDelivered(shop, r));
    if (reason.isPresent()) {
      Optional<Instant> again = caseOrder.lookAgainAt(shop, r, reason.get());
      if (again.isPresent()) {
        throw DeliveryException.waitUntil(AfterSaleErrorCode.EARLIER_CASE_FIRST.code(), "refund " + r.refundId() + ": " + reason.get(),
            again.get());
      }
    }
  }

  private Optional<String> replacementNotDelivered(ShopId shop, RefundView r) {
    Optional<String> replacement = refunds.latestReplacement(shop, r);
    if (replacement.isEmpty() || !erp.supports(SalesOrderLineCancellation.class)) {
      return Optional.empty();
    }
    long delivered;
    try {
      delivered = erp.capability(SalesOrderLineCancellation.class).deliveredUnits(new ErpDocNo(replacement.get()), List.of(r.oid()));
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
    return delivered > 0 ? Optional.empty() : Optional.of("the replacement order " + replacement.get() + " of an earlier exchange of"
        + " sub-order " + r.oid() + " has delivered nothing yet; the buyer's goods are taken back from it once the ERP has shipped it");
  }

  /**
   * Units of the refund's sub-order the ERP delivered; for an ERP without per-line reads, every
   * unit of an order that is no longer {@link ErpOrderStatus#OPEN} counts as gone (the safe side: no hold).
   */
  private long delivered(ErpSalesOrderSummary order, RefundView r) {
    if (!erp.supports(SalesOrderLineCancellation.class)) {
      return order.status() == ErpOrderStatus.OPEN ? 0 : Math.max(1, r.num());
    }
    try {
      return erp.capability(SalesOrderLineCancellation.class).deliveredUnits(order.docNo(), List.of(r.oid()));
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }

  private Optional<ErpSalesOrderSummary> erpOrder(RefundView r) {
    try {
      return erp.capability(SalesOrderQuery.class).findByChannelOrder(r.shopCode(), new ChannelOrderNo(r.tid()));
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }

  /** What the buyer paid for the sub-order: the sum of its lines (combo components included); null when unknown. */
  private @Nullable Long paidFor(ShopId shop, RefundView r) {
    List<TradeLineView> lines = orders.lines(shop, r.tid()).stream().filter(l -> belongsTo(l.oid(), r.oid())).toList();
    return lines.isEmpty() ? r.paidFen() : Long.valueOf(lines.stream().mapToLong(TradeLineView::amountFen).sum());
  }

  static boolean belongsTo(String lineOid, String oid) {
    return lineOid.equals(oid) || lineOid.startsWith(oid + "#");
  }

  private static @Nullable Shipping shipping(RefundView r) {
    return r.shipping() == null ? null : Shipping.valueOf(r.shipping());
  }

  /** One run's changing state and the ERP actions. */
  private final class Run {
    private final RefundView r;
    private final ShopId shop;
    private final @Nullable ErpDocNo salesOrder;
    private @Nullable String holdKey;
    private @Nullable String returnNo;
    private @Nullable Long paid;
    private long fee;
    private boolean shippedAfterIntercept;
    private @Nullable String code;
    private @Nullable String message;
    RefundStage stage;
    @Nullable String shipping;

    Run(RefundView r, ShopId shop, @Nullable String holdKey, @Nullable ErpDocNo salesOrder) {
      this.r = r;
      this.shop = shop;
      this.holdKey = holdKey;
      this.salesOrder = salesOrder;
      this.returnNo = r.returnNo();
      this.fee = r.reportedFeeFen();
      this.shippedAfterIntercept = r.shippedAfterIntercept();
      this.stage = r.stage();
      this.shipping = r.shipping();
      if (r.exceptionCode() != null && !AfterSaleErrorCode.ERP_REJECTED.code().equals(r.exceptionCode())) {
        this.code = r.exceptionCode();
        this.message = r.exceptionMessage();
      }
    }

    void capAmount(@Nullable Long paidFen) {
      paid = paidFen;
      if (paidFen != null && r.reportedFeeFen() > paidFen) {
        fee = paidFen;
        fail(AfterSaleErrorCode.REFUND_OVER_PAID, "Tmall reports a refund of " + yuan(r.reportedFeeFen()) + " for sub-order " + r.oid()
            + ", but the buyer paid " + yuan(paidFen) + " for it; the bridge uses " + yuan(paidFen));
      }
    }

    void fail(AfterSaleErrorCode error, String text) {
      code = error.code();
      message = text;
    }

    /** Executes one action; false when the rest of the plan must not run. */
    boolean execute(Action action) {
      return switch (action) {
        case HOLD -> hold();
        case CANCEL_LINES -> cancelLines();
        case RELEASE -> release();
        case CREATE_RETURN -> createReturn();
        case RECEIVE_RETURN -> receiveReturn();
        case MONEY_ADJUSTMENT -> moneyAdjustment();
        case RESHIP -> reship();
      };
    }

    private boolean hold() {
      ErpDocNo so = requireOrder();
      if (holdKey == null) {
        holdKey = key("hold:" + r.modified().getEpochSecond());
      }
      DeliveryHold holds = erp.capability(DeliveryHold.class);
      holds.hold(so, holdKey, "refund " + r.refundId() + " of sub-order " + r.oid() + " requested before shipping");
      effect(holdKey, "HOLD", so.value(), null, null, "delivery of " + so + " held");
      long gone = erp.capability(SalesOrderQuery.class).findByChannelOrder(r.shopCode(), new ChannelOrderNo(r.tid()))
          .map(now -> delivered(now, r)).orElse(0L);
      if (gone > 0) {
        release();
        interceptFailed(gone + " unit(s) of sub-order " + r.oid() + " had left with " + so + " when the hold arrived");
        stage = RefundStage.OPEN;
        return false;
      }
      return true;
    }

    private boolean cancelLines() {
      ErpDocNo so = requireOrder();
      SalesOrderLineCancellation.Result result =
          erp.capability(SalesOrderLineCancellation.class).cancelOpenUnits(so, List.of(r.oid()), key("cancel"));
      effect(key("cancel"), "CANCEL_LINES", so.value(), null, result.cancelledUnits(),
          result.cancelledUnits() + " open unit(s) of sub-order " + r.oid() + " cancelled, " + result.remainingOpenUnits()
              + " unit(s) left on the order");
      if (result.deliveredUnits() > 0) {
        interceptFailed(result.deliveredUnits() + " unit(s) of sub-order " + r.oid() + " had already left the warehouse");
        stage = RefundStage.EXCEPTION;
      }
      return true;
    }

    private boolean release() {
      if (holdKey != null && salesOrder != null) {
        boolean stillHeld = erp.capability(DeliveryHold.class).release(salesOrder, holdKey);
        effect(holdKey + ":release", "RELEASE", salesOrder.value(), null, null,
            "hold released" + (stillHeld ? "; other holds remain" : ""));
        holdKey = null;
      }
      return true;
    }

    private boolean createReturn() {
      // after an earlier exchange of the sub-order the buyer holds the replacement's goods: take those back
      ErpDocNo so = refunds.latestReplacement(shop, r).map(ErpDocNo::new).orElseGet(this::requireOrder);
      long units = Math.max(0, r.num());
      ErpDocNo doc = erp.capability(ReturnSink.class).createReturn(so, Map.of(r.oid(), units), key("return"),
          "refund " + r.refundId() + " (" + r.kind() + ") of sub-order " + r.oid());
      returnNo = doc.value();
      effect(key("return"), "CREATE_RETURN", doc.value(), null, units == 0 ? null : units, "return document " + doc + " for " + so);
      return true;
    }

    private boolean receiveReturn() {
      if (returnNo == null) {
        return true;
      }
      long units = erp.capability(ReturnSink.class).receiveReturn(new ErpDocNo(returnNo));
      effect(key("restock"), "RECEIVE_RETURN", returnNo, null, units, "return " + returnNo + " received, " + units + " unit(s) back on stock");
      return true;
    }

    private boolean moneyAdjustment() {
      if (fee > 0) {
        effect(key("money"), "MONEY_ADJUSTMENT", null, fee, null, yuan(fee) + " refunded for sub-order " + r.oid());
      }
      return true;
    }

    private boolean reship() {
      Optional<ErpDocNo> doc = replacements.create(shop, r);
      if (doc.isEmpty()) {
        stage = RefundStage.EXCEPTION;
        fail(AfterSaleErrorCode.RESHIP_UNAVAILABLE, "refund " + r.refundId() + ": the sales order of trade " + r.tid()
            + " cannot be rebuilt for a replacement; create " + Replacements.orderNo(r) + " in the ERP by hand");
        return false;
      }
      effect(key("reship"), "RESHIP", doc.get().value(), null, null, "replacement sales order " + doc.get() + " ("
          + Replacements.orderNo(r) + ")");
      return true;
    }

    private void interceptFailed(String detail) {
      shippedAfterIntercept = true;
      shipping = Shipping.AFTER.name();
      fail(AfterSaleErrorCode.SHIPPED_AFTER_INTERCEPT, "refund " + r.refundId() + " came before shipping, but " + detail
          + "; stop the parcel with the carrier or handle it as a return");
    }

    private ErpDocNo requireOrder() {
      if (salesOrder == null) {
        throw new IllegalStateException("refund " + r.refundId() + ": rules asked for an ERP action without an ERP order");
      }
      return salesOrder;
    }

    private String key(String what) {
      return "aftersale:" + r.shopCode() + ":" + r.refundId() + ":" + what;
    }

    private void effect(String key, String effect, @Nullable String doc, @Nullable Long amount, @Nullable Long units, String detail) {
      refunds.recordEffect(key, shop, r.refundId(), effect, doc, amount, units, detail, clock.instant());
    }

    RefundRepository.Outcome outcome() {
      return new RefundRepository.Outcome(stage, shipping, salesOrder == null ? r.erpOrderNo() : salesOrder.value(), returnNo, holdKey,
          paid, fee, shippedAfterIntercept, code, message);
    }
  }

  private static String yuan(long fen) {
    return java.math.BigDecimal.valueOf(fen, 2).toPlainString() + " yuan";
  }
}
