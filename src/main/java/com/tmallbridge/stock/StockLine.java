package com.tmallbridge.stock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One listing's stock as {@code stock show} prints it. Material figures (on-hand, reserved,
 * safety, sellable) are summed over the listing's components in material units.
 *
 * @param shopCode the shop
 * @param numIid Tmall item
 * @param skuId Tmall SKU, {@code ""} for items without SKUs
 * @param components e.g. {@code A} or {@code A*2+B} for a combo
 * @param onHand ERP on-hand over every warehouse
 * @param reserved open reservations (every shop)
 * @param safety per-material safety stock
 * @param sellable on-hand − reserved − safety, in listing units (combo: minimum over components), ≥ 0
 * @param wanted the figure the listing should show
 * @param pushed the figure last pushed to Tmall; null before the first push
 * @param pushedAt when it was pushed
 * @param lastError the last push error, null after a success
 * @param pending whether a push of the item is queued
 */
public record StockLine(
    String shopCode,
    String numIid,
    String skuId,
    String components,
    long onHand,
    long reserved,
    long safety,
    long sellable,
    long wanted,
    @Nullable Long pushed,
    @Nullable Instant pushedAt,
    @Nullable String lastError,
    boolean pending) {}
