package com.tmallbridge.channel.tmall;

import java.util.Collection;

/** Builds the requests of TOP's item APIs. */
final class ItemRequests {
  static final String ONSALE_GET = "taobao.items.onsale.get";
  static final String SELLER_GET = "taobao.item.seller.get";
  static final String SELLER_LIST_GET = "taobao.items.seller.list.get";
  /** items.seller.list.get takes at most this many ids. */
  static final int SELLER_LIST_MAX_IDS = 20;
  /** items.onsale.get's largest page. */
  static final int ONSALE_MAX_PAGE_SIZE = 200;

  private ItemRequests() {}

  /** One page of items on sale, oldest modification first so that paging is stable. */
  static TopRequest onsaleGet(long pageNo, int pageSize) {
    return TopRequest.of(ONSALE_GET)
        .with("fields", ItemMapper.LIST_FIELDS)
        .with("page_no", pageNo)
        .with("page_size", pageSize)
        .with("order_by", "modified:asc");
  }

  /** One item with its SKUs; the response holds {@code item}. */
  static TopRequest sellerGet(String numIid) {
    return TopRequest.of(SELLER_GET).with("fields", ItemMapper.DETAIL_FIELDS).with("num_iid", numIid);
  }

  /** Up to {@value #SELLER_LIST_MAX_IDS} items with their SKUs; unknown ids are skipped by TOP. */
  static TopRequest sellerListGet(Collection<String> numIids) {
    if (numIids.isEmpty() || numIids.size() > SELLER_LIST_MAX_IDS) {
      throw new IllegalArgumentException("items.seller.list.get takes 1-20 ids, got " + numIids.size());
    }
    return TopRequest.of(SELLER_LIST_GET)
        .with("fields", ItemMapper.DETAIL_FIELDS)
        .with("num_iids", String.join(",", numIids));
  }
}
