package com.tmallbridge.order;

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
 */
@ConfigurationProperties("bridge.order.messages")
public record TradeMessageProperties(@DefaultValue({"taobao_trade_TradeCreate", "taobao_trade_TradeSellerShip", "taobao_trade_TradePartlySellerShip"})
    List<String> skipTopics) {

  public TradeMessageProperties {
    skipTopics = List.copyOf(skipTopics);
    for (String t : skipTopics) {
      if (!t.startsWith("taobao_trade_")) {
        throw new IllegalArgumentException("bridge.order.messages.skip-topics takes trade topics (taobao_trade_...), got " + t);
      }
    }
  }
}
