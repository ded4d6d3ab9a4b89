package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.SettlementFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link SettlementFeed} over TOP: taobao.bill.accounts.get for the accounts, taobao.bill.bills.get
 * (100 a page, {@code time_type} 1 for {@link BillTime#BIZ_TIME}, 2 for {@link BillTime#PAY_TIME})
 * for the lines, mapped by {@link BillMapper}.
 *
 * <p>TOP lists at most 5,000 lines of one query window: when page 1 says {@code total_results} ≥
 * 5,000 the window is split in two halves ({@code [start, mid]} and {@code [mid + 1 s, end]}, both
 * ends inclusive at second precision) and each half read the same way, recursively. A window no
 * longer than {@code minSplit} that still reports 5,000 fails with {@link
 * TmallErrorCode#SETTLEMENT_WINDOW_FULL} (PERMANENT), naming the window and what to do. Pages are
 * read forward until {@code has_next} is false; a window that delivers 5,000 lines that way (a
 * gateway whose {@code total_results} counts only the page, as TOP's own description of the field
 * can be read) is split as well, its lines then delivered twice (harmless: see {@link
 * SettlementFeed}). Thread-safe.
 */
@Component
class TmallSettlementFeed implements SettlementFeed {
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  /** 5,000 lines at 100 a page, and one more in case a gateway says has_next at the cap. */
  private static final int MAX_PAGES = BillRequests.MAX_RESULTS / BillRequests.PAGE_SIZE + 1;

  private final TopClient client;

  TmallSettlementFeed(TopClient client) {
    this.client = client;
  }

  @Override
  public List<BillAccount> accounts(ShopCredentials shop) {
    TopResponse response = client.call(shop, BillRequests.accountsGet());
    List<BillAccount> accounts = new ArrayList<>();
    for (JsonNode node : response.list("accounts")) {
      try {
        accounts.add(BillMapper.account(node));
      } catch (IllegalArgumentException e) {
        throw TopExceptionTranslator.unreadable(shop.shop(), e);
      }
    }
    return List.copyOf(accounts);
  }

  @Override
  public int settlements(ShopCredentials shop, List<BillAccount> accounts, TimeWindow window, BillTime axis, Duration minSplit,
      Consumer<List<SettlementEntry>> pageSink) {
    if (window.length().compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("bills are read at most one day at a time, window " + window + " is " + window.length());
    }
    if (minSplit.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the shortest split window must be at least 1s, got " + minSplit);
    }
    Map<Long, BillAccount> byId = new HashMap<>();
    accounts.forEach(account -> byId.put(account.accountId(), account));
    TimeWindow whole = new TimeWindow(window.start().truncatedTo(ChronoUnit.SECONDS), window.end().truncatedTo(ChronoUnit.SECONDS));
    return read(shop, byId, whole, axis == BillTime.BIZ_TIME ? 1 : 2, minSplit, pageSink);
  }

  private int read(ShopCredentials shop, Map<Long, BillAccount> accounts, TimeWindow window, int timeType, Duration minSplit,
      Consumer<List<SettlementEntry>> pageSink) {
    TopResponse first = client.call(shop, BillRequests.billsGet(window, timeType, 1));
    if (first.totalResults() >= BillRequests.MAX_RESULTS) {
      return split(shop, accounts, window, timeType, minSplit, pageSink, first.totalResults());
    }
    int delivered = deliver(shop, first, accounts, pageSink);
    TopResponse page = first;
    for (int pageNo = 2; hasNext(page) && pageNo <= MAX_PAGES; pageNo++) {
      page = client.call(shop, BillRequests.billsGet(window, timeType, pageNo));
      delivered += deliver(shop, page, accounts, pageSink);
    }
    if (delivered >= BillRequests.MAX_RESULTS) {
      // a gateway whose total_results counts only the page (as TOP's docs can be read) still stops at 5,000
      return delivered + split(shop, accounts, window, timeType, minSplit, pageSink, delivered);
    }
    return delivered;
  }

  /** Reads the window's two halves; fails when the window is already no longer than {@code minSplit}. */
  private int split(ShopCredentials shop, Map<Long, BillAccount> accounts, TimeWindow window, int timeType, Duration minSplit,
      Consumer<List<SettlementEntry>> pageSink, long reported) {
    if (window.length().compareTo(minSplit) <= 0) {
      throw new ChannelException(TmallErrorCode.SETTLEMENT_WINDOW_FULL, Kind.PERMANENT, TmallErrorCode.SETTLEMENT_WINDOW_FULL.code()
          + " shop " + shop.shop() + ": Tmall reports " + reported + " bill lines between " + window.start() + " and "
          + window.end() + " (" + window.length() + ", time_type " + timeType + ") and lists at most " + BillRequests.MAX_RESULTS
          + " per query; set bridge.finance.min-split-window below " + minSplit + " (at least 1s) and import again", null, null);
    }
    Instant mid = window.start().plus(window.length().dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
    int left = read(shop, accounts, new TimeWindow(window.start(), mid), timeType, minSplit, pageSink);
    Instant rightStart = mid.plusSeconds(1);
    int right = rightStart.isAfter(window.end())
        ? 0
        : read(shop, accounts, new TimeWindow(rightStart, window.end()), timeType, minSplit, pageSink);
    return left + right;
  }

  private static boolean hasNext(TopResponse page) {
    return page.hasNext() && !page.list("bills").isEmpty();
  }

  private static int deliver(ShopCredentials shop, TopResponse page, Map<Long, BillAccount> accounts,
      Consumer<List<SettlementEntry>> pageSink) {
    List<SettlementEntry> entries = new ArrayList<>();
    for (JsonNode bill : page.list("bills")) {
      try {
        entries.add(BillMapper.entry(shop.shop(), bill, accounts));
      } catch (IllegalArgumentException e) {
        throw TopExceptionTranslator.unreadable(shop.shop(), e);
      }
    }
    if (!entries.isEmpty()) {
      pageSink.accept(List.copyOf(entries));
    }
    return entries.size();
  }
}
