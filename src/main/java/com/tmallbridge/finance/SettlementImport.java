package com.tmallbridge.finance;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.SettlementFeed;
import com.tmallbridge.channel.SettlementFeed.BillTime;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One settlement import of one shop. Reads the fee accounts (stored in {@code
 * finance_bill_account}), then windows of at most {@code bridge.finance.window} from the shop's
 * cursor ({@code finance_settlement_cursor}; before the first import, the shop's first pull time;
 * or {@code since} when given) up to now minus {@code bridge.finance.safety-lag}. Each window is
 * read twice: by {@code biz_time} (every new line, paid or not) and by {@code pay_time} (lines that
 * turned paid since they were first read). Each page is stored in one transaction, idempotently
 * ({@link SettlementRepository#store}); the cursor moves to a window's end once both reads of the
 * window are stored, and only when the window starts at or before the cursor (an import {@code
 * since} a later time leaves a gap, so it does not move the cursor). A channel failure stops the
 * shop's import; the window is read again next time.
 */
@Component
class SettlementImport {
  private static final Logger log = LoggerFactory.getLogger(SettlementImport.class);

  private final SettlementFeed feed;
  private final SettlementRepository repository;
  private final FinanceProperties properties;
  private final Clock clock;

  SettlementImport(SettlementFeed feed, SettlementRepository repository, FinanceProperties properties, Clock clock) {
    this.feed = feed;
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  SettlementImportResult run(Shop shop, @Nullable Instant since, ImportProgress progress) {
    Instant now = clock.instant();
    @Nullable Instant cursor = repository.cursor(shop.id()).orElse(null);
    if (!shop.callableAt(now)) {
      return new SettlementImportResult(shop.code(), 0, 0, 0, 0, cursor, "shop is " + shop.status());
    }
    Instant start = since != null ? since : cursor != null ? cursor : shop.firstPullFrom();
    List<TimeWindow> windows = plan(start, now.minus(properties.safetyLag()));
    int received = 0;
    int inserted = 0;
    int updated = 0;
    int done = 0;
    try {
      List<BillAccount> accounts = feed.accounts(shop.credentials());
      repository.storeAccounts(shop.id(), accounts);
      for (TimeWindow window : windows) {
        int[] counts = new int[3];
        for (BillTime axis : BillTime.values()) {
          feed.settlements(shop.credentials(), accounts, window, axis, properties.minSplitWindow(), page -> {
            SettlementRepository.Stored stored = repository.store(page, clock.instant());
            counts[0] += page.size();
            counts[1] += stored.inserted();
            counts[2] += stored.updated();
          });
        }
        received += counts[0];
        inserted += counts[1];
        updated += counts[2];
        if (cursor == null || !window.start().isAfter(cursor)) {
          repository.advanceCursor(shop.id(), window.end(), clock.instant());
          cursor = cursor == null || window.end().isAfter(cursor) ? window.end() : cursor;
        }
        done++;
        progress.windowDone(done, windows.size(), window, received);
      }
    } catch (ChannelException e) {
      log.warn("shop {}: settlement import stopped ({}): {}", shop.code(), e.kind(), e.getMessage());
      return new SettlementImportResult(shop.code(), done, received, inserted, updated, cursor, e.kind() + ": " + e.getMessage());
    }
    return new SettlementImportResult(shop.code(), done, received, inserted, updated, cursor, null);
  }

  /**
   * Contiguous windows of at most {@code bridge.finance.window} from {@code start} to {@code end},
   * whole seconds, bounds inclusive as Tmall reads them. When both fall in the same second (an import
   * right after the last one), that one second is read again: lines booked in it after the last
   * import read it would otherwise wait for the clock to move on. Nothing when {@code end} is before
   * {@code start}.
   */
  List<TimeWindow> plan(Instant start, Instant end) {
    Instant from = start.truncatedTo(ChronoUnit.SECONDS);
    Instant to = end.truncatedTo(ChronoUnit.SECONDS);
    List<TimeWindow> windows = new ArrayList<>();
    if (from.equals(to)) {
      windows.add(new TimeWindow(from, to));
    }
    while (from.isBefore(to)) {
      Instant windowEnd = from.plus(properties.window()).isBefore(to) ? from.plus(properties.window()) : to;
      windows.add(new TimeWindow(from, windowEnd));
      from = windowEnd;
    }
    return windows;
  }
}
