package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Façade of the daily completeness check (DESIGN invariant 3: no missed trades): per shop and day,
 * trades on Tmall by created and by paid time against sales orders in the ERP; every paid trade the
 * ERP lacks is re-fetched from Tmall, imported, delivered and reported. Checking a day again
 * replaces its stored result.
 */
@Service
public class CompletenessManagement {
  private final CompletenessCheck check;
  private final CompletenessRepository repository;
  private final ShopManagement shops;
  private final Clock clock;

  CompletenessManagement(CompletenessCheck check, CompletenessRepository repository, ShopManagement shops, Clock clock) {
    this.check = check;
    this.repository = repository;
    this.shops = shops;
    this.clock = clock;
  }

  /**
   * Checks one day (GMT+8) of one shop, re-fetching its gaps.
   *
   * @throws IllegalArgumentException when the shop is unknown, or the day is in the future or more
   *     than three months back (Tmall lists no older trades)
   * @throws com.tmallbridge.channel.ChannelException when Tmall fails after the client's retries
   */
  public CompletenessReport check(ShopId shopId, LocalDate day) {
    Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalArgumentException("no shop with id " + shopId.value()));
    LocalDate today = LocalDate.now(clock.withZone(Reconciler.TMALL_ZONE));
    if (day.isAfter(today)) {
      throw new IllegalArgumentException(day + " is in the future (today is " + today + " in GMT+8)");
    }
    if (day.isBefore(today.minusMonths(3))) {
      throw new IllegalArgumentException(day + " is more than three months back: Tmall lists only the last three months");
    }
    return check.check(shop, day);
  }

  /** The stored result of the last check of a shop's day. */
  public Optional<CompletenessReport> last(ShopId shop, LocalDate day) {
    return repository.find(shop, day);
  }
}
