package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import java.time.Instant;
import java.util.List;

/** Small builders of channel trades for tests. */
final class TestTrades {
  static final Instant CREATED = Instant.parse("2026-11-10T16:00:05Z");

  private TestTrades() {}

  static ChannelTradeLine line(String oid, String outerSkuId, int num, long priceFen, long paymentFen, Long divideFen) {
    return new ChannelTradeLine(oid, "600" + oid, "700" + oid, "ITEM-" + oid, outerSkuId, "连衣裙", "颜色:白色;尺码:XL", num,
        priceFen, paymentFen, paymentFen, divideFen, 0, 0, "WAIT_SELLER_SEND_GOODS", "NO_REFUND");
  }

  static ChannelTrade paid(String tid, long paymentFen, long postFeeFen, List<ChannelTradeLine> lines) {
    return trade(tid, "WAIT_SELLER_SEND_GOODS", CREATED.plusSeconds(60), paymentFen, postFeeFen, lines, CREATED.plusSeconds(120));
  }

  static ChannelTrade trade(String tid, String status, Instant payTime, long paymentFen, long postFeeFen, List<ChannelTradeLine> lines,
      Instant modified) {
    return new ChannelTrade(tid, status, "fixed", CREATED, modified, payTime, paymentFen, postFeeFen, paymentFen, 0, 0, "t**3",
        "AAHm5d-open-uid-" + tid, "屈**", "138****1234", null, "浙江省", "杭州市", "西湖区", "文三路***号", "310000", "请尽快发货", null, 0,
        lines, "{\"tid\":" + tid + "}");
  }
}
