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
import org.springframework.stereotype.Component;

/**
 * One pull cycle for one shop: plans windows from the checkpoint, reads each window's changed
 * trades through the {@link OrderFeed} and imports them page by page; advances the checkpoint to a
 * window's end only after the whole window was imported. A channel failure stops the shop's cycle
 * (the window is read again next time) and, for bans and lost authorisation, pauses the shop.
 * Timer {@code bridge.order.import} (tag {@code via=poll}) times each page's import, commit included.
 */
@Component
class OrderPoller {
  static final String SOURCE = "tmall";
  static final String STREAM = "trades";
  private static final Logger log = LoggerFactory.getLogger(OrderPoller.class);
  private static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private final OrderFeed feed;
  private final TradeImporter importer;
  private final Checkpoints checkpoints;
  private final ShopManagement shops;
  private final WindowPlanner planner;
  private final Clock clock;
  private final Timer pageImport;
  /** Each shop's last completed sweep in this process (a restart sweeps first). */
  private final Map<ShopId, WindowPlanner.Sweep> sweeps = new ConcurrentHashMap<>();

  OrderPoller(
      OrderFeed feed, TradeImporter importer, Checkpoints checkpoints, ShopManagement shops, OrderProperties props, Clock clock,
      MeterRegistry meters) {
    this.feed = feed;
    this.importer = importer;
    this.checkpoints = checkpoints;
    this.shops = shops;
    this.planner = new WindowPlanner(props.window(), props.overlap(), props.recheck(), props.sweepEvery());
    this.clock = clock;
    this.pageImport = OrderMeters.importTimer(meters, "poll");
  }

  PollResult poll(Shop shop) {
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
    for (TimeWindow window : plan.windows()) {
      try {
        result = pollWindow(shop, window, result);
      } catch (ChannelException e) {
        return handleFailure(shop, e, result);
      }
    }
    WindowPlanner.Sweep swept = plan.completed(now);
    if (swept != null) {
      sweeps.put(shop.id(), swept);
    }
    return result;
  }

  private PollResult pollWindow(Shop shop, TimeWindow window, PollResult before) {
    AtomicReference<PollResult> result = new AtomicReference<>(before);
    feed.changedTrades(
        shop.credentials(), window,
        page -> result.set(result.get().plus(importPage(shop, page))),
        unreadable -> result.set(result.get().plus(importer.holdUnreadable(shop, unreadable))));
    checkpoints.advance(SOURCE, STREAM, shop.id(), window.end());
    return result.get().windowDone();
  }

  private TradeImporter.ImportResult importPage(Shop shop, List<ChannelTrade> page) {
    long started = System.nanoTime();
    try {
      return importer.importPage(shop, page);
    } finally {
      pageImport.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private PollResult handleFailure(Shop shop, ChannelException e, PollResult result) {
    shops.recordFailure(shop.id(), e);
    log.warn("shop {}: pull stopped ({}): {}", shop.code(), e.kind(), e.getMessage());
    return result.failed(e.kind() + ": " + e.getMessage());
  }
}
