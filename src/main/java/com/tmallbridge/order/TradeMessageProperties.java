package com.tmallbridge.order;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pushed-message consumer ({@code bridge.order.messages.*}); whether messages are
 * consumed at all is {@code bridge.channel.tmall.tmc.enabled}.
 *
 * @param skipTopics trade topics confirmed without fetching the trade. Default {@code
 *     taobao_trade_TradeCreate}, {@code taobao_trade_TradeSellerShip} and {@code
 *     taobao_trade_TradePartlySellerShip}: an unpaid trade needs nothing from the bridge (its
 *     payment comes as {@code TradeBuyerPay}); a shipment is what the bridge itself just wrote back
 *     from the ERP, and no rule acts on Tmall's shipped status. Polling stores both anyway, and at
 *     a peak — when thousands of parcels are written back — every fetch saved keeps the paid
 *     trades' messages from queueing behind them and leaves the shop's call quota to them
 * @param batchInterval the shortest time between the starts of two rounds that read the trades of
 *     a shop's waiting messages together (default 50 ms): a message waits at most this long for its
 *     round when the shop is quiet, and at a peak each round takes every message that came meanwhile
 * @param callsPerSecond the pace of a shop's rounds by the calls they make (default 40, the permits
 *     of TOP's usual 50 calls a second per shop that {@code bridge.channel.tmall.push-reserve} keeps
 *     for these reads while they go on; the poller and the write-backs have the other 10): after a
 *     round that made n calls the next one starts no sooner than n ÷ this many seconds after it
 *     began. A quiet shop's round makes one call, so only {@code batchInterval} counts; at a peak
 *     rounds grow instead of listing the newest second's trades again every 50 ms. At 500 payments a
 *     second a round must list about the whole second of its oldest message (trades of one second
 *     are listed by tid, not by time), so rounds come about every 2.5 ÷ (this − 5) seconds: 170 ms
 *     at 20, 100 ms at 30, 70 ms at 40. On a quiet 2-core machine, three alternating pairs of
 *     {@code bench/latency.sh --tmc-only} gave payment → ERP order p50/p99 of 148–184/588–926 ms at
 *     30 (with a reserve of 30) and 93–125/317–498 ms at 40 (reserve 40): bench/README.md
 */
@ConfigurationProperties("bridge.order.messages")
public record TradeMessageProperties(@DefaultValue({"taobao_trade_TradeCreate", "taobao_trade_TradeSellerShip", "taobao_trade_TradePartlySellerShip"})
    List<String> skipTopics, @DefaultValue("50ms") Duration batchInterval, @DefaultValue("40") int callsPerSecond) {

  public TradeMessageProperties {
    if (batchInterval == null || batchInterval.isNegative()) {
      throw new IllegalArgumentException("bridge.order.messages.batch-interval must not be negative, got " + batchInterval);
    }
    if (callsPerSecond < 1) {
      throw new IllegalArgumentException("bridge.order.messages.calls-per-second must be at least 1, got " + callsPerSecond);
    }
    skipTopics = List.copyOf(skipTopics);
    for (String t : skipTopics) {
      if (!t.startsWith("taobao_trade_")) {
        throw new IllegalArgumentException("bridge.order.messages.skip-topics takes trade topics (taobao_trade_...), got " + t);
      }
    }
  }
}
