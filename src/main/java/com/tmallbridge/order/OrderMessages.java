package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;

/** Names of the outbox messages the order flow sends. */
final class OrderMessages {
  static final String AGGREGATE = "trade";
  static final String CREATE_SALES_ORDER = "erp.sales-order.create";
  static final String INBOX_SOURCE = "tmall";
  /** Cancels the ERP order of a trade closed after its ERP order was queued (see {@link TradeAmendments}). */
  static final String CANCEL_SALES_ORDER = "erp.sales-order.cancel";
  /** Updates the receiver and/or notes of a trade's ERP order (see {@link TradeAmendments}). */
  static final String UPDATE_SALES_ORDER = "erp.sales-order.update";

  private OrderMessages() {}

  static String aggregateId(ShopId shop, String tid) {
    return shop.value() + ":" + tid;
  }

  static String createKey(String shopCode, String tid, String version) {
    return CREATE_SALES_ORDER + ":" + shopCode + ":" + tid + ":" + version;
  }
}
