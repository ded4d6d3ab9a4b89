package com.tmallbridge.channel;

import com.tmallbridge.core.TimeWindow;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a shop's trades. Implementations page through the channel's incremental API in the order
 * that avoids missed trades (for TOP: last page first), fetch full detail for entries the list
 * returns incomplete, and honour the channel's flow control. Thread-safe.
 */
public interface OrderFeed {

  /**
   * Delivers every trade whose modified time falls in {@code window} (both ends inclusive, second
   * precision) to {@code pageSink}, one page at a time. A trade may be delivered more than once.
   * When this method returns normally every trade of the window has been delivered; when it
   * throws, some pages may have been delivered and the caller must not treat the window as done.
   *
   * @param window at most one day long (TOP's limit); callers use 30 minutes or less
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink);

  /**
   * Like {@link #changedTrades(ShopCredentials, TimeWindow, Consumer)}, but a listed trade that
   * cannot be read goes to {@code unreadableSink} and the window goes on. The default
   * implementation has no unreadable trades to report.
   */
  default void changedTrades(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink, Consumer<UnreadableTrade> unreadableSink) {
    changedTrades(shop, window, pageSink);
  }

  /**
   * Fetches one trade with full detail.
   *
   * @return empty when the channel says the trade does not exist for this seller
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  Optional<ChannelTrade> trade(ShopCredentials shop, String tid);

  /**
   * Re-reads a trade from the raw JSON this feed delivered earlier as {@link ChannelTrade#rawJson()}
   * (kept in the inbox), without calling the channel: used to re-apply a held trade after an
   * operator fixed a mapping.
   *
   * @throws IllegalArgumentException when the text is not a trade this feed produced
   */
  ChannelTrade fromSnapshot(String rawJson);
}
