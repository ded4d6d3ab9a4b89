package com.tmallbridge.alert;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.Oversell;
import com.tmallbridge.stock.StockManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Oversold trades: paid trades that asked for more than was sellable when they were imported, as
 * the stock flow flags them ({@link StockManagement#oversells}). A shop's alert stays open while it
 * has a flag younger than {@code bridge.alerts.oversell-window}; the flags themselves are never
 * cleared, so the window is what lets the alert resolve.
 */
final class OversellCondition implements AlertCondition {
  /** Flags read per pass, newest first; a shop with more in the window is reported as "at least". */
  static final int READ_LIMIT = 500;
  private final ShopManagement shops;
  private final StockManagement stock;
  private final Duration window;

  OversellCondition(ShopManagement shops, StockManagement stock, Duration window) {
    this.shops = shops;
    this.stock = stock;
    this.window = window;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.OVERSELL;
  }

  @Override
  public List<Finding> findings(Instant now) {
    Instant from = now.minus(window);
    List<Oversell> recent = stock.oversells(null, READ_LIMIT);
    boolean capped = recent.size() == READ_LIMIT;
    Map<String, List<Oversell>> byShop = recent.stream().filter(o -> !o.at().isBefore(from))
        .collect(Collectors.groupingBy(Oversell::shopCode, LinkedHashMap::new, Collectors.toList()));
    Map<String, ShopId> ids = shops.list().stream().collect(Collectors.toMap(Shop::code, Shop::id));
    List<Finding> findings = new ArrayList<>();
    byShop.forEach((code, flags) -> {
      Oversell latest = flags.get(0);
      long trades = flags.stream().map(Oversell::tid).distinct().count();
      findings.add(new Finding(kind(), code, ids.get(code), "shop " + code + ": " + (capped ? "at least " : "") + trades
          + " oversold trade(s) in the last " + window.toHours() + " h; latest " + latest.tid() + " (material " + latest.material()
          + ", ordered " + latest.ordered() + ", sellable " + latest.sellable() + "). See 'bridge stock check --shop " + code + "'."));
    });
    return findings;
  }
}
