package com.tmallbridge.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A refund (after-sale case) as the channel reports it. Money in fen; times are instants (TOP's
 * GMT+8 wall time converted). One refund concerns one sub-order.
 *
 * @param refundId the refund's id
 * @param tid the trade
 * @param oid the sub-order (equals {@code tid} for a trade with one sub-order)
 * @param status {@code WAIT_SELLER_AGREE}, {@code WAIT_BUYER_RETURN_GOODS}, {@code
 *     WAIT_SELLER_CONFIRM_GOODS}, {@code SELLER_REFUSE_BUYER}, {@code CLOSED}, {@code SUCCESS} or an
 *     exchange state
 * @param refundFeeFen what goes back to the buyer
 * @param totalFeeFen the trade's total the refund is measured against
 * @param paymentFen what stays with the seller (total − refund)
 * @param hasGoodReturn whether the buyer must send goods back
 * @param goodStatus {@code BUYER_NOT_RECEIVED}, {@code BUYER_RECEIVED} or {@code BUYER_RETURNED_GOODS}; may be null
 * @param refundPhase {@code onsale} (before the trade finished) or {@code aftersale}; may be null
 * @param disputeType {@code REFUND} (refund only), {@code REFUND_AND_RETURN}, {@code TMALL_EXCHANGE},
 *     {@code TAOBAO_EXCHANGE}, {@code REPAIR}, {@code RESHIPPING}, {@code OTHERS}; may be null
 * @param reason the buyer's reason; may be null
 * @param description the buyer's explanation ({@code desc}); may be null
 * @param created when the buyer asked
 * @param modified the channel's last-modified time, the ordering key of snapshots
 * @param orderStatus the trade's status when the refund was read; may be null
 * @param returnTrackingNo tracking number of the returned parcel ({@code sid}); may be null
 * @param returnCompanyName carrier of the returned parcel ({@code company_name}); may be null
 * @param numIid the item; may be null when the channel omits it
 * @param sku the SKU description the channel gives; may be null
 * @param outerId the merchant code of the item or SKU; may be null
 * @param num quantity concerned; 0 when the channel omits it
 * @param title item title; may be null
 * @param rawJson the refund object exactly as received, kept for replay and audit
 */
public record ChannelRefund(
    String refundId,
    String tid,
    String oid,
    String status,
    long refundFeeFen,
    long totalFeeFen,
    long paymentFen,
    boolean hasGoodReturn,
    @Nullable String goodStatus,
    @Nullable String refundPhase,
    @Nullable String disputeType,
    @Nullable String reason,
    @Nullable String description,
    Instant created,
    Instant modified,
    @Nullable String orderStatus,
    @Nullable String returnTrackingNo,
    @Nullable String returnCompanyName,
    @Nullable String numIid,
    @Nullable String sku,
    @Nullable String outerId,
    int num,
    @Nullable String title,
    String rawJson) {

  /** Whether the refund is settled in the buyer's favour ({@code SUCCESS}). */
  public boolean succeeded() {
    return "SUCCESS".equals(status);
  }

  /** Whether the refund ended without money going back ({@code CLOSED}). */
  public boolean closed() {
    return "CLOSED".equals(status);
  }
}
