package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth of one after-sale case (the latest state of a TOP {@code Refund}). Money in fen.
 *
 * @param refundId TOP {@code refund_id}
 * @param tid trade id
 * @param oid sub-order id
 * @param kind refund only, return or exchange
 * @param status TOP refund status, e.g. {@code WAIT_SELLER_AGREE}, {@code SUCCESS}
 * @param refundPhase {@code onsale} (asked before the sub-order shipped) or {@code aftersale}
 * @param totalFeeFen what the buyer paid for the sub-order
 * @param refundFeeFen what goes back to the buyer (0 for exchanges)
 * @param goodStatus {@code BUYER_NOT_RECEIVED}, {@code BUYER_RECEIVED} or {@code
 *     BUYER_RETURNED_GOODS}
 * @param returnCompany carrier of the returned goods, null until they are sent back
 * @param returnSid tracking number of the returned goods, null until they are sent back
 * @param created when the buyer asked
 * @param modified last change
 * @param waitEnded when the request stopped waiting for the seller (agreed, refused or withdrawn),
 *     null while it waits; not a TOP field (TOP shows only the latest status)
 */
public record SandboxRefund(
    long refundId,
    long tid,
    long oid,
    RefundKind kind,
    String status,
    String refundPhase,
    long totalFeeFen,
    long refundFeeFen,
    String goodStatus,
    @Nullable String returnCompany,
    @Nullable String returnSid,
    Instant created,
    Instant modified,
    @Nullable Instant waitEnded) {}
