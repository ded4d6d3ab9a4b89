package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.Money;
import com.tmallbridge.finance.DaySummary;
import com.tmallbridge.finance.Difference;
import com.tmallbridge.finance.DifferenceCategory;
import com.tmallbridge.finance.ReconciliationManagement;
import com.tmallbridge.shop.Shop;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reconciliation screen ({@code /money/reconciliation}): the last {@value #DAYS} days' results of
 * the user's shops, and for the chosen day each shop's summary and differences with each side's
 * amount, linked to the order page. Admins and auditors run a shop's day again ({@link
 * ReconciliationManagement#run}) as themselves. Read through {@link ReconciliationManagement}.
 */
@Controller
@ConditionalOnWebApplication
class ReconciliationController {
  /** Days listed. */
  static final int DAYS = 14;
  /** Differences shown per shop and day at most. */
  static final int LIMIT = 500;

  private final ReconciliationManagement reconciliation;
  private final VisibleShops shops;
  private final ActorContext actors;

  ReconciliationController(ReconciliationManagement reconciliation, VisibleShops shops, ActorContext actors) {
    this.reconciliation = reconciliation;
    this.shops = shops;
    this.actors = actors;
  }

  /** One shop's day on screen, amounts in yuan. */
  record DayRow(String shop, LocalDate day, int orders, String tmallPaid, String tmallRefunded, int erpOrders, String erp,
      String settled, String fees, int differences, Map<DifferenceCategory, Integer> perCategory) {}

  /** One difference on screen; {@code "-"} where a side says nothing. */
  record DifferenceRow(long shopId, String shop, String tid, DifferenceCategory category, String tmall, String erp, String settled,
      String detail) {}

  @GetMapping("/money/reconciliation")
  String reconciliation(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "date", required = false) @Nullable String date, Model model) {
    LocalDate day = date == null || date.isBlank() ? reconciliation.today().minusDays(1) : parse(date);
    List<Shop> chosen = shops.chosen(user, shop);
    Map<Long, String> codes = chosen.stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code));
    Function<DaySummary, DayRow> row = s -> new DayRow(codes.get(s.shopId().value()), s.day(), s.orders(), Money.formatYuan(s.tmallPaidFen()),
        Money.formatYuan(s.tmallRefundFen()), s.erpOrders(), Money.formatYuan(s.erpFen()), Money.formatYuan(s.settledFen()),
        Money.formatYuan(s.feesFen()), s.totalDifferences(), s.differences());
    List<DaySummary> selected = reconciliation.days(chosen.stream().map(Shop::id).toList(), day, day);
    List<DifferenceRow> differences = new ArrayList<>();
    for (DaySummary s : selected) {
      for (Difference d : reconciliation.differences(s.shopId(), day, null, LIMIT)) {
        differences.add(new DifferenceRow(d.shopId().value(), codes.get(d.shopId().value()), d.tid(), d.category(), yuan(d.tmallFen()),
            yuan(d.erpFen()), yuan(d.settledFen()), d.detail()));
      }
    }
    model.addAttribute("day", day);
    model.addAttribute("recent", reconciliation.days(chosen.stream().map(Shop::id).toList(), day.minusDays(DAYS - 1), day).stream()
        .map(row).toList());
    model.addAttribute("summaries", selected.stream().map(row).toList());
    model.addAttribute("differences", differences);
    model.addAttribute("categories", DifferenceCategory.values());
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    return "reconciliation";
  }

  @PostMapping("/money/reconciliation/run")
  String run(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String shop, @RequestParam("date") String date,
      HttpServletRequest request, RedirectAttributes flash) {
    Shop one = shops.one(user, shop);
    LocalDate day = parse(date);
    if (day.isAfter(reconciliation.today())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the day is in the future");
    }
    DaySummary result = actors.as(new Actor(user.getUsername(), request.getRemoteAddr()), () -> reconciliation.run(one.id(), day));
    flash.addFlashAttribute("ranShop", one.code());
    flash.addFlashAttribute("ran", result);
    flash.addAttribute("shop", one.code());
    flash.addAttribute("date", day.toString());
    return "redirect:/money/reconciliation";
  }

  private static LocalDate parse(String date) {
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be yyyy-MM-dd");
    }
  }

  private static String yuan(@Nullable Long fen) {
    return fen == null ? "-" : Money.formatYuan(fen);
  }
}
