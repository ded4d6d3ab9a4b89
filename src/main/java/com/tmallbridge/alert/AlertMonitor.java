package com.tmallbridge.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation pass: asks every {@link AlertCondition} what holds now and brings table
 * {@code alert} in line — a finding without an open alert raises one (message {@code RAISED}), an
 * open alert still found is repeated once {@code cooldown} has passed since its last message
 * ({@code REPEATED}), an open alert of a condition that no longer reports it is resolved
 * ({@code RESOLVED}). A condition that fails leaves its kind's alerts as they are. Messages are
 * returned to the caller for the {@link AlertNotifier}, which sends them on its own thread. Not thread-safe: one
 * pass at a time (the alert scheduler's thread, or a test).
 */
final class AlertMonitor {
  private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);

  private final List<AlertCondition> conditions;
  private final AlertRepository alerts;
  private final Duration cooldown;
  private final Clock clock;

  AlertMonitor(List<AlertCondition> conditions, AlertRepository alerts, Duration cooldown, Clock clock) {
    this.conditions = List.copyOf(conditions);
    this.alerts = alerts;
    this.cooldown = cooldown;
    this.clock = clock;
  }

  /**
   * Runs one pass in the caller's transaction; the messages it makes are added to {@code messages}
   * for the caller to hand to the notifier once the transaction has committed (a pass that rolls back
   * sends nothing, and raises again next time).
   */
  AlertPass evaluate(List<AlertMessage> messages) {
    Instant now = clock.instant();
    Map<String, Finding> found = new LinkedHashMap<>();
    List<AlertKind> failed = new ArrayList<>();
    for (AlertCondition condition : conditions) {
      try {
        for (Finding f : condition.findings(now)) {
          found.put(f.key(), f);
        }
      } catch (RuntimeException e) {
        failed.add(condition.kind());
        log.warn("alert condition {} could not be evaluated; its alerts stay as they are", condition.kind(), e);
      }
    }
    Set<AlertKind> evaluated = conditions.stream().map(AlertCondition::kind).filter(k -> !failed.contains(k)).collect(Collectors.toSet());
    int raised = 0;
    int repeated = 0;
    int resolved = 0;
    Map<String, OpenAlert> open = new LinkedHashMap<>();
    for (OpenAlert a : alerts.open()) {
      open.put(a.kind() + "|" + a.subject(), a);
    }
    for (Finding f : found.values()) {
      OpenAlert existing = open.get(f.key());
      if (existing == null) {
        if (alerts.raise(f, now)) {
          raised++;
          messages.add(new AlertMessage(AlertEvent.RAISED, f.kind(), f.subject(), f.text(), now, now));
        }
      } else if (!now.isBefore(existing.lastSentAt().plus(cooldown))) {
        if (alerts.repeated(existing, f.text(), now)) {
          repeated++;
          messages.add(new AlertMessage(AlertEvent.REPEATED, f.kind(), f.subject(), f.text(), existing.raisedAt(), now));
        }
      } else if (!existing.message().equals(f.text())) {
        alerts.updateMessage(existing.id(), f.text(), now);
      }
    }
    for (OpenAlert a : open.values()) {
      if (evaluated.contains(a.kind()) && !found.containsKey(a.kind() + "|" + a.subject()) && alerts.resolve(a.id(), now)) {
        resolved++;
        messages.add(new AlertMessage(AlertEvent.RESOLVED, a.kind(), a.subject(), "cleared; was: " + a.message(), a.raisedAt(), now));
      }
    }
    return new AlertPass(raised, repeated, resolved, List.copyOf(failed));
  }
}
