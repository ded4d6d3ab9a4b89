package com.tmallbridge.aftersale;

/**
 * Where the after-sale rules have brought a refund. See {@code docs/aftersale.md} for the
 * transitions; {@link RefundRules} owns them.
 */
public enum RefundStage {
  /** Stored, rules not yet run. */
  NEW,
  /** Before shipping: the ERP delivery is held while the buyer's request is open. */
  HELD,
  /** Before shipping: the refund succeeded; the sub-order's open units are cancelled in the ERP. */
  LINES_CANCELLED,
  /** Before shipping: the request was closed or refused; the hold is released. */
  RELEASED,
  /** After shipping: the request is open and no goods are on their way back yet. */
  OPEN,
  /** After shipping: the buyer sent goods back; the ERP return document exists. */
  RETURN_CREATED,
  /** After shipping: the refund succeeded; the returned goods are back on stock. */
  RESTOCKED,
  /** After shipping: 仅退款 succeeded; a money adjustment was recorded. */
  ADJUSTED,
  /** Exchange done: goods back on stock and the replacement sales order created. */
  EXCHANGED,
  /** Reship done: the replacement sales order created. */
  RESHIPPED,
  /** Closed or refused after shipping: nothing to do in the ERP. */
  CLOSED,
  /** The trade has no ERP sales order and the refund is over (or the order was cancelled): nothing to do. */
  NOT_IN_ERP,
  /** The ERP refused a document; see the refund's exception. */
  EXCEPTION;

  /** Whether the ERP reflects a succeeded refund in this stage. */
  public boolean settlesSuccess() {
    return switch (this) {
      case LINES_CANCELLED, RESTOCKED, ADJUSTED, EXCHANGED, RESHIPPED, NOT_IN_ERP -> true;
      default -> false;
    };
  }

  /**
   * Whether the rules may still move goods of the case: it is not yet decided ({@link #NEW}) or its
   * request is open ({@link #HELD}, {@link #OPEN}, {@link #RETURN_CREATED}). A case Tmall has ended
   * never stays in one of these once its rules ran on the ending snapshot.
   */
  boolean unfinished() {
    return switch (this) {
      case NEW, HELD, OPEN, RETURN_CREATED -> true;
      default -> false;
    };
  }
}
