package com.tmallbridge.stock;

import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelSku;
import com.tmallbridge.channel.ItemCatalog;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.PublicationRepository.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads what Tmall shows for a shop's listed items and compares it with the wanted figures. */
@Component
class DriftCheck {
  private final ItemCatalog catalog;
  private final PublicationRepository publications;

  DriftCheck(ItemCatalog catalog, PublicationRepository publications) {
    this.catalog = catalog;
    this.publications = publications;
  }

  List<Drift> check(Shop shop) {
    List<Row> rows = publications.rows(shop.id());
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> numIids = rows.stream().map(Row::numIid).distinct().toList();
    Map<String, ChannelItem> items = catalog.items(shop.credentials(), numIids).stream()
        .collect(Collectors.toMap(ChannelItem::numIid, i -> i, (a, b) -> a));
    List<Drift> drifts = new ArrayList<>();
    for (Row r : rows) {
      long tmall = shown(items.get(r.numIid()), r.skuId());
      if (tmall != r.wanted()) {
        drifts.add(new Drift(shop.code(), r.numIid(), r.skuId(), tmall, r.wanted()));
      }
    }
    return drifts;
  }

  private static long shown(ChannelItem item, String skuId) {
    if (item == null) {
      return -1;
    }
    if (skuId.isEmpty()) {
      return item.quantity();
    }
    Map<String, Integer> bySku = new HashMap<>();
    for (ChannelSku sku : item.skus()) {
      bySku.put(sku.skuId(), sku.quantity());
    }
    Integer q = bySku.get(skuId);
    return q == null ? -1 : q;
  }
}
