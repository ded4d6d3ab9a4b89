package com.tmallbridge.console.api;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.ShipmentState;
import com.tmallbridge.fulfilment.ShipmentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/shipments}: ERP deliveries and their write-back to Tmall, within the caller's shops. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "shipments")
class ShipmentsApi {
  private final FulfilmentManagement fulfilment;

  ShipmentsApi(FulfilmentManagement fulfilment) {
    this.fulfilment = fulfilment;
  }

  @GetMapping("/api/shipments")
  @Operation(summary = "Shipments, newest first, within the caller's shops")
  PageOf<ShipmentView> list(@AuthenticationPrincipal ConsolePrincipal user,
      @Parameter(description = "PENDING, SENT, ALREADY_SHIPPED, FAILED or SKIPPED") @RequestParam(name = "state", required = false) @Nullable String state,
      @Parameter(description = "only this trade") @RequestParam(name = "tid", required = false) @Nullable String tid,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "50") int size) {
    Paging paging = Paging.of(page, size);
    ShipmentState parsed = state == null || state.isBlank() ? null : parse(state);
    return paging.page(fulfilment.shipments(Caller.shops(user), parsed, tid == null || tid.isBlank() ? null : tid.strip(), paging.offset(),
        paging.probe()));
  }

  private static ShipmentState parse(String state) {
    try {
      return ShipmentState.valueOf(state.strip());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "unknown state '" + state + "': one of " + Arrays.toString(ShipmentState.values()));
    }
  }
}
