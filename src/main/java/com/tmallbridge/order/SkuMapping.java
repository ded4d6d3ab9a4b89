package com.tmallbridge.order;

import org.jspecify.annotations.Nullable;

/** An explicit mapping of a Tmall item/SKU to an ERP material code. */
public record SkuMapping(long shopId, String numIid, @Nullable String skuId, String materialCode) {}
