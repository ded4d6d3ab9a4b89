package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.time.Instant;

/**
 * A mapping by hand of a Tmall item/SKU to an ERP material or combo code; it wins over merchant codes.
 *
 * @param shop the shop
 * @param numIid the item
 * @param skuId the SKU, {@code ""} for an item without SKUs
 * @param code an ERP material code or a combo code
 * @param createdAt when it was set
 */
public record SkuMapping(ShopId shop, String numIid, String skuId, String code, Instant createdAt) {}
