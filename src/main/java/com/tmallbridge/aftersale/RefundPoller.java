package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.RefundFeed;
import com.tmallbridge.channel.UnreadableRefund;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One refund pull for one shop, like the order flow's poller: windows of at most {@code
 * bridge.aftersale.window} from the checkpoint ({@code tmall}/{@code refunds}) minus the overlap up
 * to now; each page is stored by {@link RefundStore} in one transaction; the checkpoint moves to a
 * window's end only after the whole window was stored. A channel failure stops the shop's pull
 * (the window is read again next time). Listed refunds already stored at their listed version are
 * not fetched again ({@link RefundFeed.HeldVersions}): the overlap re-reads mostly known ones.
 */
@Component
class RefundPoller {
  static final String SOURCE = "tmall";
  static final String STREAM = "refunds";
  private static final Logger log = LoggerFactory.getLogger(RefundPoller.class);
  private static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private final RefundFeed feed;
  private final RefundStore store;
  private final Checkpoints checkpoints;
  private final AfterSaleProperties props;
  private final Clock clock;

  RefundPoller(RefundFeed feed, RefundStore store, Checkpoints checkpoints, AfterSaleProperties props, Clock clock) {
    this.feed = feed;
    this.store = store;
    this.checkpoints = checkpoints;
    this.props = props;
    this.clock = clock;
  }

  RefundPull poll(Shop shop) {
    Instant now = clock.instant();
    if (!shop.callableAt(now)) {
      return new RefundPull(shop.code(), 0, 0, 0, "shop is " + shop.status());
    }
    Instant horizon = now.atZone(TMALL_ZONE).minusMonths(3).plusHours(1).toInstant();
    Instant checkpoint = checkpoints.get(SOURCE, STREAM, shop.id()).orElse(null);
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger unreadable = new AtomicInteger();
    for (TimeWindow window : plan(checkpoint, shop.firstPullFrom(), horizon, now)) {
      try {
        feed.changedRefunds(shop.credentials(), window, page -> {
          seen.addAndGet(page.size());
          applied.addAndGet(store.storePage(shop, page));
        }, (UnreadableRefund u) -> {
          unreadable.incrementAndGet();
          log.warn("shop {}: {} refund {} could not be read ({}); it is read again with a newer version",
              shop.code(), AfterSaleErrorCode.UNREADABLE_REFUND.code(), u.refundId(), u.reason());
        }, (refundId, modified, status) -> store.holds(shop, refundId, modified, status));
        checkpoints.advance(SOURCE, STREAM, shop.id(), window.end());
      } catch (ChannelException e) {
        log.warn("shop {}: refund pull stopped ({}): {}", shop.code(), e.kind(), e.getMessage());
        return new RefundPull(shop.code(), seen.get(), applied.get(), unreadable.get(), e.kind() + ": " + e.getMessage());
      }
    }
    return new RefundPull(shop.code(), seen.get(), applied.get(), unreadable.get(), null);
  }

  /** Contiguous windows of at most {@code window} from the checkpoint minus the overlap up to now, whole seconds. */
  List<TimeWindow> plan(@Nullable Instant checkpoint, Instant firstPullFrom, Instant horizon, Instant now) {
    Duration overlap = props.overlap();
    Instant start = checkpoint == null ? firstPullFrom : checkpoint.minus(overlap);
    start = (start.isBefore(horizon) ? horizon : start).truncatedTo(ChronoUnit.SECONDS);
    Instant end = now.truncatedTo(ChronoUnit.SECONDS);
    List<TimeWindow> windows = new ArrayList<>();
    while (start.isBefore(end)) {
      Instant windowEnd = start.plus(props.window()).isBefore(end) ? start.plus(props.window()) : end;
      windows.add(new TimeWindow(start, windowEnd));
      start = windowEnd;
    }
    return windows;
  }
}
