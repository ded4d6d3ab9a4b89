package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.job.BackfillWork;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.FullStockPushWork;
import com.tmallbridge.console.job.JobRefusedException;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockFullPush;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
import org.springframework.web.util.UriUtils;

/**
 * Long jobs: the list, one job's progress (the fragment htmx polls every second while it runs),
 * and starting the full stock push of a shop (admin, operator; one at a time per shop). A job of a
 * shop outside the user's scope answers 404.
 */
@Controller
@ConditionalOnWebApplication
class JobController {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final ConsoleJobs jobs;
  private final StockFullPush fullPush;
  private final VisibleShops shops;
  private final OrderManagement orders;
  private final Clock clock;

  JobController(ConsoleJobs jobs, StockFullPush fullPush, VisibleShops shops, OrderManagement orders, Clock clock) {
    this.jobs = jobs;
    this.fullPush = fullPush;
    this.shops = shops;
    this.orders = orders;
    this.clock = clock;
  }

  @GetMapping("/jobs")
  String list(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    model.addAttribute("jobs", jobs.list(shops.chosenIds(user, null)));
    model.addAttribute("shopCodes", shops.of(user).stream().map(Shop::code).toList());
    model.addAttribute("backfillFrom", LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZONE).truncatedTo(ChronoUnit.MINUTES));
    return "jobs";
  }

  /**
   * Starts re-reading a shop's orders since {@code from} (China Standard Time, as the form's
   * {@code datetime-local} sends it). A start in the future or beyond Tmall's 3 months comes back as
   * one line on the jobs page.
   */
  @PostMapping("/jobs/backfill")
  String startBackfill(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code,
      @RequestParam("from") String from, HttpServletRequest request, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    Instant start;
    try {
      start = LocalDateTime.parse(from).atZone(ZONE).toInstant();
    } catch (DateTimeParseException e) {
      flash.addFlashAttribute("refused", "'" + from + "' is not a date and time (e.g. 2026-12-04T08:00)");
      return "redirect:/jobs";
    }
    try {
      JobView job = jobs.start(BackfillWork.KIND, shop.id(), shop.code(), new Actor(user.getUsername(), request.getRemoteAddr()),
          new BackfillWork(orders, shop.id(), start, clock));
      flash.addFlashAttribute("outcome", "job " + job.id());
    } catch (JobRefusedException | IllegalArgumentException e) {
      flash.addFlashAttribute("refused", e.getMessage());
    }
    return "redirect:/jobs";
  }

  @GetMapping("/jobs/{id}")
  String job(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, Model model) {
    JobView job = jobs.find(id).filter(j -> user.scope().allows(j.shop()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("job", job);
    return "jobs :: job";
  }

  @PostMapping("/jobs/stock-push")
  String startStockPush(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code, HttpServletRequest request,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    String refused = null;
    JobView job = null;
    try {
      job = jobs.start(FullStockPushWork.KIND, shop.id(), shop.code(), new Actor(user.getUsername(), request.getRemoteAddr()),
          new FullStockPushWork(fullPush, shop.id()));
    } catch (JobRefusedException e) {
      refused = e.getMessage();
      job = jobs.find(e.runningId()).orElse(null);
    }
    if (htmx == null) {
      flash.addFlashAttribute(refused == null ? "outcome" : "refused", refused == null ? "job " + job.id() : refused);
      return "redirect:/stock?shop=" + UriUtils.encodeQueryParam(shop.code(), StandardCharsets.UTF_8);
    }
    model.addAttribute("job", job);
    model.addAttribute("refused", refused);
    return "jobs :: started";
  }
}
