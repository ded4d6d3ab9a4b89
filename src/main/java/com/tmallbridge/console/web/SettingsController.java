package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.channel.ShopProbe;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.order.OrderProperties;
import com.tmallbridge.order.OrderReason;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings (admin only, see {@link com.tmallbridge.console.AccessRules}): shops with their
 * connection test through the channel ({@link ShopManagement#check}), the ERP connection with its
 * test ({@link ErpConnector#check}), and the review rules. A shop's secrets are entered once and
 * never sent back: the form leaves them empty, and an empty secret on an edit keeps the stored
 * one. Changes go through {@link ShopManagement#add}, which records {@code SHOP_CHANGE} with before
 * and after, secrets as {@code ****}. An admin limited to some shops sees and edits only those and
 * cannot add shops.
 */
@Controller
@ConditionalOnWebApplication
class SettingsController {
  private final ShopManagement shops;
  private final ErpRegistry erp;
  private final OrderProperties orderProperties;
  private final ActorContext actors;

  SettingsController(ShopManagement shops, ErpRegistry erp, OrderProperties orderProperties, ActorContext actors) {
    this.shops = shops;
    this.erp = erp;
    this.orderProperties = orderProperties;
    this.actors = actors;
  }

  @GetMapping("/settings")
  String settings() {
    return "redirect:/settings/shops";
  }

  @GetMapping("/settings/shops")
  String shopList(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    model.addAttribute("shops", shops.list().stream().filter(s -> user.scope().allows(s.id())).toList());
    model.addAttribute("mayAdd", user.scope().all());
    model.addAttribute("fmt", ViewFormat.INSTANCE);
    return "settings-shops";
  }

  @GetMapping("/settings/shops/new")
  String newShop(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    requireAllShops(user);
    model.addAttribute("shop", null);
    return "settings-shop";
  }

  @GetMapping("/settings/shops/{id}")
  String editShop(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, Model model) {
    model.addAttribute("shop", visible(user, id));
    return "settings-shop";
  }

  /**
   * Adds a shop (no {@code id}) or updates one: every field but the secrets is required; a secret
   * left empty keeps the stored one on an update and is refused on an addition.
   */
  @PostMapping("/settings/shops")
  String saveShop(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "id", required = false) @Nullable Long id,
      @RequestParam(name = "code", defaultValue = "") String code, @RequestParam(name = "name", defaultValue = "") String name,
      @RequestParam(name = "gatewayUrl", defaultValue = "") String gatewayUrl, @RequestParam(name = "appKey", defaultValue = "") String appKey,
      @RequestParam(name = "appSecret", defaultValue = "") String appSecret,
      @RequestParam(name = "sessionKey", defaultValue = "") String sessionKey,
      @RequestParam(name = "signMethod", defaultValue = "md5") String signMethod, HttpServletRequest request, RedirectAttributes flash) {
    Shop existing = id == null ? null : visible(user, id);
    if (existing == null) {
      requireAllShops(user);
      if (shops.findByCode(code.strip()).isPresent()) {
        flash.addFlashAttribute("problem", "shop code '" + code.strip() + "' exists already: edit that shop");
        return "redirect:/settings/shops/new";
      }
    }
    String shopCode = existing == null ? code.strip() : existing.code();
    String secret = appSecret.isEmpty() && existing != null ? existing.credentials().appSecret() : appSecret;
    String session = sessionKey.isEmpty() && existing != null ? existing.credentials().sessionKey() : sessionKey;
    try {
      Shop saved = actors.as(actor(user, request), () -> shops.add(new ShopRegistration(shopCode, name.strip(), gatewayUrl.strip(),
          appKey.strip(), secret, session, signMethod.strip(), null)));
      flash.addFlashAttribute("outcome", "shop " + saved.code() + " saved");
      return "redirect:/settings/shops";
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("problem", e.getMessage());
      return existing == null ? "redirect:/settings/shops/new" : "redirect:/settings/shops/" + existing.id().value();
    }
  }

  /** Calls the shop's TOP API once with its stored credentials and shows what it answered. */
  @PostMapping("/settings/shops/{id}/test")
  String testShop(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, RedirectAttributes flash) {
    Shop shop = visible(user, id);
    ShopProbe.ProbeResult result = shops.check(shop);
    flash.addFlashAttribute(result.ok() ? "outcome" : "problem",
        shop.code() + ": " + (result.ok() ? "OK" : "FAILED") + " (" + result.latencyMillis() + " ms) " + result.detail());
    return "redirect:/settings/shops";
  }

  @GetMapping("/settings/erp")
  String erpSettings(Model model) {
    model.addAttribute("activeId", erp.activeId());
    model.addAttribute("connectors", erp.all().stream().map(c -> new ConnectorRow(c.id(), c.displayName(), c.id().equals(erp.activeId()),
        ErpRegistry.capabilitiesOf(c).stream().map(Class::getSimpleName).collect(Collectors.joining(", ")))).toList());
    return "settings-erp";
  }

  /** Runs the active connector's health check once. */
  @PostMapping("/settings/erp/test")
  String testErp(RedirectAttributes flash) {
    try {
      ErpConnector.Health health = erp.active().check();
      flash.addFlashAttribute(health.ok() ? "outcome" : "problem", erp.activeId() + ": " + (health.ok() ? "OK" : "FAILED") + " " + health.detail());
    } catch (RuntimeException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/settings/erp";
  }

  /** The checks that hold an order (built in, not configurable) and the order flow's settings (from the configuration file). */
  @GetMapping("/settings/rules")
  String rules(Model model) {
    model.addAttribute("reasons", List.of(OrderReason.values()));
    model.addAttribute("orderSettings", new java.util.TreeMap<>(Map.of(
        "bridge.order.window", orderProperties.window().toString(),
        "bridge.order.overlap", orderProperties.overlap().toString(),
        "bridge.order.poll-interval", orderProperties.pollInterval().toString(),
        "bridge.order.sweep-every", orderProperties.sweepEvery().toString())));
    return "settings-rules";
  }

  private Shop visible(ConsolePrincipal user, long id) {
    if (id < 1 || !user.scope().allows(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return shops.find(new ShopId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static void requireAllShops(ConsolePrincipal user) {
    if (!user.scope().all()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "an admin limited to some shops cannot add shops");
    }
  }

  private static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    return new Actor(user.getUsername(), request.getRemoteAddr());
  }

  /**
   * One ERP connector.
   *
   * @param id its id ({@code bridge.erp.active})
   * @param name display name
   * @param active whether it is the one in use
   * @param capabilities the SPI capabilities it implements
   */
  record ConnectorRow(String id, String name, boolean active, String capabilities) {}
}
