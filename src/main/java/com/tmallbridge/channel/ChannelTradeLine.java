package com.tmallbridge.channel;

import org.jspecify.annotations.Nullable;

/**
 * One sub-order of a trade as the channel reports it. Money in fen.
 *
 * @param oid sub-order id
 * @param numIid item id
 * @param skuId SKU id, null for items without SKUs
 * @param outerIid the item's merchant code, may be null
 * @param outerSkuId the SKU's merchant code, may be null
 * @param title item title
 * @param skuPropertiesName e.g. {@code 颜色:白色;尺码:XL}, may be null
 * @param num quantity
 * @param priceFen unit price
 * @param totalFeeFen price·num + adjust − discount
 * @param paymentFen what the sub-order costs the buyer (without post fee)
 * @param divideOrderFeeFen paid amount after shop-level discounts were apportioned; null if absent
 * @param discountFeeFen sub-order discount
 * @param adjustFeeFen manual price adjustment
 * @param status sub-order status (same values as the trade's)
 * @param refundStatus e.g. {@code NO_REFUND}; may be null
 */
public record ChannelTradeLine(
    String oid,
    String numIid,
    @Nullable String skuId,
    @Nullable String outerIid,
    @Nullable String outerSkuId,
    String title,
    @Nullable String skuPropertiesName,
    int num,
    long priceFen,
    long totalFeeFen,
    long paymentFen,
    @Nullable Long divideOrderFeeFen,
    long discountFeeFen,
    long adjustFeeFen,
    @Nullable String status,
    @Nullable String refundStatus) {}
