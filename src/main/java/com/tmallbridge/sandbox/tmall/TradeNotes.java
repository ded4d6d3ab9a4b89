package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * Free text on a trade: the buyer's message at checkout, the seller's memo and its flag (0 none, 1
 * red, 2 yellow, 3 green, 4 blue, 5 purple).
 */
record TradeNotes(@Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag) {

  TradeNotes withMemo(String memo, int flag) {
    return new TradeNotes(buyerMessage, memo, flag);
  }
}
