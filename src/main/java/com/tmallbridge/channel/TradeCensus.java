package com.tmallbridge.channel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lists a shop's trades by creation time, for the daily completeness check: which trades exist on
 * the channel, not what changed. Thread-safe.
 */
public interface TradeCensus {

  /**
   * Every trade created between {@code start} and {@code end} (both inclusive, second precision),
   * in no particular order, each once.
   *
   * @param start not older than the channel keeps (TOP: three months)
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  List<TradeStamp> createdBetween(ShopCredentials shop, Instant start, Instant end);

  /**
   * A listed trade: just enough to count it.
   *
   * @param tid the channel's trade number
   * @param status the channel's status word (TOP's, e.g. {@code WAIT_SELLER_SEND_GOODS})
   * @param created when the buyer placed it
   * @param payTime when it was paid; null while unpaid or when it was never paid
   */
  record TradeStamp(String tid, String status, Instant created, @Nullable Instant payTime) {}
}
