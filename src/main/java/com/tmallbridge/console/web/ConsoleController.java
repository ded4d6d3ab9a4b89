package com.tmallbridge.console.web;

import com.tmallbridge.alert.AlertManagement;
import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.ShopScope;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.ExceptionView;
import com.tmallbridge.order.OrderHours;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeMessages;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.StockManagement;
import com.tmallbridge.sync.Checkpoints;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's screens: login, dashboard (with the JSON of its hourly chart, the stock figures pushed
 * today of the user's shops and the TMC messages received since start, all shops), orders, exception queue (with retry) and the audit log.
 * Every list shows only the rows of the shops the user's {@link ShopScope} allows; an action on a
 * row of another shop is refused with 404, as if it did not exist. Actions run as the signed-in
 * user ({@link ActorContext}), so the audit log names them and their address. Who may reach which
 * screen is decided by {@link com.tmallbridge.console.AccessRules}, not here.
 */
@Controller
@ConditionalOnWebApplication
class ConsoleController {
  /** Trades per page of the orders list. */
  static final int PAGE = 50;
  /** The business day: Tmall's, China Standard Time. */
  static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

  private final OrderManagement orders;
  private final ShopManagement shops;
  private final Checkpoints checkpoints;
  private final AuditManagement audit;
  private final ActorContext actors;
  private final Clock clock;
  private final AlertManagement alerts;
  private final StockManagement stock;
  private final TradeMessages messages;

  ConsoleController(OrderManagement orders, ShopManagement shops, Checkpoints checkpoints,
      AuditManagement audit, ActorContext actors, Clock clock, AlertManagement alerts, StockManagement stock, TradeMessages messages) {
    this.alerts = alerts;
    this.stock = stock;
    this.messages = messages;
    this.orders = orders;
    this.shops = shops;
    this.checkpoints = checkpoints;
    this.audit = audit;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String dashboard(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    Collection<ShopId> scope = scope(user);
    Instant now = clock.instant();
    Instant dayStart = LocalDate.ofInstant(now, DAY_ZONE).atStartOfDay(DAY_ZONE).toInstant();
    Map<Long, String> codes = shopCodes();
    List<Lag> lags = checkpoints.all().stream()
        .filter(m -> user.scope().allows(m.shop()))
        .map(m -> new Lag(codes.getOrDefault(m.shop().value(), m.shop().toString()), m.source() + "/" + m.stream(), m.mark(),
            Duration.between(m.mark(), now).isNegative() ? Duration.ZERO : Duration.between(m.mark(), now)))
        .toList();
    model.addAttribute("figures", orders.figuresSince(dayStart, scope));
    model.addAttribute("dayStart", dayStart);
    model.addAttribute("stockPushed", stock.pushedSince(dayStart, scope));
    model.addAttribute("tmcMessages", messages.stats().received());
    model.addAttribute("byReason", orders.unresolvedByReason(scope));
    model.addAttribute("lags", lags);
    model.addAttribute("heldOrders", orders.unresolvedExceptions(scope, 10));
    model.addAttribute("shopCodes", codes);
    model.addAttribute("alerts", alerts.open(scope));
    return "dashboard";
  }

  /**
   * The dashboard chart's data: trades received and exported per hour of today (China Standard
   * Time), within the user's shops: {@code {"day": "2026-12-05", "zone": "Asia/Shanghai", "hours":
   * ["00", …, "23"], "received": [24 counts], "exported": [24 counts], "currentHour": 14}}.
   */
  @GetMapping(path = "/dashboard/hourly", produces = "application/json")
  @ResponseBody
  Map<String, Object> hourly(@AuthenticationPrincipal ConsolePrincipal user) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, DAY_ZONE);
    Instant dayStart = day.atStartOfDay(DAY_ZONE).toInstant();
    int hours = (int) Duration.between(dayStart, day.plusDays(1).atStartOfDay(DAY_ZONE).toInstant()).toHours();
    OrderHours counts = orders.perHour(dayStart, hours, scope(user));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("day", day.toString());
    body.put("zone", DAY_ZONE.getId());
    body.put("hours", java.util.stream.IntStream.range(0, hours).mapToObj(h -> String.format(java.util.Locale.ROOT, "%02d", h)).toList());
    body.put("received", counts.received());
    body.put("exported", counts.exported());
    body.put("currentHour", Duration.between(dayStart, now).toHours());
    return body;
  }

  @GetMapping("/orders")
  String orders(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "q", required = false) @Nullable String tid,
      @RequestParam(name = "state", required = false) @Nullable String state, @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    TradeState parsed = state == null || state.isBlank() ? null : parseState(state);
    int current = Math.max(page, 0);
    List<TradeView> rows = orders.search(tid, parsed, scope(user), current * PAGE, PAGE + 1);
    model.addAttribute("trades", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
    model.addAttribute("hasNext", rows.size() > PAGE);
    model.addAttribute("page", current);
    model.addAttribute("q", tid == null ? "" : tid);
    model.addAttribute("state", parsed == null ? "" : parsed.name());
    model.addAttribute("states", TradeState.values());
    return htmx != null ? "orders :: results" : "orders";
  }

  @GetMapping("/exceptions")
  String exceptions(@AuthenticationPrincipal ConsolePrincipal user,
      @RequestParam(name = "reason", required = false) @Nullable String reason, Model model) {
    model.addAttribute("exceptions", orders.unresolvedExceptions(scope(user), reason, 500));
    model.addAttribute("reasons", orders.unresolvedByReason(scope(user)));
    model.addAttribute("reason", reason == null ? "" : reason);
    model.addAttribute("shopCodes", shopCodes());
    return "exceptions";
  }

  @PostMapping("/exceptions/{id}/retry")
  String retry(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, HttpServletRequest request,
      RedirectAttributes flash) {
    ExceptionView exception = orders.exception(id).filter(e -> user.scope().allows(e.shopId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String outcome = actors.as(actor(user, request), () -> orders.retry(exception.id()));
    flash.addFlashAttribute("outcome", "#" + id + " (" + exception.tid() + "): " + outcome);
    return "redirect:/exceptions";
  }

  @GetMapping("/audit")
  String auditLog(Model model) {
    model.addAttribute("entries", audit.entries(null, null, null, null, null, 200));
    return "audit";
  }

  private static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    return new Actor(user.getUsername(), request.getRemoteAddr());
  }

  private static @Nullable Collection<ShopId> scope(ConsolePrincipal user) {
    return user.scope().all() ? null : user.scope().shops();
  }

  private Map<Long, String> shopCodes() {
    return shops.list().stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code, (a, b) -> a));
  }

  private static TradeState parseState(String state) {
    try {
      return TradeState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state");
    }
  }

  /**
   * How far behind one stream of one shop is.
   *
   * @param shop shop code
   * @param stream source and stream, e.g. {@code tmall/trades}
   * @param mark how far it has read
   * @param lag now minus the mark
   */
  record Lag(String shop, String stream, Instant mark, Duration lag) {
    /** The lag in whole seconds, for display. */
    public long seconds() {
      return lag.toSeconds();
    }
  }
}
