package com.tmallbridge.aftersale;

import com.tmallbridge.erp.ErpOrderStatus;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The after-sale state machine, pure: from a refund's Tmall status, its kind, whether it concerns a
 * shipped order and the ERP sales order's status, it decides the ERP actions (each idempotent in
 * the ERP, so running a plan twice is harmless) and the next {@link RefundStage}.
 *
 * <pre>
 * before shipping (refund_phase onsale and, when first seen, nothing of the sub-order delivered by
 * an ERP order still to ship — OPEN, or PARTLY_DELIVERED with other sub-orders gone):
 *   open request ─► HOLD                                        → HELD
 *   SUCCESS ─► CANCEL_LINES, RELEASE, MONEY_ADJUSTMENT           → LINES_CANCELLED
 *   CLOSED / SELLER_REFUSE_BUYER ─► RELEASE                      → RELEASED
 * after shipping:
 *   RETURN   WAIT_SELLER_CONFIRM_GOODS ─► CREATE_RETURN           → RETURN_CREATED
 *            SUCCESS ─► CREATE_RETURN, RECEIVE_RETURN, MONEY_ADJ  → RESTOCKED
 *   REFUND_ONLY SUCCESS ─► MONEY_ADJUSTMENT                       → ADJUSTED
 *   EXCHANGE WAIT_SELLER_CONFIRM_GOODS ─► CREATE_RETURN           → RETURN_CREATED
 *            SUCCESS ─► CREATE_RETURN, RECEIVE_RETURN, RESHIP     → EXCHANGED
 *   RESHIP   SUCCESS ─► RESHIP                                    → RESHIPPED
 *   CLOSED / SELLER_REFUSE_BUYER                                  → CLOSED
 *   any other status                                              → OPEN
 * </pre>
 */
final class RefundRules {
  static final String SUCCESS = "SUCCESS";
  static final String CLOSED = "CLOSED";
  static final String REFUSED = "SELLER_REFUSE_BUYER";
  static final String GOODS_BACK = "WAIT_SELLER_CONFIRM_GOODS";
  private static final Set<String> ENDED = Set.of(SUCCESS, CLOSED, REFUSED);

  private RefundRules() {}

  /** An ERP action of a plan, in execution order. */
  enum Action { HOLD, CANCEL_LINES, RELEASE, CREATE_RETURN, RECEIVE_RETURN, MONEY_ADJUSTMENT, RESHIP }

  /** Whether the refund concerns an order that had left the warehouse when the bridge first saw it. */
  enum Shipping { BEFORE, AFTER }

  /**
   * What to do.
   *
   * @param shipping the refund's side of shipping, decided once; null while waiting
   * @param actions ERP actions in order
   * @param stage the stage after the actions succeeded
   * @param waitForErpOrder true when nothing can be decided until the trade's ERP order exists
   */
  record Plan(@Nullable Shipping shipping, List<Action> actions, RefundStage stage, boolean waitForErpOrder) {
    static Plan waiting() {
      return new Plan(null, List.of(), RefundStage.NEW, true);
    }
  }

  /**
   * @param status Tmall's refund status
   * @param kind what the buyer asked for
   * @param refundPhase Tmall's {@code refund_phase} ({@code onsale} / {@code aftersale}), may be null
   * @param shipping the side decided earlier, or null on the first run
   * @param erpOrderStatus the ERP sales order's status, or null when there is none
   */
  static Plan plan(String status, RefundKind kind, @Nullable String refundPhase, @Nullable Shipping shipping,
      @Nullable ErpOrderStatus erpOrderStatus) {
    return plan(status, kind, refundPhase, shipping, erpOrderStatus, erpOrderStatus != ErpOrderStatus.OPEN);
  }

  /**
   * As {@link #plan(String, RefundKind, String, Shipping, ErpOrderStatus)}, knowing whether any unit of the
   * refund's sub-order has left the warehouse ({@code subOrderDelivered}), which decides the side
   * of shipping the first time.
   */
  static Plan plan(String status, RefundKind kind, @Nullable String refundPhase, @Nullable Shipping shipping,
      @Nullable ErpOrderStatus erpOrderStatus, boolean subOrderDelivered) {
    if (erpOrderStatus == null || (shipping == null && erpOrderStatus == ErpOrderStatus.CANCELLED)) {
      boolean over = ENDED.contains(status) || erpOrderStatus == ErpOrderStatus.CANCELLED;
      return over ? new Plan(shipping, moneyIfSucceeded(status), RefundStage.NOT_IN_ERP, false) : Plan.waiting();
    }
    Shipping side = shipping != null ? shipping : firstSide(refundPhase, erpOrderStatus, subOrderDelivered);
    return side == Shipping.BEFORE ? beforeShipping(status) : afterShipping(status, kind);
  }

  private static Shipping firstSide(@Nullable String refundPhase, ErpOrderStatus erpOrderStatus, boolean subOrderDelivered) {
    return !"aftersale".equals(refundPhase) && erpOrderStatus.stillToShip() && !subOrderDelivered ? Shipping.BEFORE : Shipping.AFTER;
  }

  private static Plan beforeShipping(String status) {
    return switch (status) {
      case SUCCESS -> new Plan(Shipping.BEFORE, List.of(Action.CANCEL_LINES, Action.RELEASE, Action.MONEY_ADJUSTMENT),
          RefundStage.LINES_CANCELLED, false);
      case CLOSED, REFUSED -> new Plan(Shipping.BEFORE, List.of(Action.RELEASE), RefundStage.RELEASED, false);
      default -> new Plan(Shipping.BEFORE, List.of(Action.HOLD), RefundStage.HELD, false);
    };
  }

  private static Plan afterShipping(String status, RefundKind kind) {
    if (CLOSED.equals(status) || REFUSED.equals(status)) {
      return after(List.of(), RefundStage.CLOSED);
    }
    boolean success = SUCCESS.equals(status);
    return switch (kind) {
      case REFUND_ONLY -> success ? after(List.of(Action.MONEY_ADJUSTMENT), RefundStage.ADJUSTED) : after(List.of(), RefundStage.OPEN);
      case RETURN -> success
          ? after(List.of(Action.CREATE_RETURN, Action.RECEIVE_RETURN, Action.MONEY_ADJUSTMENT), RefundStage.RESTOCKED)
          : goodsBack(status);
      case EXCHANGE -> success
          ? after(List.of(Action.CREATE_RETURN, Action.RECEIVE_RETURN, Action.RESHIP, Action.MONEY_ADJUSTMENT), RefundStage.EXCHANGED)
          : goodsBack(status);
      case RESHIP -> success ? after(List.of(Action.RESHIP, Action.MONEY_ADJUSTMENT), RefundStage.RESHIPPED) : after(List.of(), RefundStage.OPEN);
    };
  }

  private static Plan goodsBack(String status) {
    return GOODS_BACK.equals(status) ? after(List.of(Action.CREATE_RETURN), RefundStage.RETURN_CREATED) : after(List.of(), RefundStage.OPEN);
  }

  private static Plan after(List<Action> actions, RefundStage stage) {
    return new Plan(Shipping.AFTER, actions, stage, false);
  }

  private static List<Action> moneyIfSucceeded(String status) {
    return SUCCESS.equals(status) ? List.of(Action.MONEY_ADJUSTMENT) : List.of();
  }
}
