package com.tmallbridge.aftersale;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A refund as the bridge follows it.
 *
 * @param shopId shop
 * @param shopCode shop code
 * @param refundId Tmall refund id
 * @param tid trade
 * @param oid sub-order
 * @param status Tmall status of the latest snapshot
 * @param kind what the buyer asked for
 * @param refundFeeFen the refund amount the bridge uses: Tmall's, capped at {@code paidFen}
 * @param reportedFeeFen the refund amount Tmall reported
 * @param paidFen what the buyer paid for the sub-order, null while the trade's lines are unknown
 * @param refundPhase Tmall's {@code refund_phase}, may be null
 * @param disputeType Tmall's {@code dispute_type}, may be null
 * @param num units concerned (0 when Tmall omits it)
 * @param created when the buyer asked
 * @param modified Tmall's modified time of the latest snapshot
 * @param stage where the rules are
 * @param shipping {@code BEFORE} or {@code AFTER} shipping, null until decided
 * @param erpOrderNo the trade's ERP sales order, null until seen
 * @param returnNo the ERP return document, null when none
 * @param shippedAfterIntercept whether the ERP shipped although the refund came before shipping
 * @param exceptionCode open exception's code (see {@link AfterSaleErrorCode}), null when none
 * @param exceptionMessage what to do about it
 */
public record RefundView(
    long shopId,
    String shopCode,
    String refundId,
    String tid,
    String oid,
    String status,
    RefundKind kind,
    long refundFeeFen,
    long reportedFeeFen,
    @Nullable Long paidFen,
    @Nullable String refundPhase,
    @Nullable String disputeType,
    int num,
    Instant created,
    Instant modified,
    RefundStage stage,
    @Nullable String shipping,
    @Nullable String erpOrderNo,
    @Nullable String returnNo,
    boolean shippedAfterIntercept,
    @Nullable String exceptionCode,
    @Nullable String exceptionMessage) {}
