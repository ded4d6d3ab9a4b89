package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads the trades that TMC messages name ({@link OrderFeed#pushedTrades}) with list pages rather
 * than one taobao.trade.fullinfo.get per trade. A trade message's content carries the trade's
 * {@code status} after the change (spec §3.6, common content), and the message its publish time, so
 * the trade was modified at about that time and, unless it changed again, is listed by
 * taobao.trades.sold.increment.get with that {@code status} over a short modified window. Messages
 * with a listable status, published at most {@link #MAX_AGE} ago, are grouped by status (the groups
 * listed side by side, the sink still called one call at a time); within a
 * group each publication stands for the window from a second before to a second after it (TOP's
 * {@code modified} has second precision, and a trade may be modified just before the second its
 * message is published in), and overlapping windows merge, so a round of a steady stream is one
 * window and a late redelivery has a short window of its own instead of stretching the round's. A
 * window ends at its last publication's second plus one, not at now: pages list newest first, and
 * trades paid after the round's messages would push the round's own trades to later pages. Each
 * window is read in pages of 100 ({@code use_has_next=true}, fields and types as polling asks),
 * newest window first, from page 1 until every tid of the group was listed, no page is left or
 * {@code 2 × ⌈tids ÷ 100⌉ + 10} pages were read, {@link #PARALLEL} pages at once after the first
 * wave; the first wave is page 1 alone, or as many pages as the shop's last window of that status
 * needed (at most {@link #PARALLEL}): at a peak of payments a round's trades lie under a second or
 * more of others (TOP's {@code modified} has second precision, and trades of one second are listed
 * by tid), and asking for page 1 alone would cost the round one more wait for an answer.
 * The tids no page listed, and messages without a listable status or older, are read one by one
 * with taobao.trade.fullinfo.get, {@link #PARALLEL} at once; so are the tids of a group whose list
 * call was refused for good. A listed entry that cannot be read is left to that fall-back, which
 * reports it. A listed trade the sink does not {@linkplain OrderFeed.PushedTradeSink#wants want} is
 * skipped before it is mapped. Thread-safe.
 */
final class PushedTradeReader {
  private static final Logger log = LoggerFactory.getLogger(PushedTradeReader.class);
  /**
   * Older messages (redeliveries after a long outage) would need very long windows: they are read
   * one by one. Younger ones are listed even when the window spans minutes: after a backlog a page
   * of 100 still answers many messages where a fetch answers one.
   */
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  /**
   * How far a publication's window reaches on each side of its second: a trade may be modified in
   * the second before its message is published, and again just after.
   */
  static final Duration MARGIN = Duration.ofSeconds(1);
  /** Pages a group may take: {@code 2 × ⌈tids ÷ 100⌉ + 10}, at most {@link #MAX_PAGES}. */
  static final int MAX_PAGES = 200;
  /** Pages asked for at once, and fall-back fetches run at once (the shop's rate limit still applies). */
  static final int PARALLEL = 3;
  private static final ExecutorService CALLS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "tmc-trade-read");
        thread.setDaemon(true);
        return thread;
      });
  static final int PAGE_SIZE = 100;
  /** The statuses taobao.trades.sold.increment.get takes as a filter that a trade message may carry. */
  private static final Set<String> LISTABLE = Set.of(
      "WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED",
      "TRADE_FINISHED", "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO");

  private final TopClient client;
  private final TmallTradeFeed feed;
  private final String types;
  private final Clock clock;
  private final String fields = TradeMapper.fieldsParameter();
  /** Pages the last window of a shop and status read ({@code shop id + " " + status}). */
  private final Map<String, Integer> lastPages = new java.util.concurrent.ConcurrentHashMap<>();

  PushedTradeReader(TopClient client, TmallTradeFeed feed, String types, Clock clock) {
    this.client = client;
    this.feed = feed;
    this.types = types;
    this.clock = clock;
  }

  /** @return the calls made */
  int read(ShopCredentials shop, List<ChannelMessage> messages, OrderFeed.PushedTradeSink sink) {
    Instant now = clock.instant();
    Map<String, List<ChannelMessage>> byStatus = new LinkedHashMap<>();
    Set<String> singles = new LinkedHashSet<>();
    for (ChannelMessage m : messages) {
      if (m.tid() == null) {
        continue;
      }
      String status = listableStatus(m);
      if (status != null && m.publishTime() != null && !m.publishTime().isBefore(now.minus(MAX_AGE))) {
        byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(m);
      } else {
        singles.add(m.tid());
      }
    }
    int unlisted = singles.size();
    AtomicInteger pages = new AtomicInteger();
    if (byStatus.size() == 1) {
      Map.Entry<String, List<ChannelMessage>> group = byStatus.entrySet().iterator().next();
      singles.addAll(listGroup(shop, group.getKey(), group.getValue(), sink, pages));
    } else if (!byStatus.isEmpty()) {
      singles.addAll(listGroups(shop, byStatus, serialised(sink), pages));
    }
    log.debug("shop {}: {} message(s), {} page(s), {} read one by one, {} of them not listed", shop.shop(), messages.size(),
        pages.get(), singles.size(), singles.size() - unlisted);
    fetchEach(shop, List.copyOf(singles), sink);
    return pages.get() + singles.size();
  }

  /**
   * Lists the status groups side by side (a round of a steady stream often holds a payment and a
   * closed trade: one wait for an answer instead of two) and returns the tids no page listed. Returns
   * or throws only once every group has ended, so the sink is never called after this returns.
   */
  private Set<String> listGroups(ShopCredentials shop, Map<String, List<ChannelMessage>> byStatus, OrderFeed.PushedTradeSink sink,
      AtomicInteger pages) {
    List<CompletableFuture<Set<String>>> groups = new ArrayList<>();
    for (Map.Entry<String, List<ChannelMessage>> group : byStatus.entrySet()) {
      groups.add(CompletableFuture.supplyAsync(() -> listGroup(shop, group.getKey(), group.getValue(), sink, pages), CALLS));
    }
    Set<String> unlisted = new LinkedHashSet<>();
    RuntimeException failure = null;
    for (CompletableFuture<Set<String>> group : groups) {
      try {
        unlisted.addAll(join(group));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return unlisted;
  }

  /** The sink behind a lock: groups listed side by side call it one at a time, as its contract asks. */
  private static OrderFeed.PushedTradeSink serialised(OrderFeed.PushedTradeSink sink) {
    return new OrderFeed.PushedTradeSink() {
      @Override
      public synchronized boolean wants(String tid) {
        return sink.wants(tid);
      }

      @Override
      public synchronized void read(List<ChannelTrade> trades, long startedNanos) {
        sink.read(trades, startedNanos);
      }

      @Override
      public synchronized void missing(String tid) {
        sink.missing(tid);
      }

      @Override
      public synchronized void refused(String tid, ChannelException problem) {
        sink.refused(tid, problem);
      }
    };
  }

  /**
   * Fetches each tid with taobao.trade.fullinfo.get, {@link #PARALLEL} at a time, and gives what
   * they read to the sink in one piece, stamped with the earliest start among them.
   */
  private void fetchEach(ShopCredentials shop, List<String> tids, OrderFeed.PushedTradeSink sink) {
    for (int from = 0; from < tids.size(); from += PARALLEL) {
      List<String> chunk = tids.subList(from, Math.min(tids.size(), from + PARALLEL));
      long started = System.nanoTime();
      List<CompletableFuture<Optional<ChannelTrade>>> reads = new ArrayList<>();
      for (String tid : chunk) {
        reads.add(CompletableFuture.supplyAsync(() -> feed.trade(shop, tid, ShopRateLimiters.Lane.URGENT), CALLS));
      }
      List<ChannelTrade> found = new ArrayList<>();
      RuntimeException failure = null;
      for (int i = 0; i < chunk.size(); i++) {
        try {
          Optional<ChannelTrade> trade = join(reads.get(i));
          if (trade.isPresent()) {
            found.add(trade.get());
          } else {
            sink.missing(chunk.get(i));
          }
        } catch (ChannelException e) {
          if (e.kind() == ChannelException.Kind.PERMANENT) {
            sink.refused(chunk.get(i), e);
          } else if (failure == null) {
            failure = e;
          }
        }
      }
      if (!found.isEmpty()) {
        sink.read(List.copyOf(found), started);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Reads one status group window by window, page by page; returns the tids no page listed. */
  private Set<String> listGroup(ShopCredentials shop, String status, List<ChannelMessage> group, OrderFeed.PushedTradeSink sink,
      AtomicInteger pages) {
    Set<String> wanted = new LinkedHashSet<>();
    group.forEach(m -> wanted.add(m.tid()));
    for (Window window : windows(group)) {
      if (!window.tids().stream().anyMatch(wanted::contains)) {
        continue;
      }
      if (!listWindow(shop, status, window, wanted, sink, pages)) {
        return wanted;
      }
    }
    return wanted;
  }

  /** A modified window and the tids of the messages it stands for. */
  record Window(TimeWindow span, Set<String> tids) {}

  /**
   * The windows of a status group: a second on each side of each publication's second, overlapping
   * or touching ones merged, newest first.
   */
  static List<Window> windows(List<ChannelMessage> group) {
    List<ChannelMessage> byPublication = new ArrayList<>(group);
    byPublication.sort(Comparator.comparing(ChannelMessage::publishTime));
    List<Window> windows = new ArrayList<>();
    Instant from = null;
    Instant to = null;
    Set<String> tids = new LinkedHashSet<>();
    for (ChannelMessage m : byPublication) {
      Instant second = m.publishTime().truncatedTo(ChronoUnit.SECONDS);
      if (to != null && second.minus(MARGIN).isAfter(to.plusSeconds(1))) {
        windows.add(0, new Window(new TimeWindow(from, to), tids));
        from = null;
        tids = new LinkedHashSet<>();
      }
      from = from == null ? second.minus(MARGIN) : from;
      to = second.plus(MARGIN);
      tids.add(m.tid());
    }
    if (from != null) {
      windows.add(0, new Window(new TimeWindow(from, to), tids));
    }
    return windows;
  }

  /**
   * Reads one window page by page until every wanted tid was listed, no page is left or the cap
   * was reached, removing what it lists from {@code wanted}.
   *
   * @return false when the list call was refused for good (the rest is to be read one by one)
   */
  private boolean listWindow(ShopCredentials shop, String status, Window window, Set<String> wanted,
      OrderFeed.PushedTradeSink sink, AtomicInteger pages) {
    // page 1 alone (a quiet shop needs no more) or as many as the last window needed, then waves of
    // PARALLEL pages until all were listed
    int maxPages = Math.min(MAX_PAGES, 2 * ((window.tids().size() + PAGE_SIZE - 1) / PAGE_SIZE) + 10);
    String key = shop.shop().value() + " " + status;
    int firstWave = Math.min(PARALLEL, Math.max(1, lastPages.getOrDefault(key, 1)));
    int pageNo = 1;
    int pagesRead = 0;
    int needed = 0;
    while (pageNo <= maxPages && window.tids().stream().anyMatch(wanted::contains)) {
      int wave = Math.min(pageNo == 1 ? firstWave : PARALLEL, maxPages - pageNo + 1);
      long started = System.nanoTime();
      List<CompletableFuture<TopResponse>> wavePages = new ArrayList<>();
      for (int i = 0; i < wave; i++) {
        TopRequest request = TradeRequests.incrementGetNext(window.span(), fields, types, status, pageNo + i, PAGE_SIZE);
        wavePages.add(CompletableFuture.supplyAsync(() -> client.call(shop, request, ShopRateLimiters.Lane.URGENT), CALLS));
      }
      pages.addAndGet(wave);
      boolean more = true;
      for (CompletableFuture<TopResponse> future : wavePages) {
        TopResponse page;
        try {
          page = join(future);
        } catch (ChannelException e) {
          wavePages.forEach(p -> p.cancel(false));
          if (e.kind() != ChannelException.Kind.PERMANENT) {
            throw e;
          }
          log.warn("shop {}: listing pushed trades of status {} refused ({}); reading them one by one", shop.shop(), status,
              e.getMessage());
          return false;
        }
        pagesRead++;
        List<ChannelTrade> trades = listed(shop, page, sink);
        if (!trades.isEmpty()) {
          boolean found = false;
          for (ChannelTrade t : trades) {
            found |= wanted.remove(t.tid());
          }
          if (found) {
            needed = pagesRead;
          }
          sink.read(List.copyOf(trades), started);
        }
        if (!page.hasNext()) {
          more = false;
          break;
        }
      }
      if (!more) {
        break;
      }
      pageNo += wave;
    }
    lastPages.put(key, window.tids().stream().anyMatch(wanted::contains) ? pagesRead : needed);
    log.debug("shop {} status {}: window {}..{} for {} tids, {} page(s) of at most {}", shop.shop(), status,
        window.span().start(), window.span().end(), window.tids().size(), pagesRead, maxPages);
    return true;
  }

  /**
   * The listed trades the sink wants, mapped (and completed with trade.fullinfo.get, an urgent call
   * like the page's, when the list left out what a trade needs). Under a peak a page lists mostly trades read by earlier rounds:
   * they are skipped before mapping, and never cost a completing call.
   */
  private List<ChannelTrade> listed(ShopCredentials shop, TopResponse page, OrderFeed.PushedTradeSink sink) {
    List<ChannelTrade> trades = new ArrayList<>();
    for (JsonNode entry : page.list("trades")) {
      try {
        if (!sink.wants(TradeMapper.tid(entry))) {
          continue;
        }
        feed.complete(shop, entry, ShopRateLimiters.Lane.URGENT).ifPresent(trades::add);
      } catch (IllegalArgumentException e) {
        log.debug("shop {}: a listed trade cannot be read; left to trade.fullinfo.get: {}", shop.shop(), e.getMessage());
      }
    }
    return trades;
  }

  private static @Nullable String listableStatus(ChannelMessage message) {
    if (!message.isTradeEvent() || message.content().isBlank()) {
      return null;
    }
    try {
      String status = TopValues.nonEmptyText(TopJson.readObject(message.content()), "status");
      return status != null && LISTABLE.contains(status) ? status : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
