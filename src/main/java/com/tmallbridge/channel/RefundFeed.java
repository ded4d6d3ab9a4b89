package com.tmallbridge.channel;

import com.tmallbridge.core.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a shop's refunds (after-sale cases: refund only, return and refund, exchange, reship).
 * Implementations page through the channel's incremental refund list, complete entries the list
 * returns without item detail, and honour the channel's flow control. Thread-safe.
 */
public interface RefundFeed {

  /**
   * Delivers every refund whose modified time falls in {@code window} (both ends inclusive,
   * second precision) to {@code pageSink}, one page at a time. A refund may be delivered more than
   * once; callers apply a snapshot only when its {@link ChannelRefund#modified()} is newer. When
   * this method returns normally the whole window has been delivered; when it throws, some pages
   * may have been delivered and the window is not done.
   *
   * @param window at most one day long
   * @throws IllegalArgumentException when the window is longer than one day
   * @throws ChannelException when the channel refuses or fails after the client's retries; a
   *     listed refund that cannot be read fails the window as PERMANENT
   */
  void changedRefunds(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink);

  /**
   * Like {@link #changedRefunds(ShopCredentials, TimeWindow, Consumer)}, but a listed refund that
   * cannot be read goes to {@code unreadableSink} and the window goes on.
   */
  void changedRefunds(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink, Consumer<UnreadableRefund> unreadableSink);

  /**
   * Like {@link #changedRefunds(ShopCredentials, TimeWindow, Consumer, Consumer)}, but a listed
   * refund the caller already holds at that version or a later one ({@code held} answers true for
   * its id, modified time and status as the list shows them) is neither completed with a detail
   * call nor delivered: storing it would change nothing, and the call would spend the shop's
   * quota. Each pull re-reads an overlap before its checkpoint, so most of what it lists is known.
   * The default ignores {@code held} and delivers everything.
   */
  default void changedRefunds(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink,
      Consumer<UnreadableRefund> unreadableSink, HeldVersions held) {
    changedRefunds(shop, window, pageSink, unreadableSink);
  }

  /** What the caller already stored, asked per listed refund (see {@link #changedRefunds(ShopCredentials, TimeWindow, Consumer, Consumer, HeldVersions)}). */
  @FunctionalInterface
  interface HeldVersions {
    /** Whether the refund is held at {@code modified} with {@code status}, or at a later version. */
    boolean holds(String refundId, Instant modified, String status);
  }

  /**
   * Fetches one refund with full detail.
   *
   * @return empty when the channel says the refund does not exist for this seller
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  Optional<ChannelRefund> refund(ShopCredentials shop, String refundId);

  /**
   * Re-reads a refund from the raw JSON this feed delivered earlier as {@link
   * ChannelRefund#rawJson()}, without calling the channel.
   *
   * @throws IllegalArgumentException when the text is not a refund this feed produced
   */
  ChannelRefund fromSnapshot(String rawJson);
}
