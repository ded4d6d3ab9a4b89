package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade of replenishment and low-stock alerts for the CLI, the console and the scheduler:
 * suggestions per material and warehouse from the active ERP's on-hand and delivery history,
 * their settings, and the low-stock pass with its alerts. Thread-safe.
 */
@Service
public class Replenishment {
  private final ReplenishmentPlanner planner;
  private final ReplenishmentSettingsRepository settings;
  private final LowStockMonitor monitor;
  private final LowStockAlertRepository alerts;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Replenishment(ReplenishmentPlanner planner, ReplenishmentSettingsRepository settings, LowStockMonitor monitor,
      LowStockAlertRepository alerts, PlatformTransactionManager transactions, Clock clock) {
    this.planner = planner;
    this.settings = settings;
    this.monitor = monitor;
    this.alerts = alerts;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Suggestions for every material and warehouse the query selects, ordered by material then
   * warehouse; dead stock is included with status {@link ReplenishmentStatus#DEAD}. Reads only.
   *
   * @throws IllegalArgumentException when the query names an unknown material or warehouse
   * @throws com.tmallbridge.erp.ConnectorException when the ERP cannot be read
   */
  public List<ReplenishmentSuggestion> suggestions(ReplenishmentQuery query) {
    return planner.plan(query);
  }

  /**
   * Runs one low-stock pass (see {@link LowStockAlertRaised}). Idempotent: a second pass with the
   * same stock opens and closes nothing.
   *
   * @throws com.tmallbridge.erp.ConnectorException when the ERP cannot be read (nothing changes)
   */
  public LowStockPass checkLowStock() {
    return monitor.pass();
  }

  /** Alerts, newest first: only open ones when {@code openOnly}; at most {@code limit} (1..100000). */
  public List<LowStockAlert> alerts(boolean openOnly, int limit) {
    if (limit < 1 || limit > 100_000) {
      throw new IllegalArgumentException("limit must be between 1 and 100000, got " + limit);
    }
    return alerts.list(openOnly, limit);
  }

  /** Every stored settings row, by material then warehouse. */
  public List<ReplenishmentOverride> storedSettings() {
    return settings.all();
  }

  /** The settings in force for a material in a warehouse. */
  public ReplenishmentSettings effectiveSettings(MaterialCode material, String warehouse) {
    return planner.effective(material, warehouse);
  }

  /**
   * Writes the non-null fields of {@code update} over the stored row of its material and
   * warehouse (null warehouse: all warehouses), creating it if needed. Setting safety days clears
   * the row's safety quantity and the other way round.
   *
   * @return the stored row
   * @throws IllegalArgumentException when the material or warehouse is unknown to the ERP
   */
  public ReplenishmentOverride updateSettings(ReplenishmentOverride update) {
    planner.checkKnown(update.material(), update.warehouse());
    return transaction.execute(status -> {
      ReplenishmentOverride merged = settings.find(update.material(), update.warehouse())
          .orElseGet(() -> ReplenishmentOverride.empty(update.material(), update.warehouse()))
          .merge(update);
      settings.save(merged, clock.instant());
      return merged;
    });
  }

  /**
   * Removes the stored row of a material in a warehouse (null: the all-warehouse row), so the
   * next level's settings apply again.
   *
   * @return whether a row was removed
   */
  public boolean clearSettings(MaterialCode material, @Nullable String warehouse) {
    return settings.delete(material, warehouse);
  }
}
