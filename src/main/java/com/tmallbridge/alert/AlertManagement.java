package com.tmallbridge.alert;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.PeriodicRun;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Façade of the alert module: evaluates the conditions ({@link #evaluate()}, or every
 * {@code bridge.alerts.interval} between {@link #start()} and {@link #stop()}, as {@code serve} and
 * {@code sync} run it), lists open alerts for the dashboard, and sends a test message to every
 * channel ({@code bridge alerts test}).
 */
public class AlertManagement {
  private final AlertMonitor monitor;
  private final AlertRepository alerts;
  private final AlertNotifier notifier;
  private final OperationsGauges gauges;
  private final AlertProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PeriodicRun periodic = new PeriodicRun("alerts");

  AlertManagement(AlertMonitor monitor, AlertRepository alerts, AlertNotifier notifier, OperationsGauges gauges, AlertProperties properties,
      TransactionTemplate transactions, Clock clock) {
    this.monitor = monitor;
    this.alerts = alerts;
    this.notifier = notifier;
    this.gauges = gauges;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * One pass in one transaction: raises, repeats and resolves alerts; once it has committed their
   * messages are queued for the channels (not waited for), then the operations gauges are refreshed.
   */
  public AlertPass evaluate() {
    List<AlertMessage> messages = new java.util.ArrayList<>();
    AlertPass pass = transactions.execute(status -> monitor.evaluate(messages));
    messages.forEach(notifier::deliver);
    gauges.refresh(alerts.open());
    return pass;
  }

  /** Evaluates now and then every {@code bridge.alerts.interval}, on a thread of its own, until {@link #stop()}. */
  public void start() {
    periodic.start(properties.interval(), this::evaluate);
  }

  /** Stops the periodic evaluation (waiting for a pass in progress). */
  public void stop() {
    periodic.stop();
  }

  /**
   * Open alerts, oldest first, of the given shops; alerts of no shop (a failed backup) only when
   * {@code shops} is null (a user who sees every shop).
   */
  public List<OpenAlert> open(@Nullable Collection<ShopId> shops) {
    return alerts.open().stream()
        .filter(a -> shops == null || a.shopId() != null && shops.stream().anyMatch(s -> s.value() == a.shopId()))
        .toList();
  }

  /** Whether queued alert messages are still being sent (with their retries); for tests and orderly stops. */
  boolean deliveriesPending() {
    return notifier.undelivered() > 0;
  }

  /** The ids of the configured channels, e.g. {@code [dingtalk, email]}. */
  public List<String> channels() {
    return notifier.channels().stream().map(AlertChannel::id).toList();
  }

  /**
   * Sends a test message to every channel now, waiting for each (with its retries).
   *
   * @return one result per channel
   */
  public List<ChannelResult> sendTest() {
    return notifier.sendNow(AlertMessage.test(clock.instant())).stream().map(o -> new ChannelResult(o.channel(), o.error())).toList();
  }

  /**
   * How the test message went on one channel.
   *
   * @param channel the channel's id
   * @param error why it was not delivered, null when it was
   */
  public record ChannelResult(String channel, @Nullable String error) {}
}
