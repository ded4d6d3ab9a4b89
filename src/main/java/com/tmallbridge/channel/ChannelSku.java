package com.tmallbridge.channel;

import org.jspecify.annotations.Nullable;

/** A SKU of an item on the channel. Money in fen. */
public record ChannelSku(
    String skuId,
    @Nullable String outerId,
    @Nullable String properties,
    @Nullable String propertiesName,
    long priceFen,
    int quantity) {}
