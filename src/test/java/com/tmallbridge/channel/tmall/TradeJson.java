package com.tmallbridge.channel.tmall;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Builds small TOP trade answers for the channel tests. */
final class TradeJson {
  private TradeJson() {}

  /** A complete trade with one sub-order whose oid is {@code tid * 10}. */
  static String complete(long tid) {
    return """
        {"tid":%d,"status":"WAIT_SELLER_SEND_GOODS","created":"2024-11-11 00:00:00","modified":"2024-11-11 00:10:00",
         "payment":"10.00","orders":{"order":[{"oid":%d,"num_iid":7,"title":"t","num":1,"price":"10.00",
         "total_fee":"10.00","payment":"10.00"}]}}"""
        .formatted(tid, tid * 10);
  }

  /** A list entry without sub-orders: the feed must fetch the full trade. */
  static String partial(long tid) {
    return """
        {"tid":%d,"status":"WAIT_SELLER_SEND_GOODS","modified":"2024-11-11 00:10:00"}"""
        .formatted(tid);
  }

  /** An increment.get page holding {@code trades} with {@code total} results in all. */
  static String page(long total, List<String> trades) {
    return "{\"trades_sold_increment_get_response\":{\"total_results\":" + total + ",\"trades\":{\"trade\":["
        + String.join(",", trades) + "]},\"request_id\":\"p\"}}";
  }

  /** Page {@code pageNo} of {@code total} complete trades with tids 1..total, {@code pageSize} a page. */
  static String pageOf(long total, int pageSize, long pageNo) {
    long from = (pageNo - 1) * pageSize + 1;
    long to = Math.min(total, pageNo * pageSize);
    return page(total, LongStream.rangeClosed(from, to).mapToObj(TradeJson::complete).collect(Collectors.toList()));
  }

  /** A trade.fullinfo.get answer for a complete trade. */
  static String fullinfo(long tid) {
    return "{\"trade_fullinfo_get_response\":{\"trade\":" + complete(tid) + "}}";
  }
}
