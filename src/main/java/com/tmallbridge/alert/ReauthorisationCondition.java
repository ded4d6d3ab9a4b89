package com.tmallbridge.alert;

import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import java.time.Instant;
import java.util.List;

/**
 * A shop whose session Tmall refused (status {@code NEEDS_REAUTH}, recorded by the shop module when a
 * TOP call fails with an invalid or expired session): the bridge stops calling it until the seller
 * authorises the app again and the shop is added with the new session key.
 */
final class ReauthorisationCondition implements AlertCondition {
  private final ShopManagement shops;

  ReauthorisationCondition(ShopManagement shops) {
    this.shops = shops;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.SHOP_REAUTHORISATION;
  }

  @Override
  public List<Finding> findings(Instant now) {
    return shops.list().stream().filter(s -> s.status() == ShopStatus.NEEDS_REAUTH)
        .map(s -> new Finding(kind(), s.code(), s.id(), "shop " + s.code() + " (" + s.name() + ") needs re-authorisation, no calls "
            + "until then: " + (s.statusDetail() == null ? "session refused" : s.statusDetail())
            + ". Authorise the app again and run 'bridge shop add " + s.code() + " …' with the new session key."))
        .toList();
  }
}
