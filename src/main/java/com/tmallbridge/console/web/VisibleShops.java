package com.tmallbridge.console.web;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The shops a signed-in user may see, for the screens' shop filters: a shop outside the user's
 * scope (or unknown) answers 404, as if it did not exist.
 */
@Component
@ConditionalOnWebApplication
class VisibleShops {
  private final ShopManagement shops;

  VisibleShops(ShopManagement shops) {
    this.shops = shops;
  }

  /** The user's shops, in the shop registry's order. */
  List<Shop> of(ConsolePrincipal user) {
    return shops.list().stream().filter(s -> user.scope().allows(s.id())).toList();
  }

  /**
   * The shops a list shows: the one chosen (blank: none chosen), else all the user's shops.
   *
   * @throws ResponseStatusException 404 for a shop code that is unknown or outside the scope
   */
  List<Shop> chosen(ConsolePrincipal user, @Nullable String code) {
    return code == null || code.isBlank() ? of(user) : List.of(one(user, code));
  }

  /** The ids of {@link #chosen}. */
  List<ShopId> chosenIds(ConsolePrincipal user, @Nullable String code) {
    return chosen(user, code).stream().map(Shop::id).toList();
  }

  /** One shop of the user's, by code; 404 otherwise. */
  Shop one(ConsolePrincipal user, String code) {
    return shops.findByCode(code.strip()).filter(s -> user.scope().allows(s.id()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such shop"));
  }
}
