package com.tmallbridge.console.web;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.ShipmentState;
import com.tmallbridge.fulfilment.ShipmentView;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shipments written back to Tmall, newest first, of the user's shops: state, carrier and tracking
 * number, the sub-orders of each parcel when a trade ships in several, and the write-back's
 * result; filtered by shop, state and trade id prefix (htmx as you type). Read through {@link
 * FulfilmentManagement#recentShipments}.
 */
@Controller
@ConditionalOnWebApplication
class ShipmentsController {
  /** Shipments shown at most. */
  static final int LIMIT = 200;

  private final FulfilmentManagement fulfilment;
  private final VisibleShops shops;

  ShipmentsController(FulfilmentManagement fulfilment, VisibleShops shops) {
    this.fulfilment = fulfilment;
    this.shops = shops;
  }

  @GetMapping("/shipments")
  String shipments(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "state", required = false) @Nullable String state, @RequestParam(name = "q", required = false) @Nullable String tid,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    ShipmentState parsed = state == null || state.isBlank() ? null : parse(state);
    List<ShipmentView> rows = fulfilment.recentShipments(shops.chosenIds(user, shop), parsed, tid, LIMIT);
    Map<String, Long> parcels = rows.stream().collect(Collectors.groupingBy(s -> s.shopCode() + "/" + s.tid(), Collectors.counting()));
    model.addAttribute("rows", rows);
    model.addAttribute("parcels", parcels);
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("state", parsed == null ? "" : parsed.name());
    model.addAttribute("states", ShipmentState.values());
    model.addAttribute("q", tid == null ? "" : tid);
    return htmx != null ? "shipments :: results" : "shipments";
  }

  private static ShipmentState parse(String state) {
    try {
      return ShipmentState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state");
    }
  }
}
