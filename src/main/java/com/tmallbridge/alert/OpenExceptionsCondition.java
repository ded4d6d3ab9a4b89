package com.tmallbridge.alert;

import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A shop with more open (unresolved) order exceptions than {@code bridge.alerts.open-exceptions-threshold}. */
final class OpenExceptionsCondition implements AlertCondition {
  private final ShopManagement shops;
  private final OrderManagement orders;
  private final int threshold;

  OpenExceptionsCondition(ShopManagement shops, OrderManagement orders, int threshold) {
    this.shops = shops;
    this.orders = orders;
    this.threshold = threshold;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.OPEN_EXCEPTIONS;
  }

  @Override
  public List<Finding> findings(Instant now) {
    List<Finding> findings = new ArrayList<>();
    for (Shop shop : shops.list()) {
      Map<String, Long> byReason = orders.unresolvedByReason(List.of(shop.id()));
      long total = byReason.values().stream().mapToLong(Long::longValue).sum();
      if (total > threshold) {
        String reasons = byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        findings.add(new Finding(kind(), shop.code(), shop.id(),
            "shop " + shop.code() + ": " + total + " open exceptions (threshold " + threshold + "): " + reasons));
      }
    }
    return findings;
  }
}
