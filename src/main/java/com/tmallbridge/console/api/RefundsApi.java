package com.tmallbridge.console.api;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundKind;
import com.tmallbridge.aftersale.RefundStage;
import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.ShopId;
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

/** {@code GET /api/refunds} and {@code POST /api/refunds/{shopId}/{refundId}/retry} (run the refund's rules again). */
@RestController
@ConditionalOnWebApplication
@Tag(name = "refunds")
class RefundsApi {
  private final AfterSaleManagement afterSale;
  private final ActorContext actors;

  RefundsApi(AfterSaleManagement afterSale, ActorContext actors) {
    this.afterSale = afterSale;
    this.actors = actors;
  }

  @GetMapping("/api/refunds")
  @Operation(summary = "Refunds, newest modified first, within the caller's shops")
  PageOf<Refund> list(@AuthenticationPrincipal ConsolePrincipal user,
      @Parameter(description = "Tmall refund status, e.g. WAIT_SELLER_AGREE, SUCCESS") @RequestParam(name = "status", required = false)
      @Nullable String status,
      @Parameter(description = "only this trade") @RequestParam(name = "tid", required = false) @Nullable String tid,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "50") int size) {
    Paging paging = Paging.of(page, size);
    return paging.page(afterSale.refunds(Caller.shops(user), blankToNull(status), blankToNull(tid), paging.offset(), paging.probe())
        .stream().map(Refund::of).toList());
  }

  @PostMapping("/api/refunds/{shopId}/{refundId}/retry")
  @Operation(summary = "Run a refund's rules again now, as the caller (after the ERP refusal was fixed)",
      description = "404 when the refund is unknown or of a shop outside the caller's shops; 503 when the ERP cannot take it now.")
  Retried retry(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("shopId") long shopId,
      @PathVariable("refundId") String refundId, HttpServletRequest request) {
    if (shopId < 1 || !user.scope().allows(shopId)) {
      throw notFound(shopId, refundId);
    }
    RefundStage stage = actors.as(Caller.actor(user, request), () -> afterSale.retry(new ShopId(shopId), refundId))
        .orElseThrow(() -> notFound(shopId, refundId));
    return new Retried(shopId, refundId, stage);
  }

  private static ResponseStatusException notFound(long shopId, String refundId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no refund " + refundId + " of shop " + shopId + " in your shops");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The result of a refund retry.
   *
   * @param shopId the shop
   * @param refundId the Tmall refund id
   * @param stage where the refund's rules are now
   */
  public record Retried(long shopId, String refundId, RefundStage stage) {}

  /**
   * A refund. Amounts are yuan with 2 decimals.
   *
   * @param shopId shop id
   * @param shop shop code
   * @param refundId Tmall refund id
   * @param tid trade
   * @param oid sub-order
   * @param status Tmall status
   * @param kind what the buyer asked for
   * @param refundFee the amount the bridge uses: Tmall's, capped at what was paid
   * @param reportedFee the amount Tmall reported
   * @param paid what the buyer paid for the sub-order, null while unknown
   * @param num units concerned
   * @param created when the buyer asked
   * @param modified Tmall's modified time of the latest snapshot
   * @param stage where the rules are
   * @param shipping BEFORE or AFTER shipping, null until decided
   * @param erpOrderNo the trade's ERP sales order, null until seen
   * @param returnNo the ERP return document, null when none
   * @param exceptionCode open exception's code, null when none
   * @param exceptionMessage what to do about it
   */
  public record Refund(long shopId, String shop, String refundId, String tid, String oid, String status, RefundKind kind, String refundFee,
      String reportedFee, @Nullable String paid, int num, Instant created, Instant modified, RefundStage stage, @Nullable String shipping,
      @Nullable String erpOrderNo, @Nullable String returnNo, @Nullable String exceptionCode, @Nullable String exceptionMessage) {
    static Refund of(RefundView r) {
      return new Refund(r.shopId(), r.shopCode(), r.refundId(), r.tid(), r.oid(), r.status(), r.kind(), Money.formatYuan(r.refundFeeFen()),
          Money.formatYuan(r.reportedFeeFen()), r.paidFen() == null ? null : Money.formatYuan(r.paidFen()), r.num(), r.created(),
          r.modified(), r.stage(), r.shipping(), r.erpOrderNo(), r.returnNo(), r.exceptionCode(), r.exceptionMessage());
    }
  }
}
