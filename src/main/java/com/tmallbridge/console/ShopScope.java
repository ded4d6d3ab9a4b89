package com.tmallbridge.console;

import com.tmallbridge.core.ShopId;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The shops a user may see: all of them, or a fixed set. A screen shows a row of a shop only when
 * {@link #allows} it.
 *
 * @param all true for every shop (present and future)
 * @param shops the shops allowed when not {@code all}; empty with {@code all}
 */
public record ShopScope(boolean all, Set<ShopId> shops) {

  public ShopScope {
    shops = Set.copyOf(shops);
    if (all && !shops.isEmpty()) {
      throw new IllegalArgumentException("a scope of all shops lists no shops");
    }
    if (!all && shops.isEmpty()) {
      throw new IllegalArgumentException("a limited scope needs at least one shop");
    }
  }

  public static ShopScope everyShop() {
    return new ShopScope(true, Set.of());
  }

  public static ShopScope only(Set<ShopId> shops) {
    return new ShopScope(false, shops);
  }

  public boolean allows(ShopId shop) {
    return all || shops.contains(shop);
  }

  public boolean allows(long shopId) {
    return all || shops.contains(new ShopId(shopId));
  }

  @Override
  public String toString() {
    return all ? "all" : shops.stream().map(ShopId::value).collect(Collectors.toCollection(TreeSet::new)).toString();
  }
}
