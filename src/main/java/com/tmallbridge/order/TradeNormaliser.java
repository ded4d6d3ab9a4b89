package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.Apportionment;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.ShopId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a paid Tmall trade into a canonical sales order. Pure: no I/O.
 *
 * <p>Money: the lines' amounts are the trade's payment minus its post fee, apportioned over the
 * lines by largest remainder with each line's {@code divide_order_fee} as weight (its
 * {@code payment} when any line lacks it), so lines plus post fee equal the payment to the fen.
 */
final class TradeNormaliser {

  /**
   * @param shop the shop
   * @param shopCode the shop's code
   * @param trade the trade (must be paid)
   * @param materials the ERP material per sub-order id, for lines that resolved
   * @param unresolved readable reasons per sub-order id for lines that did not resolve
   */
  Normalisation normalise(
      ShopId shop, String shopCode, ChannelTrade trade, Map<String, MaterialCode> materials, Map<String, String> unresolved) {
    if (trade.lines().isEmpty()) {
      return new Normalisation.Rejected(OrderReason.INVALID_TRADE, "trade " + trade.tid() + " has no sub-orders");
    }
    for (ChannelTradeLine line : trade.lines()) {
      if (line.num() <= 0) {
        return new Normalisation.Rejected(
            OrderReason.INVALID_TRADE, "sub-order " + line.oid() + " has quantity " + line.num());
      }
    }
    if (!unresolved.isEmpty()) {
      return new Normalisation.Rejected(OrderReason.UNMAPPED_SKU, String.join("; ", unresolved.values()));
    }
    long goods = trade.paymentFen() - trade.postFeeFen();
    if (trade.paymentFen() < 0 || trade.postFeeFen() < 0 || goods < 0) {
      return new Normalisation.Rejected(
          OrderReason.INVALID_AMOUNT,
          "payment " + Money.formatYuan(trade.paymentFen()) + " is below post fee " + Money.formatYuan(trade.postFeeFen()));
    }
    long[] amounts = Apportionment.byLargestRemainder(goods, weights(trade.lines()));
    List<SalesOrderLine> lines = new ArrayList<>();
    for (int i = 0; i < trade.lines().size(); i++) {
      ChannelTradeLine l = trade.lines().get(i);
      lines.add(new SalesOrderLine(i + 1, l.oid(), materials.get(l.oid()), l.num(), l.priceFen(), amounts[i], title(l)));
    }
    return new Normalisation.Ready(
        new SalesOrder(
            shop,
            shopCode,
            new ChannelOrderNo(trade.tid()),
            customer(trade),
            receiver(trade),
            trade.created(),
            Objects.requireNonNullElse(trade.payTime(), trade.modified()),
            lines,
            trade.postFeeFen(),
            trade.paymentFen(),
            trade.buyerMessage(),
            trade.sellerMemo()));
  }

  private static long[] weights(List<ChannelTradeLine> lines) {
    boolean divided = lines.stream().allMatch(l -> l.divideOrderFeeFen() != null && l.divideOrderFeeFen() >= 0);
    boolean paid = lines.stream().allMatch(l -> l.paymentFen() >= 0);
    return lines.stream()
        .mapToLong(l -> divided ? l.divideOrderFeeFen() : paid ? l.paymentFen() : Math.max(0, l.totalFeeFen()))
        .toArray();
  }

  private static String title(ChannelTradeLine l) {
    String props = l.skuPropertiesName();
    return props == null || props.isBlank() ? l.title() : l.title() + " [" + props + "]";
  }

  private static CustomerRecord customer(ChannelTrade t) {
    String key = t.buyerOpenUid() != null ? t.buyerOpenUid() : t.buyerNick() != null ? "nick:" + t.buyerNick() : "tid:" + t.tid();
    String name = t.buyerNick() != null ? t.buyerNick() : "Tmall buyer";
    return new CustomerRecord("tmall:" + key, name, t.receiverState());
  }

  private static Receiver receiver(ChannelTrade t) {
    return new Receiver(
        t.receiverName(), t.receiverMobile(), t.receiverPhone(), t.receiverState(), t.receiverCity(),
        t.receiverDistrict(), t.receiverAddress(), t.receiverZip());
  }
}
