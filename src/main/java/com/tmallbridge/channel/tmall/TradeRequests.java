package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.TimeWindow;
import java.time.Instant;

/** Builds the requests of TOP's trade APIs (taobao.trades.sold.increment.get and friends). */
final class TradeRequests {
  static final String INCREMENT_GET = "taobao.trades.sold.increment.get";
  static final String SOLD_GET = "taobao.trades.sold.get";
  static final String FULLINFO_GET = "taobao.trade.fullinfo.get";

  private TradeRequests() {}

  /**
   * One page of trades modified in {@code window} (at most one day; both ends inclusive), newest
   * first, with {@code total_results} ({@code use_has_next=false}).
   */
  static TopRequest incrementGet(TimeWindow window, String fields, String types, long pageNo, int pageSize) {
    return TopRequest.of(INCREMENT_GET)
        .with("fields", fields)
        .with("type", types)
        .with("start_modified", TopDateTime.format(window.start()))
        .with("end_modified", TopDateTime.format(window.end()))
        .with("page_no", pageNo)
        .with("page_size", pageSize)
        .with("use_has_next", false);
  }

  /**
   * One page of trades modified in {@code window} whose status is {@code status}, newest first,
   * with {@code has_next} instead of {@code total_results} ({@code use_has_next=true}, which TOP
   * calls the cheaper form).
   */
  static TopRequest incrementGetNext(TimeWindow window, String fields, String types, String status, long pageNo, int pageSize) {
    return TopRequest.of(INCREMENT_GET)
        .with("fields", fields)
        .with("type", types)
        .with("status", status)
        .with("start_modified", TopDateTime.format(window.start()))
        .with("end_modified", TopDateTime.format(window.end()))
        .with("page_no", pageNo)
        .with("page_size", pageSize)
        .with("use_has_next", true);
  }

  /** One page of trades created between {@code start} and {@code end} (last three months only). */
  static TopRequest soldGet(Instant start, Instant end, String fields, long pageNo, int pageSize) {
    return TopRequest.of(SOLD_GET)
        .with("fields", fields)
        .with("start_created", TopDateTime.format(start))
        .with("end_created", TopDateTime.format(end))
        .with("page_no", pageNo)
        .with("page_size", pageSize)
        .with("use_has_next", false);
  }

  /** One trade with full detail; the response holds {@code trade}. */
  static TopRequest fullinfoGet(String tid, String fields) {
    return TopRequest.of(FULLINFO_GET).with("fields", fields).with("tid", tid);
  }
}
