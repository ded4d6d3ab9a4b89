package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Façade of the three-way reconciliation (Tmall trade ↔ ERP sales order ↔ settlement lines) for
 * the CLI, the console, the alerts and the demo. A day is a calendar day in Tmall's time (GMT+8);
 * a trade belongs to the day it was paid. Running a day again replaces that day's results.
 * Thread-safe; runs of one shop wait for each other.
 */
@Service
public class ReconciliationManagement {
  /** The longest span one {@link #run(ShopId, LocalDate, LocalDate)} accepts, in days. */
  public static final int MAX_DAYS = 93;

  private final Reconciler reconciler;
  private final ReconciliationRepository repository;
  private final ShopManagement shops;
  private final Clock clock;

  ReconciliationManagement(Reconciler reconciler, ReconciliationRepository repository, ShopManagement shops, Clock clock) {
    this.reconciler = reconciler;
    this.repository = repository;
    this.shops = shops;
    this.clock = clock;
  }

  /** Tmall's time zone, in which days are counted. */
  public static ZoneId zone() {
    return Reconciler.TMALL_ZONE;
  }

  /** Today in Tmall's time zone, by the injected clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }

  /**
   * Reconciles one day of one shop and returns its summary.
   *
   * @throws IllegalArgumentException when the shop is unknown or the day is in the future
   * @throws RuntimeException when the ERP or the database fails; the day keeps its previous result
   */
  public DaySummary run(ShopId shop, LocalDate day) {
    return run(shop, day, day).get(0);
  }

  /**
   * Reconciles the days {@code first} to {@code last} (both included, at most {@link #MAX_DAYS}) of
   * one shop in one run and returns their summaries, newest first.
   *
   * @throws IllegalArgumentException when the shop is unknown, the span is empty or too long, or
   *     it ends in the future
   */
  public List<DaySummary> run(ShopId shop, LocalDate first, LocalDate last) {
    Shop found = shops.find(shop).orElseThrow(() -> new IllegalArgumentException("no shop with id " + shop.value()));
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    if (span < 1 || span > MAX_DAYS) {
      throw new IllegalArgumentException("a reconciliation covers 1 to " + MAX_DAYS + " days, got " + first + " to " + last);
    }
    if (last.isAfter(today())) {
      throw new IllegalArgumentException(last + " is in the future (today is " + today() + " in GMT+8)");
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    reconciler.run(found, days);
    return repository.days(List.of(shop.value()), first, last);
  }

  /** The latest result of a shop's day, empty when it was never reconciled. */
  public Optional<DaySummary> summary(ShopId shop, LocalDate day) {
    return repository.days(List.of(shop.value()), day, day).stream().findFirst();
  }

  /** The latest results of the shops' days in {@code [first, last]}, newest day first. */
  public List<DaySummary> days(Collection<ShopId> shopIds, LocalDate first, LocalDate last) {
    return repository.days(shopIds.stream().map(ShopId::value).toList(), first, last);
  }

  /**
   * The differences of the latest run of a shop's day, by category then tid.
   *
   * @param category only this category; null for all
   * @param limit at most this many (1 or more)
   */
  public List<Difference> differences(ShopId shop, LocalDate day, @Nullable DifferenceCategory category, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return repository.differences(shop.value(), day, category, limit);
  }
}
