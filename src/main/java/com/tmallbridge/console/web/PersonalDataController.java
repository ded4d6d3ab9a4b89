package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.PersonalData;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Buyer personal data leaving its mask: the receiver of one order shown in clear (an htmx fragment,
 * {@code POST /orders/{shopId}/{tid}/reveal}) and the orders list as an Excel file with the receivers
 * masked ({@code GET /orders/export.xlsx}). Who may do either is {@link com.tmallbridge.console.AccessRules}'
 * (reveal: admin and operator; export: every role); here: the shop scope (an order of another shop
 * is 404, as if it did not exist) and the audit entry (REVEAL / EXPORT, naming the user and address).
 */
@Controller
@ConditionalOnWebApplication
class PersonalDataController {
  /** Most rows one export holds; a larger list is cut and the last row says so. */
  static final int EXPORT_LIMIT = 10_000;

  private final PersonalData personalData;
  private final OrderManagement orders;
  private final ActorContext actors;
  private final OrdersWorkbook workbook;

  PersonalDataController(PersonalData personalData, OrderManagement orders, ActorContext actors, MessageSource messages) {
    this.personalData = personalData;
    this.orders = orders;
    this.actors = actors;
    this.workbook = new OrdersWorkbook(messages, ConsoleController.DAY_ZONE);
  }

  @PostMapping("/orders/{shopId}/{tid}/reveal")
  String reveal(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("shopId") long shopId, @PathVariable("tid") String tid,
      HttpServletRequest request, Model model) {
    if (shopId < 1 || !user.scope().allows(shopId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Receiver receiver = actors.as(actor(user, request), () -> personalData.reveal(new ShopId(shopId), tid))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("receiver", receiver);
    model.addAttribute("tid", tid);
    return "receiver :: revealed";
  }

  @GetMapping("/orders/export.xlsx")
  void export(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "q", required = false) @Nullable String tid,
      @RequestParam(name = "state", required = false) @Nullable String state, HttpServletRequest request, HttpServletResponse response,
      Locale locale) throws IOException {
    TradeState parsed = parseState(state);
    Collection<ShopId> scope = user.scope().all() ? null : user.scope().shops();
    List<TradeView> rows = orders.search(blankToNull(tid), parsed, scope, 0, EXPORT_LIMIT);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    workbook.write(rows, t -> personalData.masked(new ShopId(t.shopId()), t.tid()).orElse(null), locale, file);
    String filter = "q=" + (tid == null ? "" : tid) + ", state=" + (parsed == null ? "" : parsed.name()) + ", shops="
        + (scope == null ? "all" : scope.stream().map(s -> Long.toString(s.value())).sorted().toList());
    actors.as(actor(user, request), () -> {
      personalData.recordExport("orders.xlsx", filter, rows.size());
      return null;
    });
    response.setContentType(OrdersWorkbook.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"orders.xlsx\"");
    response.setContentLength(file.size());
    file.writeTo(response.getOutputStream());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static @Nullable TradeState parseState(@Nullable String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return TradeState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state");
    }
  }

  private static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    return new Actor(user.getUsername(), request.getRemoteAddr());
  }
}
