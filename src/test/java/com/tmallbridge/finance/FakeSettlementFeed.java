package com.tmallbridge.finance;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.SettlementFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.channel.tmall.TmallErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A scripted settlement feed: delivers the lines put here whose biz_time (or, paid, pay_time) falls
 * in the window, records every window asked for, and fails windows starting at or after {@link
 * #failFrom} with a retryable channel error.
 */
final class FakeSettlementFeed implements SettlementFeed {
  static final List<BillAccount> ACCOUNTS = List.of(new BillAccount(2, "TRADE", "交易", 2), new BillAccount(3, "C", "天猫佣金", 3));

  final Map<String, SettlementEntry> lines = new ConcurrentHashMap<>();
  final List<TimeWindow> windows = new CopyOnWriteArrayList<>();
  volatile Instant failFrom;

  void put(SettlementEntry line) {
    lines.put(line.billId(), line);
  }

  void clear() {
    lines.clear();
    windows.clear();
    failFrom = null;
  }

  @Override
  public List<BillAccount> accounts(ShopCredentials shop) {
    return ACCOUNTS;
  }

  @Override
  public int settlements(ShopCredentials shop, List<BillAccount> accounts, TimeWindow window, BillTime axis, Duration minSplit,
      Consumer<List<SettlementEntry>> pageSink) {
    if (window.length().compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("window " + window + " is longer than a day");
    }
    windows.add(window);
    if (failFrom != null && !window.start().isBefore(failFrom)) {
      throw new ChannelException(TmallErrorCode.TRANSPORT_FAILED, ChannelException.Kind.RETRYABLE, "gateway down", null, null);
    }
    List<SettlementEntry> page = new ArrayList<>();
    for (SettlementEntry line : lines.values()) {
      if (!line.shopId().equals(shop.shop())) {
        continue;
      }
      Instant time = axis == BillTime.BIZ_TIME ? line.bizTime() : line.paid() ? line.payTime() : null;
      if (time != null && window.contains(time)) {
        page.add(line);
      }
    }
    if (!page.isEmpty()) {
      pageSink.accept(page);
    }
    return page.size();
  }
}
