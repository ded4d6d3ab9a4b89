package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.TimeWindow;

/** Builds the requests of TOP's bill APIs (taobao.bill.accounts.get, taobao.bill.bills.get, taobao.bill.book.bills.get). */
final class BillRequests {
  static final String ACCOUNTS_GET = "taobao.bill.accounts.get";
  static final String BILLS_GET = "taobao.bill.bills.get";
  static final String BOOK_BILLS_GET = "taobao.bill.book.bills.get";
  /** bills.get's largest page (its range is 40..100). */
  static final int PAGE_SIZE = 100;
  /** bills.get lists at most this many lines of one query window. */
  static final int MAX_RESULTS = 5_000;

  static final String ACCOUNT_FIELDS = "account_id,account_code,account_name,account_type,related_order,status";
  static final String BILL_FIELDS =
      "bid,account_id,trade_id,order_id,num_iid,amount,total_amount,status,biz_time,pay_time,book_time,gmt_modified";

  private BillRequests() {}

  /** Every fee account of the seller. */
  static TopRequest accountsGet() {
    return TopRequest.of(ACCOUNTS_GET).with("fields", ACCOUNT_FIELDS);
  }

  /**
   * One page of bill lines whose biz_time ({@code timeType} 1) or pay_time (2) falls in the window.
   */
  static TopRequest billsGet(TimeWindow window, int timeType, int pageNo) {
    return TopRequest.of(BILLS_GET)
        .with("fields", BILL_FIELDS)
        .with("start_time", TopDateTime.format(window.start()))
        .with("end_time", TopDateTime.format(window.end()))
        .with("time_type", timeType)
        .with("page_no", pageNo)
        .with("page_size", PAGE_SIZE);
  }

  /** One page of the virtual account's journal, booked in the window (at most 30 days). */
  static TopRequest bookBillsGet(long accountId, TimeWindow window, int pageNo) {
    return TopRequest.of(BOOK_BILLS_GET)
        .with("fields", "bid,account_id,journal_type,amount,book_time,description,gmt_create")
        .with("account_id", accountId)
        .with("start_time", TopDateTime.format(window.start()))
        .with("end_time", TopDateTime.format(window.end()))
        .with("page_no", pageNo)
        .with("page_size", PAGE_SIZE);
  }
}
