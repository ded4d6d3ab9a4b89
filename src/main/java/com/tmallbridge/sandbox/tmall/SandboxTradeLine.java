package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * Ground truth of one sub-order. Money in fen.
 *
 * @param oid sub-order id (equals the tid for single-order trades)
 * @param numIid item id
 * @param skuId SKU id, null for items without SKUs
 * @param outerIid the item's merchant code
 * @param outerSkuId the SKU's merchant code, null when the SKU has none (or there is no SKU)
 * @param title item title
 * @param num quantity
 * @param priceFen unit price
 * @param paymentFen price·num + adjust − discount, without post fee
 * @param divideOrderFeeFen payment after apportioning the trade discount; the lines' values sum
 *     exactly to the trade's payment − post fee
 * @param refundStatus {@code NO_REFUND} or {@code SUCCESS}
 */
public record SandboxTradeLine(
    long oid,
    long numIid,
    @Nullable Long skuId,
    @Nullable String outerIid,
    @Nullable String outerSkuId,
    String title,
    int num,
    long priceFen,
    long paymentFen,
    long divideOrderFeeFen,
    String refundStatus) {}
