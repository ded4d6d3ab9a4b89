package com.tmallbridge.alert;

import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Checkpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gauges of the state operators watch, refreshed after every alert pass (so as fresh as
 * {@code bridge.alerts.interval}): {@code bridge.exceptions.open{shop,reason}} (open order
 * exceptions), {@code bridge.sync.lag{shop,source,stream}} in seconds (now minus the checkpoint) and
 * {@code bridge.alerts.open{kind}} (open alerts, every kind, 0 included). In Prometheus:
 * {@code bridge_exceptions_open}, {@code bridge_sync_lag_seconds}, {@code bridge_alerts_open}.
 */
final class OperationsGauges {
  private final ShopManagement shops;
  private final OrderManagement orders;
  private final Checkpoints checkpoints;
  private final Clock clock;
  private final MultiGauge exceptions;
  private final MultiGauge lag;
  private final MultiGauge alerts;

  OperationsGauges(ShopManagement shops, OrderManagement orders, Checkpoints checkpoints, Clock clock, MeterRegistry registry) {
    this.shops = shops;
    this.orders = orders;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.exceptions = MultiGauge.builder("bridge.exceptions.open").description("Open order exceptions").register(registry);
    this.lag = MultiGauge.builder("bridge.sync.lag").baseUnit("seconds").description("Now minus the stream's checkpoint").register(registry);
    this.alerts = MultiGauge.builder("bridge.alerts.open").description("Open alerts").register(registry);
  }

  /** Reads the figures again and replaces the gauges' rows (rows of shops or reasons gone are removed). */
  void refresh(List<OpenAlert> open) {
    Instant now = clock.instant();
    Map<Long, String> codes = shops.list().stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code, (a, b) -> a));
    List<MultiGauge.Row<?>> exceptionRows = new ArrayList<>();
    for (Shop shop : shops.list()) {
      orders.unresolvedByReason(List.of(shop.id())).forEach((reason, count) ->
          exceptionRows.add(MultiGauge.Row.of(Tags.of("shop", shop.code(), "reason", reason), count)));
    }
    exceptions.register(exceptionRows, true);
    List<MultiGauge.Row<?>> lagRows = checkpoints.all().stream()
        .filter(m -> codes.containsKey(m.shop().value()))
        .map(m -> MultiGauge.Row.of(Tags.of("shop", codes.get(m.shop().value()), "source", m.source(), "stream", m.stream()),
            Math.max(0, Duration.between(m.mark(), now).toMillis()) / 1000.0))
        .collect(Collectors.toList());
    lag.register(lagRows, true);
    Map<AlertKind, Long> byKind = new EnumMap<>(AlertKind.class);
    for (AlertKind kind : AlertKind.values()) {
      byKind.put(kind, 0L);
    }
    open.stream().collect(Collectors.groupingBy(OpenAlert::kind, Collectors.counting())).forEach(byKind::put);
    alerts.register(byKind.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("kind", e.getKey().name()), e.getValue()))
        .map(Function.<MultiGauge.Row<?>>identity()).toList(), true);
  }
}
