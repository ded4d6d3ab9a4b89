package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import com.tmallbridge.sync.Checkpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * One pull cycle for one shop: plans windows from the checkpoint, reads each window's changed
 * trades through the {@link OrderFeed} and imports them page by page; advances the checkpoint to a
 * window's end only after the whole window was imported. A channel failure stops the shop's cycle
 * (the window is read again next time) and, for bans and lost authorisation, pauses the shop.
 * Timer {@code bridge.order.import} (tag {@code via=poll}) times each page's import, commit included.
 *
 * <p>A window's pages are imported up to {@code bridge.order.import-parallelism} at once ({@link
 * PageImports}), each in its own transaction, while the feed reads the next ones; the checkpoint
 * still advances only once every page of the window is stored, and a failed page stops the window.
 * A page whose transaction lost a deadlock or timed out waiting for a lock (to another page, a
 * pushed-message round or the dispatchers) rolled back whole and is imported again, up to {@value
 * #IMPORT_ATTEMPTS} times in all.
 */
@Component
class OrderPoller {
  static final String SOURCE = "tmall";
  static final String STREAM = "trades";
  private static final Logger log = LoggerFactory.getLogger(OrderPoller.class);
  private static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");
  static final int IMPORT_ATTEMPTS = 3;

  private final OrderFeed feed;
  private final TradeImporter importer;
  private final Checkpoints checkpoints;
  private final ShopManagement shops;
  private final WindowPlanner planner;
  private final Clock clock;
  private final Timer pageImport;
  private final PageImports imports;
  /** Each shop's last completed sweep in this process (a restart sweeps first). */
  private final Map<ShopId, WindowPlanner.Sweep> sweeps = new ConcurrentHashMap<>();

  OrderPoller(
      OrderFeed feed, TradeImporter importer, Checkpoints checkpoints, ShopManagement shops, OrderProperties props, Clock clock,
      MeterRegistry meters, OrderRepository trades) {
    this.feed = feed;
    this.importer = importer;
    this.checkpoints = checkpoints;
    this.shops = shops;
    this.planner = new WindowPlanner(props.window(), props.overlap(), props.recheck(), props.sweepEvery());
    this.clock = clock;
    this.pageImport = OrderMeters.importTimer(meters, "poll");
    this.imports = new PageImports(props.importParallelism(trades.onPostgresql()));
  }

  PollResult poll(Shop shop) {
    return poll(shop, Integer.MAX_VALUE);
  }

  /**
   * A pull cycle that reads at most {@code maxWindows} of its windows (a backfill's step: the
   * checkpoint advances window by window, so the next call goes on where this one stopped). A sweep
   * counts as made only when every window of its plan was read.
   */
  PollResult poll(Shop shop, int maxWindows) {
    Instant now = clock.instant();
    PollResult result = new PollResult(shop.code(), 0, 0, 0, 0, 0, null);
    if (!shop.callableAt(now)) {
      return result.failed("shop is " + shop.status() + (shop.statusDetail() == null ? "" : ": " + shop.statusDetail()));
    }
    if (shop.status() == ShopStatus.PAUSED) {
      shops.resume(shop.id());
    }
    Instant horizon = now.atZone(TMALL_ZONE).minusMonths(3).plusHours(1).toInstant();
    Instant checkpoint = checkpoints.get(SOURCE, STREAM, shop.id()).orElse(null);
    WindowPlanner.Plan plan = planner.plan(checkpoint, sweeps.get(shop.id()), shop.firstPullFrom(), horizon, now);
    int read = 0;
    for (TimeWindow window : plan.windows()) {
      if (read == maxWindows) {
        return result;
      }
      try {
        result = pollWindow(shop, window, result);
      } catch (ChannelException e) {
        return handleFailure(shop, e, result);
      }
      read++;
    }
    WindowPlanner.Sweep swept = plan.completed(now);
    if (swept != null) {
      sweeps.put(shop.id(), swept);
    }
    return result;
  }

  private PollResult pollWindow(Shop shop, TimeWindow window, PollResult before) {
    AtomicReference<PollResult> result = new AtomicReference<>(before);
    PageImports.Window<TradeImporter.ImportResult> pages = imports.window();
    try {
      feed.changedTrades(
          shop.credentials(), window,
          page -> pages.submit(() -> importPage(shop, page)),
          unreadable -> result.set(result.get().plus(importer.holdUnreadable(shop, unreadable))));
    } catch (RuntimeException | Error e) {
      // the window is not done: wait for its pages still importing, so none outlives the cycle
      try {
        pages.awaitAll();
      } catch (RuntimeException | Error other) {
        if (other != e) {
          e.addSuppressed(other);
        }
      }
      throw e;
    }
    for (TradeImporter.ImportResult page : pages.awaitAll()) {
      result.set(result.get().plus(page));
    }
    checkpoints.advance(SOURCE, STREAM, shop.id(), window.end());
    return result.get().windowDone();
  }

  /** One page in its own transaction, again when it lost a deadlock or a lock wait (it rolled back whole). */
  private TradeImporter.ImportResult importPage(Shop shop, List<ChannelTrade> page) {
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        return importer.importPage(shop, page);
      } catch (ConcurrencyFailureException | QueryTimeoutException e) { // H2 reports a lock timeout as a query timeout
        if (attempt >= IMPORT_ATTEMPTS) {
          throw e;
        }
        log.info("shop {}: a page of {} trades is imported again ({} of {}): {}", shop.code(), page.size(), attempt + 1, IMPORT_ATTEMPTS,
            e.getMostSpecificCause().getMessage());
      } finally {
        pageImport.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      }
    }
  }

  private PollResult handleFailure(Shop shop, ChannelException e, PollResult result) {
    shops.recordFailure(shop.id(), e);
    log.warn("shop {}: pull stopped ({}): {}", shop.code(), e.kind(), e.getMessage());
    return result.failed(e.kind() + ": " + e.getMessage());
  }
}
