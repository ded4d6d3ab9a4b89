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
   * Reads the trades that pushed messages name ({@link ChannelMessage#tid()}; messages without one
   * are ignored), in as few calls as the channel allows: each trade read goes to {@code
   * sink.read} together with the moment ({@link System#nanoTime()}) the call that read it began, so
   * that the caller knows which messages the snapshot answers (a read that began after a message
   * was received reflects that message's change). A listed read may return other trades too. Every
   * tid ends in {@code sink.read}, {@code sink.missing} or {@code sink.refused} unless this method
   * throws. The default implementation reads each distinct tid with {@link #trade}.
   *
   * @return the calls made to the channel (the caller paces its rounds by them)
   * @throws ChannelException when the channel refuses or fails after the client's retries; trades
   *     read before that were already given to the sink
   */
  default int pushedTrades(ShopCredentials shop, List<ChannelMessage> messages, PushedTradeSink sink) {
    int calls = 0;
    for (String tid : messages.stream().map(ChannelMessage::tid).filter(java.util.Objects::nonNull).distinct().toList()) {
      long started = System.nanoTime();
      Optional<ChannelTrade> trade;
      calls++;
      try {
        trade = trade(shop, tid);
      } catch (ChannelException e) {
        if (e.kind() != ChannelException.Kind.PERMANENT) {
          throw e;
        }
        sink.refused(tid, e);
        continue;
      }
      if (trade.isPresent()) {
        sink.read(List.of(trade.get()), started);
      } else {
        sink.missing(tid);
      }
    }
    return calls;
  }

  /**
   * Receives what {@link #pushedTrades} read. Called one call at a time (a reader that lists
   * several groups at once serialises its calls to the sink), never concurrently.
   */
  interface PushedTradeSink {
    /**
     * Whether a listed trade {@code tid} would answer a message now. A reader may skip the trades of
     * a list page for which this says false instead of mapping them (or completing them with
     * further calls): pages of a peak list many trades already read. The tids of the messages
     * given to {@link #pushedTrades} must be wanted. The default wants every trade.
     */
    default boolean wants(String tid) {
      return true;
    }

    /**
     * Trades read by one call.
     *
     * @param startedNanos {@link System#nanoTime()} when that call began
     */
    void read(List<ChannelTrade> trades, long startedNanos);

    /** The channel says trade {@code tid} does not exist for this seller. */
    void missing(String tid);

    /** The channel refused to return trade {@code tid} for good (kind PERMANENT: e.g. it cannot be read). */
    void refused(String tid, ChannelException problem);
  }

  /**
   * Re-reads a trade from the raw JSON this feed delivered earlier as {@link ChannelTrade#rawJson()}
   * (kept in the inbox), without calling the channel: used to re-apply a held trade after an
   * operator fixed a mapping.
   *
   * @throws IllegalArgumentException when the text is not a trade this feed produced
   */
  ChannelTrade fromSnapshot(String rawJson);
}
