package com.tmallbridge.console.web;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundStage;
import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * After-sale: refund cases of the user's shops, newest first, with their stage, the intercept of
 * the ERP delivery (before shipping) and the return and restock (after shipping), the open
 * exception; filtered by shop, stage and trade id prefix. Admins and operators retry a case
 * ({@link AfterSaleManagement#retry}) as themselves, so the audit log names them.
 */
@Controller
@ConditionalOnWebApplication
class AfterSaleController {
  /** Cases shown at most. */
  static final int LIMIT = 200;

  private final AfterSaleManagement afterSale;
  private final VisibleShops shops;
  private final ActorContext actors;

  AfterSaleController(AfterSaleManagement afterSale, VisibleShops shops, ActorContext actors) {
    this.afterSale = afterSale;
    this.shops = shops;
    this.actors = actors;
  }

  @GetMapping("/aftersale")
  String refunds(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "stage", required = false) @Nullable String stage, @RequestParam(name = "q", required = false) @Nullable String tid,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    RefundStage parsed = stage == null || stage.isBlank() ? null : parse(stage);
    List<RefundView> rows = afterSale.search(shops.chosenIds(user, shop), parsed, tid, LIMIT);
    model.addAttribute("rows", rows.stream().map(RefundCase::of).toList());
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("stage", parsed == null ? "" : parsed.name());
    model.addAttribute("stages", RefundStage.values());
    model.addAttribute("q", tid == null ? "" : tid);
    return htmx != null ? "aftersale :: results" : "aftersale";
  }

  @PostMapping("/refunds/{shopId}/{refundId}/retry")
  String retryRefund(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("shopId") long shopId,
      @PathVariable("refundId") String refundId, HttpServletRequest request, RedirectAttributes flash) {
    if (shopId < 1 || !user.scope().allows(shopId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    var stage = actors.as(new Actor(user.getUsername(), request.getRemoteAddr()), () -> afterSale.retry(new ShopId(shopId), refundId))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    flash.addFlashAttribute("outcome", "refund " + refundId + ": " + stage);
    return "redirect:/aftersale";
  }

  private static RefundStage parse(String stage) {
    try {
      return RefundStage.valueOf(stage);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown stage");
    }
  }

  /**
   * One row of the list: the case and what the screen says about its intercept and its return.
   *
   * @param refund the case
   * @param intercept message key of the intercept state, null when the refund came after shipping or is undecided
   * @param goods message key of the return/restock state, null when no goods come back
   */
  record RefundCase(RefundView refund, @Nullable String intercept, @Nullable String goods) {
    static RefundCase of(RefundView r) {
      String intercept = null;
      if (r.shippedAfterIntercept()) {
        intercept = "aftersale.intercept.missed";
      } else if ("BEFORE".equals(r.shipping())) {
        intercept = switch (r.stage()) {
          case HELD -> "aftersale.intercept.held";
          case LINES_CANCELLED -> "aftersale.intercept.cancelled";
          case RELEASED -> "aftersale.intercept.released";
          default -> "aftersale.intercept.other";
        };
      }
      String goods = switch (r.stage()) {
        case RETURN_CREATED -> "aftersale.goods.returning";
        case RESTOCKED, EXCHANGED -> "aftersale.goods.restocked";
        default -> r.returnNo() != null ? "aftersale.goods.returning" : null;
      };
      return new RefundCase(r, intercept, goods);
    }
  }
}
