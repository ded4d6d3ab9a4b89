package com.tmallbridge.channel;

import java.util.Map;

/**
 * Publishes sellable quantities to a channel, in full (absolute) mode. Implementations respect the
 * channel's per-shop rate limit and retry transient failures; what is left is thrown as a
 * {@link ChannelException} whose kind tells the caller whether to retry later. Thread-safe.
 */
public interface StockPublisher {

  /** The most SKUs one {@link #setSkuQuantities} call takes (Tmall: 20). */
  int MAX_SKUS_PER_CALL = 20;

  /**
   * Sets the quantity of up to {@link #MAX_SKUS_PER_CALL} SKUs of one item.
   *
   * @param quantitiesBySkuId absolute quantities, each ≥ 0
   * @return the figures the channel holds after the call
   * @throws IllegalArgumentException when more than the limit or a negative quantity is passed
   * @throws ChannelException on failure after retries (a SKU the channel does not know fails the
   *     whole call as {@link ChannelException.Kind#PERMANENT})
   */
  QuantityUpdate setSkuQuantities(ShopCredentials shop, String numIid, Map<String, Long> quantitiesBySkuId);

  /**
   * Sets the quantity of an item without SKUs (or of one SKU when {@code skuId} is not null).
   *
   * @throws ChannelException on failure after retries
   */
  QuantityUpdate setItemQuantity(ShopCredentials shop, String numIid, @org.jspecify.annotations.Nullable String skuId, long quantity);
}
