package com.tmallbridge.channel;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a shop's settlement lines (bills) and fee accounts from the marketplace, in the bridge's
 * canonical form ({@link SettlementEntry}). Implementations page through the channel's bill list,
 * split windows the channel cannot list completely, and honour its flow control. Thread-safe.
 */
public interface SettlementFeed {

  /** Which time of a line a window selects. */
  enum BillTime {
    /** When the business event happened (trade completion, refund): every line, paid or not. */
    BIZ_TIME,
    /** When the money moved: only paid lines; how a line that turned paid is found again. */
    PAY_TIME
  }

  /**
   * The shop's fee accounts.
   *
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  List<BillAccount> accounts(ShopCredentials shop);

  /**
   * Delivers every line whose {@code axis} time falls in {@code window} (both ends inclusive,
   * second precision) to {@code pageSink}, a page at a time; a line may be delivered more than once.
   * The accounts classify the lines (see the implementation for the rules). When this returns
   * normally the whole window was delivered; when it throws, some pages may have been.
   *
   * @param window at most one day long
   * @param minSplit the shortest window the implementation splits a window into when the channel
   *     cannot list all of a window's lines (Tmall: 5,000 per query); at least one second
   * @return how many lines were delivered
   * @throws IllegalArgumentException when the window is longer than one day or minSplit below 1 s
   * @throws ChannelException when the channel refuses or fails after the client's retries, a line
   *     cannot be read, or a window of {@code minSplit} still holds more lines than the channel lists
   */
  int settlements(ShopCredentials shop, List<BillAccount> accounts, TimeWindow window, BillTime axis, Duration minSplit,
      Consumer<List<SettlementEntry>> pageSink);
}
