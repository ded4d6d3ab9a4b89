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
import com.tmallbridge.product.Component;
import com.tmallbridge.product.GiftRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a paid Tmall trade into a canonical sales order. Pure: no I/O.
 *
 * <p>Money: the lines' amounts are the trade's payment minus its post fee, apportioned over the
 * lines by largest remainder with each line's {@code divide_order_fee} as weight (its
 * {@code payment} when any line lacks it), so lines plus post fee equal the payment to the fen.
 *
 * <p>Combos (组合装): a sub-order that matched a combo becomes one ERP line per component, quantity
 * = sub-order quantity × component quantity. The sub-order's amount is apportioned over its
 * components by largest remainder with weight ERP sale price × component quantity, or by component
 * quantity alone when every such weight is 0 (prices unknown or zero). The first component line
 * keeps the sub-order id as external line id, the next ones get {@code oid#2}, {@code oid#3}, … so
 * ids stay unique within the order. Gifts (赠品) follow as zero-priced lines with the external id
 * {@code gift-<ruleId>}.
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
    Map<String, SkuResolver.LineMatch> matches = new HashMap<>();
    materials.forEach((oid, m) -> matches.put(oid, SkuResolver.LineMatch.plain(m)));
    return normalise(shop, shopCode, trade, matches, unresolved, Map.of(), List.of());
  }

  /**
   * @param shop the shop
   * @param shopCode the shop's code
   * @param trade the trade (must be paid)
   * @param matches what each resolved sub-order matched (plain material or combo)
   * @param unresolved readable reasons per sub-order id for lines that did not resolve
   * @param salePrices ERP sale prices of combo components (missing = 0)
   * @param gifts gifts the trade earned
   */
  Normalisation normalise(
      ShopId shop, String shopCode, ChannelTrade trade, Map<String, SkuResolver.LineMatch> matches, Map<String, String> unresolved,
      Map<MaterialCode, Long> salePrices, List<GiftRules.Gift> gifts) {
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
    List<LineOrigin> origins = new ArrayList<>();
    for (int i = 0; i < trade.lines().size(); i++) {
      ChannelTradeLine l = trade.lines().get(i);
      SkuResolver.LineMatch m = matches.get(l.oid());
      LineOrigin origin = new LineOrigin(l.oid(), l.numIid(), l.skuId() == null ? "" : l.skuId());
      if (m.plain()) {
        lines.add(new SalesOrderLine(lines.size() + 1, l.oid(), m.components().get(0).material(), l.num(), l.priceFen(), amounts[i], title(l)));
        origins.add(origin);
        continue;
      }
      List<Component> components = m.components();
      long[] parts = Apportionment.byLargestRemainder(amounts[i], comboWeights(components, salePrices));
      for (int k = 0; k < components.size(); k++) {
        Component c = components.get(k);
        lines.add(new SalesOrderLine(lines.size() + 1, k == 0 ? l.oid() : l.oid() + "#" + (k + 1), c.material(),
            Math.multiplyExact(l.num(), c.quantity()), salePrices.getOrDefault(c.material(), 0L), parts[k],
            title(l) + " {combo " + m.code() + ": " + c.material() + " x" + c.quantity() + "}"));
        origins.add(origin);
      }
    }
    for (GiftRules.Gift g : gifts) {
      lines.add(new SalesOrderLine(lines.size() + 1, g.lineId(), g.material(), g.quantity(), 0, 0, "gift (rule " + g.ruleId() + ")"));
      origins.add(new LineOrigin(g.lineId(), "", ""));
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
            trade.sellerMemo()),
        origins);
  }

  /** ERP sale price × component quantity; component quantity alone when all of those are 0. */
  static long[] comboWeights(List<Component> components, Map<MaterialCode, Long> salePrices) {
    long[] byPrice = components.stream()
        .mapToLong(c -> Math.multiplyExact(Math.max(0L, salePrices.getOrDefault(c.material(), 0L)), (long) c.quantity()))
        .toArray();
    if (java.util.Arrays.stream(byPrice).anyMatch(w -> w > 0)) {
      return byPrice;
    }
    return components.stream().mapToLong(Component::quantity).toArray();
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
