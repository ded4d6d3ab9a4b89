package com.tmallbridge.finance;

import com.tmallbridge.alert.AlertCondition;
import com.tmallbridge.alert.AlertKind;
import com.tmallbridge.alert.Finding;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@link AlertKind#RECONCILIATION_DIFFERENCE}: one finding per shop and day of the last {@value
 * #DAYS} days whose latest reconciliation found differences; a re-run without differences clears it.
 */
@Component
class ReconciliationCondition implements AlertCondition {
  static final int DAYS = 31;

  private final ReconciliationRepository repository;
  private final ShopManagement shops;

  ReconciliationCondition(ReconciliationRepository repository, ShopManagement shops) {
    this.repository = repository;
    this.shops = shops;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.RECONCILIATION_DIFFERENCE;
  }

  @Override
  public List<Finding> findings(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, Reconciler.TMALL_ZONE);
    Map<Long, String> codes = shops.list().stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code, (a, b) -> a));
    return repository.days(codes.keySet(), today.minusDays(DAYS), today).stream()
        .filter(d -> d.totalDifferences() > 0)
        .map(d -> {
          String code = codes.get(d.shopId().value());
          String perCategory = d.differences().entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
          return new Finding(kind(), code + " " + d.day(), d.shopId(), d.totalDifferences() + " reconciliation difference(s) on " + d.day()
              + ": " + perCategory + " (bridge reconcile --date " + d.day() + " --shop " + code + ")");
        })
        .toList();
  }
}
