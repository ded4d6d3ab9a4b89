package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.ExceptionView;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderReason;
import com.tmallbridge.order.TradeDetail;
import com.tmallbridge.order.TradeSnapshotLine;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.product.SkuMatch;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
 * The exception queue's actions beyond a single retry: ignore with a note, bulk retry or ignore of
 * selected rows, and edit-and-retry of an unmapped SKU (the mapping added through
 * {@link ProductManagement#map}, as {@code mappings add} does, then the retry). Every action runs as
 * the signed-in user, so the audit log ({@code EXCEPTION_ACTION}, {@code MAPPING_CHANGE}) names
 * them; an exception of a shop outside the user's scope answers 404 (in bulk: the whole request).
 */
@Controller
@ConditionalOnWebApplication
class ExceptionActionsController {
  /** Most rows one bulk action takes. */
  static final int BULK_LIMIT = 500;

  private final OrderManagement orders;
  private final ProductManagement products;
  private final ActorContext actors;

  ExceptionActionsController(OrderManagement orders, ProductManagement products, ActorContext actors) {
    this.orders = orders;
    this.products = products;
    this.actors = actors;
  }

  @PostMapping("/exceptions/{id}/ignore")
  String ignore(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id,
      @RequestParam(name = "note", defaultValue = "") String note, HttpServletRequest request, RedirectAttributes flash) {
    ExceptionView exception = visible(user, id);
    try {
      flash.addFlashAttribute("outcome", "#" + id + ": " + actors.as(actor(user, request), () -> orders.ignore(exception.id(), note)));
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("problem", "#" + id + ": " + e.getMessage());
    }
    return "redirect:/exceptions";
  }

  @PostMapping("/exceptions/bulk")
  String bulk(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "ids", required = false) List<Long> ids,
      @RequestParam(name = "action") String action, @RequestParam(name = "note", defaultValue = "") String note,
      HttpServletRequest request, RedirectAttributes flash) {
    if (ids == null || ids.isEmpty()) {
      flash.addFlashAttribute("problem", "no rows selected");
      return "redirect:/exceptions";
    }
    if (ids.size() > BULK_LIMIT || !("retry".equals(action) || "ignore".equals(action))) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action must be retry or ignore, for at most " + BULK_LIMIT + " rows");
    }
    if ("ignore".equals(action) && note.isBlank()) {
      flash.addFlashAttribute("problem", "a note must say why the " + ids.size() + " exceptions are ignored");
      return "redirect:/exceptions";
    }
    List<ExceptionView> rows = ids.stream().distinct().map(id -> visible(user, id)).toList();
    List<String> lines = new ArrayList<>();
    Actor actor = actor(user, request);
    for (ExceptionView row : rows) {
      try {
        lines.add("#" + row.id() + ": " + actors.as(actor, () -> "retry".equals(action) ? orders.retry(row.id()) : orders.ignore(row.id(), note)));
      } catch (RuntimeException e) {
        lines.add("#" + row.id() + ": " + e.getMessage());
      }
    }
    flash.addFlashAttribute("outcomes", lines);
    return "redirect:/exceptions";
  }

  @GetMapping("/exceptions/{id}/fix")
  String fixForm(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, Model model) {
    ExceptionView exception = visible(user, id);
    if (!OrderReason.UNMAPPED_SKU.code().equals(exception.reasonCode())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "only an unmapped SKU can be fixed here");
    }
    TradeDetail detail = orders.detail(new ShopId(exception.shopId()), exception.tid())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("exception", exception);
    model.addAttribute("trade", detail.trade());
    model.addAttribute("lines", unmapped(detail));
    model.addAttribute("fmt", ViewFormat.INSTANCE);
    return "exception-fix";
  }

  @PostMapping("/exceptions/{id}/fix")
  String fix(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id,
      @RequestParam(name = "numIid", required = false) List<String> numIids, @RequestParam(name = "skuId", required = false) List<String> skuIds,
      @RequestParam(name = "material", required = false) List<String> materials, HttpServletRequest request, RedirectAttributes flash) {
    ExceptionView exception = visible(user, id);
    int n = numIids == null ? 0 : numIids.size();
    if (n == 0 || skuIds == null || materials == null || skuIds.size() != n || materials.size() != n
        || materials.stream().allMatch(String::isBlank)) {
      flash.addFlashAttribute("problem", "enter an ERP material code for at least one SKU");
      return "redirect:/exceptions/" + id + "/fix";
    }
    ShopId shop = new ShopId(exception.shopId());
    Actor actor = actor(user, request);
    List<String> lines = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String code = materials.get(i).strip();
        if (code.isEmpty()) {
          continue;
        }
        String numIid = numIids.get(i);
        String skuId = skuIds.get(i);
        SkuMatch match = actors.as(actor, () -> products.map(shop, numIid, skuId.isEmpty() ? null : skuId, code, products.combo(code).isPresent()));
        lines.add(numIid + (skuId.isEmpty() ? "" : "/" + skuId) + " → " + code + (match.problem() == null ? "" : ": " + match.problem()));
      }
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("problem", e.getMessage());
      return "redirect:/exceptions/" + id + "/fix";
    }
    lines.add("#" + id + ": " + actors.as(actor, () -> orders.retry(exception.id())));
    flash.addFlashAttribute("outcomes", lines);
    return "redirect:/exceptions";
  }

  private static List<TradeSnapshotLine> unmapped(TradeDetail detail) {
    return detail.snapshot() == null ? List.of() : detail.snapshot().lines().stream().filter(l -> !l.mapped()).toList();
  }

  /** The exception when it exists and belongs to one of the user's shops; otherwise 404. */
  private ExceptionView visible(ConsolePrincipal user, long id) {
    return orders.exception(id).filter(e -> user.scope().allows(e.shopId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    return new Actor(user.getUsername(), request.getRemoteAddr());
  }
}
