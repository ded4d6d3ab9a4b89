package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.UnreadableTrade;
import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a shop's changed trades with taobao.trades.sold.increment.get the way the API's docs demand
 * to avoid missed trades: page 1 first only to learn {@code total_results}, then from the last page
 * back to page 1 (the list is sorted by modified time, newest first, and trades modified during
 * paging drop out of the window and shift later entries forward). List entries without full detail
 * are completed with taobao.trade.fullinfo.get. The next page is fetched while the current one is
 * delivered (one page ahead), so fetching and importing overlap. Thread-safe.
 */
final class TmallTradeFeed {
  private static final Logger log = LoggerFactory.getLogger(TmallTradeFeed.class);
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  /** Threads that fetch the next page while the current one is imported; idle ones exit after a minute. */
  private static final ExecutorService PREFETCH = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "top-prefetch");
        thread.setDaemon(true);
        return thread;
      });

  private final TopClient client;
  private final int pageSize;
  private final String types;
  private final String fields = TradeMapper.fieldsParameter();

  /**
   * @param types the {@code type} filter: TOP returns only the types listed (by default only
   *     guarantee_trade,auto_delivery,ec,cod,step), so the bridge lists every type it handles
   */
  TmallTradeFeed(TopClient client, int pageSize, String types) {
    this.client = client;
    this.pageSize = pageSize;
    this.types = types;
  }

  /**
   * @param unreadableSink receives entries that cannot be read; null means such an entry fails the
   *     window with a PERMANENT {@link ChannelException}
   */
  void changedTrades(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink, @Nullable Consumer<UnreadableTrade> unreadableSink) {
    Consumer<List<JsonNode>> entries = page -> deliver(shop, page, pageSink, unreadableSink);
    if (window.length().compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "TOP allows at most one day per incremental query, window " + window + " is " + window.length());
    }
    TopResponse first = page(shop, window, 1);
    long pages = (first.totalResults() + pageSize - 1) / pageSize;
    if (pages <= 1) {
      entries.accept(first.list("trades"));
      return;
    }
    // One page is fetched ahead while the sink imports the current one; the order stays last..1.
    CompletableFuture<TopResponse> next = prefetch(shop, window, pages);
    try {
      for (long pageNo = pages; pageNo >= 2; pageNo--) {
        TopResponse current = join(next);
        next = prefetch(shop, window, pageNo - 1);
        entries.accept(current.list("trades"));
      }
    } catch (RuntimeException | Error e) {
      next.cancel(false);
      throw e;
    }
    TopResponse last = join(next);
    entries.accept(last.list("trades"));
    if (last.totalResults() > first.totalResults()) {
      log.warn(
          "shop {}: window {} grew from {} to {} trades while paging; the overlapping next window picks up the rest",
          shop.shop(), window, first.totalResults(), last.totalResults());
    }
  }

  Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
    return trade(shop, tid, ShopRateLimiters.Lane.BACKGROUND);
  }

  /** {@link #trade(ShopCredentials, String)} in {@code lane} of the shop's rate limiter. */
  Optional<ChannelTrade> trade(ShopCredentials shop, String tid, ShopRateLimiters.Lane lane) {
    TopResponse response;
    try {
      response = client.call(shop, TradeRequests.fullinfoGet(tid, fields), lane);
    } catch (ChannelException e) {
      if (e.kind() == Kind.PERMANENT && e.getCause() instanceof TopApiException api && api.error().isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    return response.object("trade").map(t -> map(shop, t));
  }

  private CompletableFuture<TopResponse> prefetch(ShopCredentials shop, TimeWindow window, long pageNo) {
    return CompletableFuture.supplyAsync(() -> page(shop, window, pageNo), PREFETCH);
  }

  private static TopResponse join(CompletableFuture<TopResponse> page) {
    try {
      return page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private TopResponse page(ShopCredentials shop, TimeWindow window, long pageNo) {
    return client.call(shop, TradeRequests.incrementGet(window, fields, types, pageNo, pageSize));
  }

  private void deliver(
      ShopCredentials shop, List<JsonNode> page, Consumer<List<ChannelTrade>> pageSink, @Nullable Consumer<UnreadableTrade> unreadableSink) {
    List<ChannelTrade> trades = new ArrayList<>();
    for (JsonNode entry : page) {
      try {
        complete(shop, entry).ifPresent(trades::add);
      } catch (IllegalArgumentException e) {
        if (unreadableSink == null) {
          throw TopExceptionTranslator.unreadable(shop.shop(), e);
        }
        log.warn("shop {}: a listed trade cannot be read and is held: {}", shop.shop(), e.getMessage());
        unreadableSink.accept(new UnreadableTrade(tidOf(entry), entry.toString(), e.getMessage()));
      }
    }
    if (!trades.isEmpty()) {
      pageSink.accept(List.copyOf(trades));
    }
  }

  /** The entry itself when it is complete, else the trade as trade.fullinfo.get returns it (a background call). */
  Optional<ChannelTrade> complete(ShopCredentials shop, JsonNode entry) {
    return complete(shop, entry, ShopRateLimiters.Lane.BACKGROUND);
  }

  /** {@link #complete(ShopCredentials, JsonNode)} with the completing call in {@code lane} of the shop's rate limiter. */
  Optional<ChannelTrade> complete(ShopCredentials shop, JsonNode entry, ShopRateLimiters.Lane lane) {
    if (!TradeMapper.needsDetail(entry)) {
      return Optional.of(TradeMapper.trade(entry));
    }
    String tid = TradeMapper.tid(entry);
    Optional<ChannelTrade> full = trade(shop, tid, lane);
    if (full.isEmpty()) {
      log.warn("shop {}: trade {} is listed as changed but trade.fullinfo.get says it does not exist", shop.shop(), tid);
    }
    return full;
  }

  private static String tidOf(JsonNode entry) {
    try {
      return TradeMapper.tid(entry);
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  private static ChannelTrade map(ShopCredentials shop, JsonNode trade) {
    try {
      return TradeMapper.trade(trade);
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }

}
