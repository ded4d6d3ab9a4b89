package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link TradeStockEvent}s while a snapshot is applied (a page's PAID ones together, as
 * {@link TradesPaid}), synchronously, so listeners write in the import transaction. Lines refunded before shipping never count as paid.
 */
@Component
class TradeStockEvents {
  private static final Set<String> CLOSED = Set.of("TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO");
  /** Sub-order statuses that mean the goods have left (on Tmall's side). */
  private static final Set<String> SHIPPED = Set.of("WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED");
  private static final String STORED_LINES = """
      select oid, num_iid, sku_id, material_code, quantity from order_line where shop_id = :shop and tid = :tid order by line_no""";

  private final ApplicationEventPublisher publisher;
  private final JdbcClient jdbc;

  TradeStockEvents(ApplicationEventPublisher publisher, JdbcClient jdbc) {
    this.publisher = publisher;
    this.jdbc = jdbc;
  }

  /**
   * Paid trades (of one page) were queued for the ERP for the first time with their lines (combo
   * components and gifts included, see {@link Normalised#stockLines()}): one {@link TradesPaid} with
   * a PAID event per trade that needs stock, none when no trade does. Gift lines count as paid with
   * the trade; lines of a sub-order refunded before shipping do not.
   */
  void queuedAll(ShopId shop, List<Normalised> queued) {
    List<TradeStockEvent> paid = new ArrayList<>(queued.size());
    for (Normalised n : queued) {
      paid(shop, n.trade(), n.stockLines()).ifPresent(paid::add);
    }
    if (!paid.isEmpty()) {
      publisher.publishEvent(new TradesPaid(paid));
    }
  }

  private static Optional<TradeStockEvent> paid(ShopId shop, ChannelTrade trade, List<TradeStockEvent.Line> lines) {
    if (CLOSED.contains(trade.status())) {
      return Optional.empty();
    }
    Set<String> refunded = new java.util.HashSet<>();
    trade.lines().stream().filter(TradeStockEvents::refundedBeforeShipping).forEach(l -> refunded.add(l.oid()));
    List<TradeStockEvent.Line> paid = lines.stream().filter(l -> !refunded.contains(l.oid())).toList();
    if (paid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TradeStockEvent(shop, trade.tid(), TradeStockEvent.Kind.PAID, paid,
        trade.payTime() != null ? trade.payTime() : trade.modified()));
  }

  /** A trade closed before payment: its listings get back what Tmall held for it (see {@link UnpaidTradeClosed}). */
  void closedUnpaid(ShopId shop, ChannelTrade trade) {
    List<UnpaidTradeClosed.Listing> listings = trade.lines().stream()
        .map(l -> new UnpaidTradeClosed.Listing(l.numIid(), l.skuId() == null ? "" : l.skuId())).distinct().toList();
    if (!listings.isEmpty()) {
      publisher.publishEvent(new UnpaidTradeClosed(shop, trade.tid(), listings, trade.modified()));
    }
  }

  /** A newer snapshot of a trade already QUEUED or EXPORTED: closed, or some lines refunded. */
  void updated(ShopId shop, ChannelTrade trade) {
    if (CLOSED.contains(trade.status())) {
      List<TradeStockEvent.Line> all = stored(shop, trade.tid());
      if (!all.isEmpty()) {
        publisher.publishEvent(new TradeStockEvent(shop, trade.tid(), TradeStockEvent.Kind.CLOSED, all, trade.modified()));
      }
      return;
    }
    Set<String> refunded = new java.util.HashSet<>();
    trade.lines().stream().filter(TradeStockEvents::refundedBeforeShipping).forEach(l -> refunded.add(l.oid()));
    if (refunded.isEmpty()) {
      return;
    }
    List<TradeStockEvent.Line> lines = stored(shop, trade.tid()).stream().filter(l -> refunded.contains(l.oid())).toList();
    if (!lines.isEmpty()) {
      publisher.publishEvent(new TradeStockEvent(shop, trade.tid(), TradeStockEvent.Kind.REFUNDED, lines, trade.modified()));
    }
  }

  private static boolean refundedBeforeShipping(ChannelTradeLine l) {
    return "SUCCESS".equals(l.refundStatus()) && !SHIPPED.contains(l.status());
  }

  private List<TradeStockEvent.Line> stored(ShopId shop, String tid) {
    return jdbc.sql(STORED_LINES).param("shop", shop.value()).param("tid", tid)
        .query((rs, n) -> new TradeStockEvent.Line(subOrder(rs.getString("oid")), rs.getString("num_iid"),
            rs.getString("sku_id") == null ? "" : rs.getString("sku_id"), new MaterialCode(rs.getString("material_code")),
            rs.getInt("quantity")))
        .list();
  }

  /** The Tmall sub-order of a stored line id: combo component lines are stored as {@code oid#2}, {@code oid#3}... */
  private static String subOrder(String lineId) {
    int hash = lineId.indexOf('#');
    return hash < 0 ? lineId : lineId.substring(0, hash);
  }
}
