package com.tmallbridge.sandbox.tmall;

import java.util.List;

/** A page of trade snapshots and the number of trades in the whole filtered window. */
record TradePage(int total, List<TradeRecord> trades) {

  TradePage {
    trades = List.copyOf(trades);
  }
}
