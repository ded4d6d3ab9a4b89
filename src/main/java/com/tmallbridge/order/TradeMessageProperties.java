package com.tmallbridge.order;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pushed-message consumer ({@code bridge.order.messages.*}); whether messages are
 * consumed at all is {@code bridge.channel.tmall.tmc.enabled}.
 *
 * @param skipTopics trade topics confirmed without fetching the trade. Default {@code
 *     taobao_trade_TradeCreate}: an unpaid trade needs nothing from the bridge, its payment comes
 *     as {@code TradeBuyerPay} and polling stores it anyway, and at a peak every call saved leaves
 *     the shop's call quota to the trades that were paid
 */
@ConfigurationProperties("bridge.order.messages")
public record TradeMessageProperties(@DefaultValue("taobao_trade_TradeCreate") List<String> skipTopics) {

  public TradeMessageProperties {
    skipTopics = List.copyOf(skipTopics);
    for (String t : skipTopics) {
      if (!t.startsWith("taobao_trade_")) {
        throw new IllegalArgumentException("bridge.order.messages.skip-topics takes trade topics (taobao_trade_...), got " + t);
      }
    }
  }
}
