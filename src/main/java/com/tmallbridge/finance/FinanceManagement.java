package com.tmallbridge.finance;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Façade of the money flow for the CLI, the scheduler, the demo and other flows: import a shop's
 * settlement lines from Tmall, and read them.
 */
@Service
public class FinanceManagement {
  private static final Logger log = LoggerFactory.getLogger(FinanceManagement.class);

  private final ShopManagement shops;
  private final SettlementImport importer;
  private final SettlementRepository settlements;

  FinanceManagement(ShopManagement shops, SettlementImport importer, SettlementRepository settlements) {
    this.shops = shops;
    this.importer = importer;
    this.settlements = settlements;
  }

  /**
   * Imports the shop's settlement lines from its cursor up to now minus the safety lag.
   *
   * @throws IllegalArgumentException when the shop is unknown
   */
  public SettlementImportResult importSettlements(ShopId shop) {
    return importSettlements(shop, null, ImportProgress.NONE);
  }

  /**
   * Imports the shop's settlement lines from {@code since} (from its cursor when null) up to now
   * minus the safety lag, telling {@code progress} after each window.
   *
   * @throws IllegalArgumentException when the shop is unknown
   */
  public SettlementImportResult importSettlements(ShopId shop, @Nullable Instant since, ImportProgress progress) {
    Shop found = shops.find(shop).orElseThrow(() -> new IllegalArgumentException("no shop " + shop.value()));
    return importer.run(found, since, progress);
  }

  /** Imports every shop up to now; a failing shop does not stop the others. */
  public List<SettlementImportResult> importAll() {
    List<SettlementImportResult> results = new ArrayList<>();
    for (Shop shop : shops.list()) {
      try {
        results.add(importer.run(shop, null, ImportProgress.NONE));
      } catch (RuntimeException e) {
        log.error("shop {}: settlement import failed", shop.code(), e);
        results.add(new SettlementImportResult(shop.code(), 0, 0, 0, 0, null, e.toString()));
      }
    }
    return results;
  }

  /**
   * Lines filtered by the non-null arguments: a shop, a Tmall day (GMT+8, by biz_time), a trade;
   * by shop, biz_time and bid, at most {@code limit}.
   */
  public List<SettlementEntry> lines(@Nullable ShopId shop, @Nullable LocalDate day, @Nullable String tid, int limit) {
    return settlements.lines(shop, day, tid, limit);
  }

  /** Every line of one trade. */
  public List<SettlementEntry> linesOfTrade(ShopId shop, String tid) {
    return settlements.linesOfTrade(shop, tid);
  }

  /** Signed totals per kind of a Tmall day (by biz_time). */
  public Map<SettlementKind, Long> totalsOfDay(ShopId shop, LocalDate day) {
    return settlements.totalsByKind(shop, SettlementRepository.dayStart(day), SettlementRepository.dayStart(day.plusDays(1)));
  }

  /** Lines stored for the shop (all shops when null). */
  public long lineCount(@Nullable ShopId shop) {
    return settlements.count(shop);
  }
}
