package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ShopCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Reads a shop's items: the on-sale list page by page (taobao.items.onsale.get, 200 per page), one
 * item with SKUs (taobao.item.seller.get) and batches of items with SKUs
 * (taobao.items.seller.list.get, 20 ids per call). Thread-safe.
 */
final class TmallItemCatalog {
  private final TopClient client;

  TmallItemCatalog(TopClient client) {
    this.client = client;
  }

  void onSaleItems(ShopCredentials shop, Consumer<List<ChannelItem>> pageSink) {
    int pageSize = ItemRequests.ONSALE_MAX_PAGE_SIZE;
    long pages = 1;
    for (long pageNo = 1; pageNo <= pages; pageNo++) {
      TopResponse page = client.call(shop, ItemRequests.onsaleGet(pageNo, pageSize));
      pages = (page.totalResults() + pageSize - 1) / pageSize;
      List<ChannelItem> items = map(shop, page);
      if (items.isEmpty()) {
        return;
      }
      pageSink.accept(items);
    }
  }

  Optional<ChannelItem> item(ShopCredentials shop, String numIid) {
    TopResponse response;
    try {
      response = client.call(shop, ItemRequests.sellerGet(numIid));
    } catch (ChannelException e) {
      if (e.kind() == Kind.PERMANENT && e.getCause() instanceof TopApiException api && api.error().isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    return response.object("item").map(item -> mapOne(shop, item));
  }

  List<ChannelItem> items(ShopCredentials shop, Collection<String> numIids) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(numIids));
    List<ChannelItem> items = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += ItemRequests.SELLER_LIST_MAX_IDS) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ItemRequests.SELLER_LIST_MAX_IDS));
      TopResponse response = client.call(shop, ItemRequests.sellerListGet(chunk));
      items.addAll(map(shop, response));
    }
    return List.copyOf(items);
  }

  private static List<ChannelItem> map(ShopCredentials shop, TopResponse page) {
    try {
      return page.list("items").stream().map(ItemMapper::item).toList();
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }

  private static ChannelItem mapOne(ShopCredentials shop, JsonNode item) {
    try {
      return ItemMapper.item(item);
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }
}
