package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * A trade closed before payment ({@code TRADE_CLOSED_BY_TAOBAO}) was imported. On a 拍下减库存 item
 * Tmall took the trade's units from the listing's figure when the trade was created and now gives
 * them back — on top of whatever figure was pushed meanwhile — so the stock flow pushes the
 * listings again. Published synchronously in the importing transaction; listeners must be
 * idempotent.
 *
 * @param shop the shop
 * @param tid the trade
 * @param listings the listings its sub-orders were bought from
 * @param at the snapshot's modified time
 */
public record UnpaidTradeClosed(ShopId shop, String tid, List<Listing> listings, Instant at) {

  public UnpaidTradeClosed {
    listings = List.copyOf(listings);
  }

  /** A Tmall listing: item and SKU ({@code ""} for an item without SKUs). */
  public record Listing(String numIid, String skuId) {}
}
