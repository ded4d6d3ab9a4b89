package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.PromotionLock;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockRule;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.springframework.web.util.UriUtils;

/**
 * The stock rules screen ({@code /stock/rules}): the publish rules (shop default, item and SKU
 * overrides) and the promotion locks of the user's shops, with forms to add or change a rule,
 * remove one, add a lock and remove one. Changes go through {@link StockManagement} as the
 * signed-in user, which validates them and records each in the audit log as {@code RULE_CHANGE}
 * with the value before and after. Who may change is decided by {@code AccessRules} (admin,
 * operator; the auditor only reads). A shop (or lock) outside the user's scope, or unknown, answers
 * 404; a value that is not valid comes back as one line above the forms and nothing is changed.
 * Lock windows are entered in China Standard Time.
 */
@Controller
@ConditionalOnWebApplication
class StockRulesController {
  private final StockManagement stock;
  private final VisibleShops shops;
  private final ActorContext actors;
  private final Clock clock;

  StockRulesController(StockManagement stock, VisibleShops shops, ActorContext actors, Clock clock) {
    this.stock = stock;
    this.shops = shops;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping("/stock/rules")
  String rules(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "numIid", defaultValue = "") String numIid, @RequestParam(name = "skuId", defaultValue = "") String skuId,
      Model model) {
    List<Shop> mine = shops.of(user);
    List<ShopId> chosen = shops.chosenIds(user, shop);
    Map<Long, String> codes = mine.stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code));
    Instant now = clock.instant();
    model.addAttribute("shops", mine);
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("shopCodes", codes);
    List<StockRule> rules = stock.rules().stream().filter(r -> chosen.contains(r.shop())).toList();
    model.addAttribute("rules", rules);
    // the rule to change, when the user chose one of a single shop: fills the editor
    model.addAttribute("edit", shop == null || shop.isBlank() ? null : rules.stream()
        .filter(r -> r.numIid().equals(numIid.strip()) && r.skuId().equals(skuId.strip())).findFirst().orElse(null));
    model.addAttribute("locks", stock.locks(true).stream().filter(l -> chosen.contains(l.shop()))
        .map(l -> new LockRow(l, !l.to().isAfter(now))).toList());
    model.addAttribute("zone", ConsoleController.DAY_ZONE);
    return "stock-rules";
  }

  /** Adds or changes a rule: the shop default (no item), an item override (no SKU) or a SKU override; blank fields inherit. */
  @PostMapping("/stock/rules")
  String putRule(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam(name = "numIid", defaultValue = "") String numIid, @RequestParam(name = "skuId", defaultValue = "") String skuId,
      @RequestParam(name = "warehouses", defaultValue = "") String warehouses, @RequestParam(name = "percent", defaultValue = "") String percent,
      @RequestParam(name = "add", defaultValue = "") String add, @RequestParam(name = "min", defaultValue = "") String min,
      @RequestParam(name = "max", defaultValue = "") String max, @RequestParam(name = "zeroBelow", defaultValue = "") String zeroBelow,
      @RequestParam(name = "safety", defaultValue = "") String safety, HttpServletRequest request, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> {
      Long percentValue = number("percent", percent);
      if (percentValue != null && (percentValue < 0 || percentValue > 100)) {
        throw new IllegalArgumentException("percent must be between 0 and 100, got " + percentValue);
      }
      StockRule rule = stock.putRule(new StockRule(shop.id(), numIid, skuId, warehouses.isBlank() ? null
          : Arrays.stream(warehouses.split(",")).map(String::strip).toList(), percentValue == null ? null : percentValue.intValue(),
          number("add", add), number("min", min), number("max", max), number("zero below", zeroBelow), number("safety", safety)));
      return "rule " + name(shop, rule.numIid(), rule.skuId()) + " set; figures change at the next stock cycle";
    });
  }

  @PostMapping("/stock/rules/delete")
  String removeRule(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam(name = "numIid", defaultValue = "") String numIid, @RequestParam(name = "skuId", defaultValue = "") String skuId,
      HttpServletRequest request, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> stock.removeRule(shop.id(), numIid, skuId)
        ? "rule " + name(shop, numIid.strip(), skuId.strip()) + " removed" : "no rule " + name(shop, numIid.strip(), skuId.strip()));
  }

  /** Adds a promotion lock on a material or a listing; the window is read in China Standard Time. */
  @PostMapping("/stock/locks")
  String addLock(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam(name = "material", defaultValue = "") String material, @RequestParam(name = "numIid", defaultValue = "") String numIid,
      @RequestParam(name = "skuId", defaultValue = "") String skuId, @RequestParam(name = "quantity", defaultValue = "") String quantity,
      @RequestParam(name = "from", defaultValue = "") String from, @RequestParam(name = "to", defaultValue = "") String to,
      @RequestParam(name = "note", defaultValue = "") String note, HttpServletRequest request, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> {
      Long units = number("quantity", quantity);
      if (units == null) {
        throw new IllegalArgumentException("quantity is required");
      }
      PromotionLock lock = stock.addLock(new PromotionLock(0, shop.id(), material.isBlank() ? null : new MaterialCode(material.strip()),
          numIid.isBlank() ? null : numIid.strip(), skuId.isBlank() ? null : skuId.strip(), units, time("start", from), time("end", to),
          note.isBlank() ? null : note.strip()));
      return "lock " + lock.id() + ": " + lock.quantity() + " held for " + shop.code();
    });
  }

  @PostMapping("/stock/locks/{id}/delete")
  String removeLock(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, HttpServletRequest request,
      RedirectAttributes flash) {
    PromotionLock lock = stock.locks(true).stream().filter(l -> l.id() == id && user.scope().allows(l.shop())).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lock"));
    Shop shop = shops.of(user).stream().filter(s -> s.id().equals(lock.shop())).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such lock"));
    return act(user, request, flash, shop, () -> stock.removeLock(id) ? "lock " + id + " removed" : "no lock " + id);
  }

  /** A lock as listed, with whether its window has ended. */
  record LockRow(PromotionLock lock, boolean ended) {}

  /** Runs a change as the user; its outcome (or the one-line reason it was refused) goes to the next page. */
  private String act(ConsolePrincipal user, HttpServletRequest request, RedirectAttributes flash, Shop shop, Supplier<String> change) {
    try {
      flash.addFlashAttribute("outcome", actors.as(new Actor(user.getUsername(), request.getRemoteAddr()), change));
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("refused", e.getMessage());
    }
    return "redirect:/stock/rules?shop=" + UriUtils.encodeQueryParam(shop.code(), StandardCharsets.UTF_8);
  }

  private static String name(Shop shop, String numIid, String skuId) {
    return shop.code() + (numIid.isEmpty() ? " (shop default)" : "/" + numIid + (skuId.isEmpty() ? "" : "/" + skuId));
  }

  /** A whole number from a form field; blank = null (inherit). */
  private static @Nullable Long number(String field, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a whole number, got '" + text.strip() + "'");
    }
  }

  /** A time from a {@code datetime-local} field ({@code 2026-12-12T00:00}), in China Standard Time. */
  private static Instant time(String field, String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the lock's " + field + " is required");
    }
    try {
      return LocalDateTime.parse(text.strip()).atZone(ConsoleController.DAY_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the lock's " + field + " must be a date and time like 2026-12-12T00:00, got '" + text.strip() + "'");
    }
  }
}
