package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.ReportExports;
import com.tmallbridge.finance.ReportRange;
import com.tmallbridge.finance.ReportSet;
import com.tmallbridge.finance.ReportTable;
import com.tmallbridge.finance.ReportWorkbook;
import com.tmallbridge.finance.SalesReports;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 财务 · 报表 (Money → Reports): every report of a date range (China Standard Time days; default the
 * month so far) for the user's shops or one of them — a bar chart of the payment per day (ECharts),
 * then each report as a table with its totals in the footer — and the same reports as an Excel
 * workbook ({@code GET /money/reports/export.xlsx}, recorded as {@code EXPORT}). Read through {@link
 * SalesReports} and {@link ReportExports}; who may reach either is {@link com.tmallbridge.console.AccessRules}'
 * (admin and auditor).
 */
@Controller
@ConditionalOnWebApplication
class MoneyReportsController {
  private final SalesReports reports;
  private final ReportExports exports;
  private final VisibleShops shops;
  private final ActorContext actors;
  private final MessageSource messages;
  private final Clock clock;

  MoneyReportsController(SalesReports reports, ReportExports exports, VisibleShops shops, ActorContext actors, MessageSource messages,
      Clock clock) {
    this.reports = reports;
    this.exports = exports;
    this.shops = shops;
    this.actors = actors;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/money/reports")
  String reports(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "from", required = false) @Nullable String from,
      @RequestParam(name = "to", required = false) @Nullable String to, @RequestParam(name = "shop", required = false) @Nullable String shop,
      Locale locale, Model model) {
    List<ShopId> chosen = shops.chosenIds(user, shop);
    LocalDate today = LocalDate.now(clock.withZone(ReportRange.ZONE));
    String fromText = blank(from) ? today.withDayOfMonth(1).toString() : from.strip();
    String toText = blank(to) ? today.toString() : to.strip();
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("from", fromText);
    model.addAttribute("to", toText);
    try {
      ReportSet set = reports.all(range(fromText, toText), chosen);
      model.addAttribute("tables", set.tables().stream().map(t -> ReportView.of(t)).toList());
      ReportTable skus = set.table("sales-sku");
      ReportTable margin = set.table("margin");
      long withoutCost = skus.totals().value(skus.column("goods")) - margin.totals().value(margin.column("goods"));
      model.addAttribute("goodsWithoutCost", ReportView.text(margin.columns().get(margin.column("goods")), withoutCost));
      ReportTable days = set.table("sales-day");
      model.addAttribute("chartDays", String.join(",", days.rows().stream().map(r -> r.keys().get(0)).toList()));
      int payment = days.column("payment");
      model.addAttribute("chartPayment", String.join(",", days.rows().stream().map(r -> days.columns().get(payment).format(r.value(payment)))
          .toList()));
    } catch (IllegalArgumentException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("tables", List.of());
    }
    return "money-reports";
  }

  @GetMapping("/money/reports/export.xlsx")
  void export(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "from") String from, @RequestParam(name = "to") String to,
      @RequestParam(name = "shop", required = false) @Nullable String shop, HttpServletRequest request, HttpServletResponse response,
      Locale locale) throws IOException {
    List<ShopId> chosen = shops.chosenIds(user, shop);
    ReportRange range;
    try {
      range = range(from, to);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    actors.as(new Actor(user.getUsername(), request.getRemoteAddr()), () -> {
      try {
        exports.workbook(range, chosen, key -> messages.getMessage(key, null, ReportWorkbook.plainLabel(key), locale), file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
    response.setContentType(ReportWorkbook.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"reports-" + range.from() + "-" + range.to() + ".xlsx\"");
    response.setContentLength(file.size());
    file.writeTo(response.getOutputStream());
  }

  private static ReportRange range(String from, String to) {
    return new ReportRange(date("from", from), date("to", to));
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " " + text + " is not a date: give it as yyyy-MM-dd");
    }
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
