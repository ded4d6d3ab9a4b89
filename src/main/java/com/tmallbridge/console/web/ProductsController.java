package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.product.MismatchReport;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.product.SkuMapping;
import com.tmallbridge.product.SkuMatch;
import com.tmallbridge.shop.Shop;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Products and mappings: the mismatch report of one shop (unmatched and doubtful SKUs), the SKU
 * mappings of the user's shops with an editor (add, change, delete), the combos, and the carrier
 * mappings with an editor. Changes go through {@link ProductManagement} and {@link
 * FulfilmentManagement} as the signed-in user, which record each in the audit log as {@code
 * MAPPING_CHANGE} with the value before and after. Who may change is decided by {@code AccessRules}
 * (admin, operator); a shop outside the user's scope answers 404.
 */
@Controller
@ConditionalOnWebApplication
class ProductsController {
  private final ProductManagement products;
  private final FulfilmentManagement fulfilment;
  private final VisibleShops shops;
  private final ActorContext actors;

  ProductsController(ProductManagement products, FulfilmentManagement fulfilment, VisibleShops shops, ActorContext actors) {
    this.products = products;
    this.fulfilment = fulfilment;
    this.shops = shops;
    this.actors = actors;
  }

  @GetMapping("/products")
  String products(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "q", required = false) @Nullable String prefix, Model model) {
    List<Shop> mine = shops.of(user);
    List<Shop> chosen = shops.chosen(user, shop);
    Map<Long, String> codes = mine.stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code));
    String q = prefix == null ? "" : prefix.strip();
    List<SkuMapping> mappings = products.mappings().stream()
        .filter(m -> chosen.stream().anyMatch(s -> s.id().equals(m.shop())))
        .filter(m -> q.isEmpty() || m.numIid().startsWith(q) || m.skuId().startsWith(q) || m.code().startsWith(q))
        .sorted(Comparator.comparing((SkuMapping m) -> codes.get(m.shop().value())).thenComparing(SkuMapping::numIid)
            .thenComparing(SkuMapping::skuId))
        .toList();
    model.addAttribute("shops", mine);
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("q", q);
    model.addAttribute("shopCodes", codes);
    model.addAttribute("mappings", mappings);
    model.addAttribute("combos", products.combos());
    model.addAttribute("carriers", chosen.stream().flatMap(s -> fulfilment.carriers(s.code()).stream()).toList());
    Shop reported = chosen.isEmpty() ? null : chosen.get(0);
    model.addAttribute("reportShop", reported == null ? "" : reported.code());
    model.addAttribute("report", reported == null ? null : report(reported, model));
    return "products";
  }

  private @Nullable MismatchReport report(Shop shop, Model model) {
    try {
      return products.report(shop.id(), null);
    } catch (RuntimeException e) {
      model.addAttribute("reportError", e.getMessage());
      return null;
    }
  }

  /** Adds or changes a SKU mapping (to a material, or to a combo with {@code combo}). */
  @PostMapping("/products/mappings")
  String putMapping(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code, @RequestParam("numIid") String numIid,
      @RequestParam(name = "skuId", defaultValue = "") String skuId, @RequestParam("code") String target,
      @RequestParam(name = "combo", defaultValue = "false") boolean combo, HttpServletRequest request, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> {
      if (numIid.isBlank() || target.isBlank()) {
        throw new IllegalArgumentException("item and code must not be blank");
      }
      SkuMatch match = products.map(shop.id(), numIid.strip(), skuId.strip(), target.strip(), combo);
      return "mapping " + shop.code() + "/" + numIid.strip() + (skuId.isBlank() ? "" : "/" + skuId.strip()) + " → " + target.strip()
          + (match == null || match.problem() == null ? "" : " (" + match.problem() + ")");
    });
  }

  @PostMapping("/products/mappings/delete")
  String deleteMapping(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam("numIid") String numIid, @RequestParam(name = "skuId", defaultValue = "") String skuId, HttpServletRequest request,
      RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> {
      String name = shop.code() + "/" + numIid + (skuId.isEmpty() ? "" : "/" + skuId);
      return products.removeMapping(shop.id(), numIid, skuId) ? "mapping " + name + " deleted" : "no mapping " + name;
    });
  }

  /** Maps an ERP carrier to a Tmall company for one shop (and retries the shipments it held). */
  @PostMapping("/products/carriers")
  String putCarrier(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam("erpCarrier") String erpCarrier, @RequestParam("companyCode") String companyCode, HttpServletRequest request,
      RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    return act(user, request, flash, shop, () -> {
      List<String> retried = fulfilment.setCarrier(shop.code(), erpCarrier.strip(), companyCode.strip());
      return "carrier " + shop.code() + "/" + erpCarrier.strip() + " → " + companyCode.strip()
          + (retried.isEmpty() ? "" : "; " + retried.size() + " shipment(s) retried");
    });
  }

  /** Runs a change as the user; its outcome (or the one-line reason it was refused) goes to the next page. */
  private String act(ConsolePrincipal user, HttpServletRequest request, RedirectAttributes flash, Shop shop,
      java.util.function.Supplier<String> change) {
    try {
      flash.addFlashAttribute("outcome", actors.as(new Actor(user.getUsername(), request.getRemoteAddr()), change));
    } catch (RuntimeException e) {
      flash.addFlashAttribute("refused", e.getMessage());
    }
    return "redirect:/products?shop=" + UriUtils.encodeQueryParam(shop.code(), StandardCharsets.UTF_8);
  }
}
