package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.TimeWindow;

/** Builds the requests of TOP's refund APIs (taobao.refunds.receive.get, taobao.refund.get). */
final class RefundRequests {
  static final String RECEIVE_GET = "taobao.refunds.receive.get";
  static final String REFUND_GET = "taobao.refund.get";
  /** refunds.receive.get's largest page. */
  static final int MAX_PAGE_SIZE = 100;

  private RefundRequests() {}

  /**
   * One page of the refunds the seller received that were modified in {@code window}, paged with
   * {@code use_has_next=true} (the response carries {@code has_next} instead of a total).
   */
  static TopRequest receiveGet(TimeWindow window, String types, long pageNo, int pageSize) {
    return TopRequest.of(RECEIVE_GET)
        .with("fields", RefundMapper.LIST_FIELDS)
        .with("type", types)
        .with("start_modified", TopDateTime.format(window.start()))
        .with("end_modified", TopDateTime.format(window.end()))
        .with("page_no", pageNo)
        .with("page_size", pageSize)
        .with("use_has_next", true);
  }

  /** One refund with full detail; the response holds {@code refund}. */
  static TopRequest refundGet(String refundId) {
    return TopRequest.of(REFUND_GET).with("fields", RefundMapper.DETAIL_FIELDS).with("refund_id", refundId);
  }
}
