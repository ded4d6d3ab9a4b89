package com.tmallbridge.channel.tmall;

import tools.jackson.databind.JsonNode;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.TradeCensus.TradeStamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists trades by creation time with taobao.trades.sold.get ({@code start_created}/{@code
 * end_created}, fields {@code tid,status,created,pay_time}), page by page from the first, each
 * page as large as TOP allows. A window in the past gains no new trades while it is read, so the
 * pages do not shift; a trade seen twice is kept once.
 */
final class TmallTradeCensus {
  static final String FIELDS = "tid,status,created,pay_time";
  static final int PAGE_SIZE = 100;

  private final TopClient client;

  TmallTradeCensus(TopClient client) {
    this.client = client;
  }

  List<TradeStamp> createdBetween(ShopCredentials shop, Instant start, Instant end) {
    Map<String, TradeStamp> seen = new LinkedHashMap<>();
    long pageNo = 1;
    while (true) {
      TopResponse page = client.call(shop, TradeRequests.soldGet(start, end, FIELDS, pageNo, PAGE_SIZE));
      List<JsonNode> trades = page.list("trades");
      for (JsonNode t : trades) {
        TradeStamp stamp = new TradeStamp(TopValues.requiredText(t, "tid"), TopValues.requiredText(t, "status"),
            TopValues.requiredInstant(t, "created"), TopValues.instant(t, "pay_time"));
        seen.putIfAbsent(stamp.tid(), stamp);
      }
      if (trades.size() < PAGE_SIZE || pageNo * PAGE_SIZE >= page.totalResults()) {
        return new ArrayList<>(seen.values());
      }
      pageNo++;
    }
  }
}
