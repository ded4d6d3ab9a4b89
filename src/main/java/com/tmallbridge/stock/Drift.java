package com.tmallbridge.stock;

/**
 * A listing whose quantity on Tmall differs from the figure it should show.
 *
 * @param shopCode the shop
 * @param numIid Tmall item
 * @param skuId Tmall SKU, {@code ""} for items without SKUs
 * @param tmall the quantity Tmall shows; -1 when Tmall no longer has the item or SKU
 * @param shouldBe the wanted figure
 */
public record Drift(String shopCode, String numIid, String skuId, long tmall, long shouldBe) {}
