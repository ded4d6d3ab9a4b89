package com.tmallbridge.console.api;

import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.order.ExceptionView;
import com.tmallbridge.order.OrderManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/exceptions} (open order exceptions) and {@code POST /api/exceptions/{id}/retry}. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "exceptions")
class ExceptionsApi {
  private final OrderManagement orders;
  private final ActorContext actors;

  ExceptionsApi(OrderManagement orders, ActorContext actors) {
    this.orders = orders;
    this.actors = actors;
  }

  @GetMapping("/api/exceptions")
  @Operation(summary = "Open order exceptions, oldest first, within the caller's shops")
  PageOf<ExceptionView> list(@AuthenticationPrincipal ConsolePrincipal user,
      @Parameter(description = "only this reason code, e.g. UNMAPPED_SKU") @RequestParam(name = "reason", required = false) @Nullable String reason,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "50") int size) {
    Paging paging = Paging.of(page, size);
    String code = reason == null || reason.isBlank() ? null : reason.strip();
    return paging.page(orders.unresolvedExceptions(Caller.shops(user), code, paging.offset(), paging.probe()));
  }

  @PostMapping("/api/exceptions/{id}/retry")
  @Operation(summary = "Retry one exception, as the caller (recorded in the audit log as EXCEPTION_ACTION)",
      description = "404 when the exception is unknown or of a shop outside the caller's shops.")
  Retried retry(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, HttpServletRequest request) {
    ExceptionView exception = orders.exception(id).filter(e -> user.scope().allows(e.shopId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no exception #" + id + " in your shops"));
    String outcome = actors.as(Caller.actor(user, request), () -> orders.retry(exception.id()));
    ExceptionView after = orders.exception(id).orElse(exception);
    return new Retried(id, exception.shopId(), exception.tid(), after.status(), outcome, after.updatedAt());
  }

  /**
   * The result of a retry.
   *
   * @param id the exception
   * @param shopId its shop
   * @param tid its trade
   * @param status its status after the retry (RESOLVED, OPEN or RETRYING)
   * @param outcome what the retry did, in words
   * @param updatedAt when the exception was last changed
   */
  public record Retried(long id, long shopId, String tid, String status, String outcome, Instant updatedAt) {}
}
