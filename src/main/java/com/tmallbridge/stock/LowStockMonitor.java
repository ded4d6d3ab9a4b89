package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One low-stock pass: compares on-hand with the threshold for every material in every warehouse,
 * opens an alert (and publishes {@link LowStockAlertRaised} in the same transaction) when a pair
 * is low and has no open alert, refreshes open alerts that stay low, and closes those whose stock
 * recovered — including pairs that left the catalogue. A failure on one pair is logged with
 * {@code REPLENISH-001}, reported, and does not stop the others. Safe to run on several nodes at
 * once: the open-alert key is unique, so a pair never has two open alerts.
 */
@Component
class LowStockMonitor {
  private static final Logger log = LoggerFactory.getLogger(LowStockMonitor.class);

  private final ReplenishmentPlanner planner;
  private final LowStockAlertRepository alerts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LowStockMonitor(ReplenishmentPlanner planner, LowStockAlertRepository alerts, ApplicationEventPublisher events,
      PlatformTransactionManager transactions, Clock clock) {
    this.planner = planner;
    this.alerts = alerts;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  LowStockPass pass() {
    List<ReplenishmentSuggestion> all = planner.plan(ReplenishmentQuery.all());
    Instant now = clock.instant();
    Map<String, LowStockAlert> open = new HashMap<>();
    for (LowStockAlert alert : alerts.allOpen()) {
      open.put(key(alert.material(), alert.warehouse()), alert);
    }
    int opened = 0;
    int closed = 0;
    List<String> failures = new ArrayList<>();
    for (ReplenishmentSuggestion s : all) {
      LowStockAlert current = open.remove(key(s.material(), s.warehouse()));
      try {
        if (s.lowStock() && current == null) {
          opened += openAlert(s, now) ? 1 : 0;
        } else if (s.lowStock()) {
          alerts.touch(current.id(), s.onHand(), now);
        } else if (current != null) {
          closed += alerts.close(current.id(), s.onHand(), now) ? 1 : 0;
        }
      } catch (RuntimeException e) {
        failures.add(failure(s.material(), s.warehouse(), e));
      }
    }
    for (LowStockAlert orphan : open.values()) {
      try {
        closed += alerts.close(orphan.id(), orphan.lastOnHand(), now) ? 1 : 0;
      } catch (RuntimeException e) {
        failures.add(failure(orphan.material(), orphan.warehouse(), e));
      }
    }
    return new LowStockPass(all.size(), opened, closed, alerts.countOpen(), failures);
  }

  private boolean openAlert(ReplenishmentSuggestion s, Instant now) {
    Boolean done = transaction.execute(status -> alerts.open(s, now).map(alert -> {
      events.publishEvent(new LowStockAlertRaised(alert.id(), alert.material(), alert.warehouse(), alert.onHandAtOpen(),
          alert.threshold(), alert.daysOfCover(), alert.suggestedQuantity(), alert.openedAt()));
      log.info("low stock: {} in {} has {} on hand, below {} (alert {})", s.material(), s.warehouse(), s.onHand(),
          s.threshold(), alert.id());
      return true;
    }).orElse(false));
    return Boolean.TRUE.equals(done);
  }

  private static String failure(MaterialCode material, String warehouse, RuntimeException e) {
    String line = ReplenishmentErrorCode.ALERT_NOT_RECORDED.code() + " " + material + " in " + warehouse + ": " + e.getMessage();
    log.error("{}", line, e);
    return line.replace('\n', ' ');
  }

  private static String key(MaterialCode material, String warehouse) {
    return material.value() + "|" + warehouse;
  }
}
