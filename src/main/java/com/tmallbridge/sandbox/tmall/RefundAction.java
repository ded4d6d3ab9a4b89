package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A step of an after-sale case taken by the seller or the buyer. {@link #returnGoods} carries the
 * carrier and tracking number of the returned parcel.
 */
record RefundAction(Kind kind, @Nullable String carrierName, @Nullable String trackingNo) {

  enum Kind {
    AGREE,
    REFUSE,
    RETURN_GOODS,
    CONFIRM_GOODS,
    CLOSE
  }

  static final RefundAction AGREE = new RefundAction(Kind.AGREE, null, null);
  static final RefundAction REFUSE = new RefundAction(Kind.REFUSE, null, null);
  static final RefundAction CONFIRM_GOODS = new RefundAction(Kind.CONFIRM_GOODS, null, null);
  static final RefundAction CLOSE = new RefundAction(Kind.CLOSE, null, null);

  static RefundAction returnGoods(String carrierName, String trackingNo) {
    return new RefundAction(Kind.RETURN_GOODS, carrierName, trackingNo);
  }

  /** The case after this step; throws {@link IllegalStateException} when the step is not allowed. */
  RefundRecord applyTo(RefundRecord refund, Instant at) {
    return switch (kind) {
      case AGREE -> refund.agreed(at);
      case REFUSE -> refund.refused(at);
      case RETURN_GOODS -> refund.goodsReturned(at, carrierName, trackingNo);
      case CONFIRM_GOODS -> refund.goodsReceived(at);
      case CLOSE -> refund.closed(at);
    };
  }
}
