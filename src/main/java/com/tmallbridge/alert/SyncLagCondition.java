package com.tmallbridge.alert;

import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import com.tmallbridge.sync.Checkpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stream of a shop (a checkpoint: {@code tmall/trades}, {@code tmall/refunds}) whose mark is older
 * than {@code bridge.alerts.sync-lag-threshold}. Shops awaiting re-authorisation are left out: their
 * own alert says why they stopped.
 */
final class SyncLagCondition implements AlertCondition {
  private final ShopManagement shops;
  private final Checkpoints checkpoints;
  private final Duration threshold;

  SyncLagCondition(ShopManagement shops, Checkpoints checkpoints, Duration threshold) {
    this.shops = shops;
    this.checkpoints = checkpoints;
    this.threshold = threshold;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.SYNC_LAG;
  }

  @Override
  public List<Finding> findings(Instant now) {
    Map<Long, Shop> byId = shops.list().stream().collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
    List<Finding> findings = new ArrayList<>();
    for (Checkpoints.Mark mark : checkpoints.all()) {
      Shop shop = byId.get(mark.shop().value());
      Duration lag = Duration.between(mark.mark(), now);
      if (shop == null || shop.status() == ShopStatus.NEEDS_REAUTH || lag.compareTo(threshold) <= 0) {
        continue;
      }
      String stream = mark.source() + "/" + mark.stream();
      findings.add(new Finding(kind(), shop.code() + " " + stream, shop.id(), "shop " + shop.code() + ", " + stream + ": read up to "
          + mark.mark() + ", " + lag.toMinutes() + " min behind (threshold " + threshold.toMinutes() + " min)"
          + (shop.status() == ShopStatus.PAUSED ? "; paused by Tmall's flow control until " + shop.pausedUntil() : "")));
    }
    return findings;
  }
}
