package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A trade and the sales order it became. {@code origins} parallel the order's lines: combo
 * sub-orders expand into several lines, gifts add lines with no sub-order.
 */
record Normalised(ChannelTrade trade, SalesOrder order, List<LineOrigin> origins) {

  Normalised {
    origins = List.copyOf(origins);
    if (origins.size() != order.lines().size()) {
      throw new IllegalArgumentException("trade " + trade.tid() + ": " + origins.size() + " origins for " + order.lines().size() + " lines");
    }
  }

  /** The order's material lines for stock (components of combos and gifts included), with their Tmall origin. */
  List<TradeStockEvent.Line> stockLines() {
    List<TradeStockEvent.Line> lines = new ArrayList<>();
    for (int i = 0; i < origins.size(); i++) {
      SalesOrderLine l = order.lines().get(i);
      LineOrigin o = origins.get(i);
      lines.add(new TradeStockEvent.Line(o.oid(), o.numIid(), o.skuId(), l.material(), l.quantity()));
    }
    return lines;
  }
}
