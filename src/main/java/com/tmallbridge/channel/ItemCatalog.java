package com.tmallbridge.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a shop's items and SKUs. Thread-safe. */
public interface ItemCatalog {

  /**
   * Delivers every item currently on sale, page by page. Items in the lists carry no SKUs; use
   * {@link #items} for those.
   *
   * @throws ChannelException on failure after retries
   */
  void onSaleItems(ShopCredentials shop, Consumer<List<ChannelItem>> pageSink);

  /** One item with its SKUs; empty when unknown. */
  Optional<ChannelItem> item(ShopCredentials shop, String numIid);

  /** Several items with their SKUs (batched by the channel's limit); unknown ids are skipped. */
  List<ChannelItem> items(ShopCredentials shop, Collection<String> numIids);
}
