package com.tmallbridge.order;

import org.jspecify.annotations.Nullable;

/**
 * One sub-order of the latest Tmall snapshot of a trade with the ERP material it maps to today.
 * Money in fen.
 *
 * @param oid sub-order id
 * @param numIid item id
 * @param skuId SKU id, empty for items without SKUs
 * @param outerSkuId the SKU's merchant code, may be null
 * @param outerIid the item's merchant code, may be null
 * @param title item title
 * @param skuProperties e.g. {@code 颜色:白色;尺码:XL}, may be null
 * @param quantity units
 * @param priceFen unit price
 * @param paymentFen what the sub-order costs the buyer (without post fee)
 * @param materialCode the ERP material or combo code it maps to, null when unmapped
 * @param mappedBy which rule supplied the code ({@code MAPPING}, {@code COMBO}, {@code SKU_OUTER_ID},
 *     ...; see {@code MatchSource}), null when none did
 * @param problem why it is unmapped, null when mapped
 */
public record TradeSnapshotLine(
    String oid,
    String numIid,
    String skuId,
    @Nullable String outerSkuId,
    @Nullable String outerIid,
    String title,
    @Nullable String skuProperties,
    int quantity,
    long priceFen,
    long paymentFen,
    @Nullable String materialCode,
    @Nullable String mappedBy,
    @Nullable String problem) {

  /** Whether the line maps to an ERP material (or combo). */
  public boolean mapped() {
    return problem == null && materialCode != null;
  }
}
