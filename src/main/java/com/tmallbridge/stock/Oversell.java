package com.tmallbridge.stock;

import java.time.Instant;

/**
 * A paid trade that asked for more than was sellable when it was imported. The order is not
 * blocked; operators see the flag and arrange stock or contact the buyer.
 *
 * @param shopCode the shop
 * @param tid the trade
 * @param numIid the Tmall item
 * @param skuId the Tmall SKU ({@code ""} for items without SKUs)
 * @param material the ERP material that was short
 * @param ordered units the trade needs of it
 * @param sellable units that were sellable just before (may be negative: already oversold)
 * @param shortfall ordered minus sellable (sellable floored at 0)
 * @param at when it was flagged
 */
public record Oversell(
    String shopCode, String tid, String numIid, String skuId, String material, long ordered, long sellable, long shortfall, Instant at) {}
