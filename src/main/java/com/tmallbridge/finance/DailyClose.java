package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The daily money close of every shop, run by {@code sync} and {@code serve} after each settlement
 * import ({@link SettlementSchedule}). Once a Tmall day (GMT+8) is over and its bills are in — from
 * {@code bridge.finance.daily.at} on the next day — it posts the day's vouchers, runs the
 * completeness check (which re-fetches any paid trade the ERP lacks) and reconciles the day. It also
 * reconciles again the day {@code recheck-after-days} back, once, so that money that never arrived
 * shows as {@link DifferenceCategory#UNSETTLED_PAST_DAYS}.
 *
 * <p>A day counts as closed when its stored reconciliation ran after the day's close time, so a
 * restart does not close it twice and a close that failed (the ERP down, say) is tried again at the
 * next import. One shop's failure is logged and does not stop the others. Not thread-safe on its own:
 * {@link SettlementSchedule} calls it from one thread.
 */
@Service
public class DailyClose {
  private static final Logger log = LoggerFactory.getLogger(DailyClose.class);

  private final ShopManagement shops;
  private final VoucherPosting vouchers;
  private final CompletenessManagement completeness;
  private final ReconciliationManagement reconciliation;
  private final DailyCloseProperties properties;
  private final Clock clock;

  DailyClose(ShopManagement shops, VoucherPosting vouchers, CompletenessManagement completeness,
      ReconciliationManagement reconciliation, DailyCloseProperties properties, Clock clock) {
    this.shops = shops;
    this.vouchers = vouchers;
    this.completeness = completeness;
    this.reconciliation = reconciliation;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one call did for one shop. */
  public record Closed(String shop, LocalDate day, boolean closed, boolean rechecked, List<String> problems) {}

  /** The last day that may be closed now: yesterday from {@code at} on, the day before until then. */
  public LocalDate lastClosableDay() {
    ZonedDateTime now = clock.instant().atZone(ReconciliationManagement.zone());
    return now.minusHours(properties.at().getHour()).minusMinutes(properties.at().getMinute()).toLocalDate().minusDays(1);
  }

  /**
   * Closes, for every shop, the last closable day if it is not closed yet, and rechecks the day
   * {@code recheck-after-days} back if it was not reconciled since it became due; does nothing when
   * {@code bridge.finance.daily.enabled} is false.
   *
   * @return one entry per shop that had something to do
   */
  public List<Closed> closeDue() {
    List<Closed> done = new ArrayList<>();
    if (!properties.enabled()) {
      return done;
    }
    LocalDate day = lastClosableDay();
    for (Shop shop : shops.list()) {
      boolean close = !reconciledSince(shop.id(), day, closeTime(day));
      LocalDate old = day.minusDays(properties.recheckAfterDays());
      boolean recheck = properties.recheckAfterDays() > 0
          && reconciliation.summary(shop.id(), old).isPresent()
          && !reconciledSince(shop.id(), old, closeTime(day));
      if (!close && !recheck) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      if (close) {
        close(shop, day, problems);
      }
      if (recheck) {
        attempt(problems, "reconciliation of " + old, () -> reconciliation.run(shop.id(), old));
      }
      done.add(new Closed(shop.code(), day, close, recheck, List.copyOf(problems)));
    }
    return done;
  }

  private void close(Shop shop, LocalDate day, List<String> problems) {
    attempt(problems, "vouchers of " + day, () -> {
      VoucherPosting.PostingReport report = vouchers.post(shop.id(), day);
      if (!report.failures().isEmpty()) {
        problems.add(report.failures().size() + " voucher(s) of " + day + " failed; see 'bridge vouchers list --date " + day + "'");
      }
    });
    attempt(problems, "completeness check of " + day, () -> completeness.check(shop.id(), day));
    attempt(problems, "reconciliation of " + day, () -> reconciliation.run(shop.id(), day));
    if (problems.isEmpty()) {
      log.info("money close of {} for {}: vouchers posted, completeness checked, reconciled", day, shop.code());
    } else {
      log.warn("money close of {} for {} incomplete: {}", day, shop.code(), problems);
    }
  }

  private static void attempt(List<String> problems, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      problems.add(what + ": " + e.getMessage());
      log.warn("money close: {} failed", what, e);
    }
  }

  private boolean reconciledSince(ShopId shop, LocalDate day, Instant since) {
    Optional<DaySummary> summary = reconciliation.summary(shop, day);
    return summary.isPresent() && !summary.get().ranAt().isBefore(since);
  }

  /** The moment {@code day} may be closed: {@code at} on the next day, GMT+8. */
  private Instant closeTime(LocalDate day) {
    return day.plusDays(1).atTime(properties.at()).atZone(ReconciliationManagement.zone()).toInstant();
  }
}
