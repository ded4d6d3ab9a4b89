package com.tmallbridge.console.web;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.FullStockPushWork;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.stock.StockOverview;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stock screen: per listing of the user's shops, ERP sellable now, the figure wanted and the
 * one last published (with its time and error), the rule that applied and the drift (sellable now
 * minus published), read through {@link StockManagement#overview}; filtered by shop and SKU
 * prefix (htmx as you type). Admins and operators start a full stock push of a shop here.
 */
@Controller
@ConditionalOnWebApplication
class StockScreenController {
  /** Listings shown at most. */
  static final int LIMIT = 500;

  private final StockManagement stock;
  private final VisibleShops shops;
  private final ConsoleJobs jobs;

  StockScreenController(StockManagement stock, VisibleShops shops, ConsoleJobs jobs) {
    this.stock = stock;
    this.shops = shops;
    this.jobs = jobs;
  }

  @GetMapping("/stock")
  String stock(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "q", required = false) @Nullable String prefix,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    List<ShopId> ids = shops.chosenIds(user, shop);
    List<StockOverview> rows = ids.isEmpty() ? List.of() : stock.overview(ids, prefix, LIMIT + 1);
    model.addAttribute("rows", rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows);
    model.addAttribute("more", rows.size() > LIMIT);
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("q", prefix == null ? "" : prefix);
    model.addAttribute("jobs", jobs.list(ids).stream().filter(j -> j.kind().equals(FullStockPushWork.KIND)).limit(5).toList());
    return htmx != null ? "stock :: results" : "stock";
  }
}
