package com.tmallbridge.order;

import com.tmallbridge.core.ErrorCode;

/**
 * What a change to a trade after its ERP order was queued led to (the bridge's counterpart of the
 * peers' "bad reason" flags: address changed, remark changed, intercepted after shipping...). The
 * codes operators see; {@link #actionable()} ones are raised as open exceptions, the others are
 * recorded as resolved ones, so {@code exceptions list --status RESOLVED} is the audit trail of
 * what the bridge changed in the ERP on its own.
 */
public enum AmendReason implements ErrorCode {
  CANCELLED_BEFORE_SHIPPING("AMEND-001", false,
      "the trade closed before anything shipped: the ERP order was cancelled (or never created) and its reservation released;"
          + " nothing to do"),
  RECEIVER_CHANGED_AFTER_SHIPPING("AMEND-002", true,
      "the receiver (name, phone or address) changed on Tmall after the ERP shipped: ask the carrier to redirect the parcel"
          + " or contact the buyer, then close this with 'exceptions retry ID'"),
  NOTES_CHANGED_AFTER_SHIPPING("AMEND-003", true,
      "the buyer message, seller memo or flag changed on Tmall after the ERP shipped: read the change and act on it"
          + " (e.g. a missing gift), then close this with 'exceptions retry ID'"),
  CLOSED_AFTER_SHIPPING("AMEND-004", true,
      "the trade closed on Tmall but the ERP had already shipped goods, so its order was not cancelled: intercept the"
          + " parcel or book the return, then close this with 'exceptions retry ID'"),
  RECEIVER_UPDATED("AMEND-005", false,
      "the receiver changed on Tmall before shipping: the ERP order was updated; nothing to do"),
  NOTES_UPDATED("AMEND-006", false,
      "the buyer message, seller memo or flag changed on Tmall before shipping: the ERP order was updated; nothing to do"),
  ERP_ORDER_CANCELLED("AMEND-007", true,
      "the trade changed on Tmall but its ERP order is cancelled in the ERP, so the change was not applied: check why the"
          + " ERP order was cancelled, then close this with 'exceptions retry ID'"),
  ERP_CANNOT_AMEND("AMEND-008", true,
      "the trade changed on Tmall but the active ERP connector cannot cancel or update sales orders: make the change in the"
          + " ERP by hand, then close this with 'exceptions retry ID'"),
  ERP_ORDER_NOT_CREATED("AMEND-009", true,
      "the trade changed on Tmall while its ERP order is not created yet (its creation is held or failing): the update is"
          + " retried until the order exists; fix and retry the held trade first"),
  CLOSED_BY_REFUNDS_AFTER_SHIPPING("AMEND-010", false,
      "the trade closed on Tmall because every sub-order was refunded, after the ERP had shipped goods: the after-sale flow"
          + " books the returns of each refund ('refunds list --tid'); the ERP order stays as shipped; nothing to do here");

  /** Every code starts with it. */
  static final String PREFIX = "AMEND-";

  private final String code;
  private final boolean actionable;
  private final String description;

  AmendReason(String code, boolean actionable, String description) {
    this.code = code;
    this.actionable = actionable;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }

  /** Whether an operator must act (an open exception) rather than only read (a resolved one). */
  public boolean actionable() {
    return actionable;
  }

  static boolean isAmendment(String reasonCode) {
    return reasonCode.startsWith(PREFIX);
  }
}
