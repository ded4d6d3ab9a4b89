package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.RefundFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.UnreadableRefund;
import com.tmallbridge.core.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A fake of the channel's order and refund feeds for after-sale tests: every window delivers
 * every trade and refund put here (repeats are harmless by contract), and snapshots are read back
 * by the id in their raw JSON.
 */
final class FakeChannel {
  static final Instant CREATED = Instant.parse("2026-11-10T16:00:05Z");

  private final Map<String, ChannelTrade> trades = new ConcurrentHashMap<>();
  private final Map<String, ChannelRefund> refunds = new ConcurrentHashMap<>();

  void clear() {
    trades.clear();
    refunds.clear();
  }

  /** A paid trade with one line per {@code materials} entry: oid {@code <tid>1}, {@code <tid>2}…, 2 units of 10.00 each. */
  ChannelTrade paidTrade(String tid, String... materials) {
    List<ChannelTradeLine> lines = new ArrayList<>();
    for (int i = 0; i < materials.length; i++) {
      String oid = tid + (i + 1);
      lines.add(new ChannelTradeLine(oid, "600" + oid, "700" + oid, "ITEM-" + oid, materials[i], "连衣裙", "颜色:白色", 2,
          1_000, 2_000, 2_000, null, 0, 0, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"));
    }
    long payment = 2_000L * materials.length;
    ChannelTrade trade = new ChannelTrade(tid, "WAIT_SELLER_SEND_GOODS", "fixed", CREATED, CREATED.plusSeconds(120), CREATED.plusSeconds(60),
        payment, 0, payment, 0, 0, "t**3", "open-uid-" + tid, "屈**", "138****1234", null, "浙江省", "杭州市", "西湖区", "文三路***号",
        "310000", null, null, 0, lines, "trade:" + tid);
    trades.put(tid, trade);
    return trade;
  }

  void put(ChannelRefund refund) {
    refunds.put(refund.refundId(), refund);
  }

  final OrderFeed orderFeed = new OrderFeed() {
    @Override
    public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
      pageSink.accept(List.copyOf(trades.values()));
    }

    @Override
    public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
      return Optional.ofNullable(trades.get(tid));
    }

    @Override
    public ChannelTrade fromSnapshot(String rawJson) {
      ChannelTrade t = rawJson.startsWith("trade:") ? trades.get(rawJson.substring(6)) : null;
      if (t == null) {
        throw new IllegalArgumentException("not a fake trade: " + rawJson);
      }
      return t;
    }
  };

  final RefundFeed refundFeed = new RefundFeed() {
    @Override
    public void changedRefunds(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink) {
      pageSink.accept(List.copyOf(refunds.values()));
    }

    @Override
    public void changedRefunds(
        ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink, Consumer<UnreadableRefund> unreadableSink) {
      changedRefunds(shop, window, pageSink);
    }

    @Override
    public Optional<ChannelRefund> refund(ShopCredentials shop, String refundId) {
      return Optional.ofNullable(refunds.get(refundId));
    }

    @Override
    public ChannelRefund fromSnapshot(String rawJson) {
      throw new UnsupportedOperationException("the after-sale flow does not replay refund snapshots");
    }
  };
}
