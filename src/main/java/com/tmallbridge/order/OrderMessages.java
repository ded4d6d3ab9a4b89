package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;

/** Names of the outbox messages the order flow sends. */
final class OrderMessages {
  static final String AGGREGATE = "trade";
  static final String CREATE_SALES_ORDER = "erp.sales-order.create";
  static final String INBOX_SOURCE = "tmall";

  private OrderMessages() {}

  static String aggregateId(ShopId shop, String tid) {
    return shop.value() + ":" + tid;
  }

  static String createKey(String shopCode, String tid, String version) {
    return CREATE_SALES_ORDER + ":" + shopCode + ":" + tid + ":" + version;
  }
}
