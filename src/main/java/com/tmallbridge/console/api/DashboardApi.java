package com.tmallbridge.console.api;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.order.OrderFigures;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Checkpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dashboard}: the console's dashboard figures, within the caller's shops. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "dashboard")
class DashboardApi {
  /** The business day: Tmall's, China Standard Time. */
  static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

  private final OrderManagement orders;
  private final ShopManagement shops;
  private final Checkpoints checkpoints;
  private final Clock clock;

  DashboardApi(OrderManagement orders, ShopManagement shops, Checkpoints checkpoints, Clock clock) {
    this.orders = orders;
    this.shops = shops;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  @GetMapping("/api/dashboard")
  @Operation(summary = "Today's counts, open exceptions by reason and the sync lag per shop and stream",
      description = "Today is the calendar day in China Standard Time. Counts and lags keep to the caller's shops.")
  Dashboard dashboard(@AuthenticationPrincipal ConsolePrincipal user) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, DAY_ZONE);
    OrderFigures figures = orders.figuresSince(day.atStartOfDay(DAY_ZONE).toInstant(), Caller.shops(user));
    Map<Long, String> codes = shops.list().stream().collect(Collectors.toMap(s -> s.id().value(), Shop::code, (a, b) -> a));
    List<Lag> lags = checkpoints.all().stream()
        .filter(m -> user.scope().allows(m.shop()))
        .map(m -> new Lag(m.shop().value(), codes.getOrDefault(m.shop().value(), m.shop().toString()), m.source() + "/" + m.stream(),
            m.mark(), Math.max(0, Duration.between(m.mark(), now).toSeconds())))
        .toList();
    return new Dashboard(day, DAY_ZONE.getId(), new Today(figures.received(), figures.exported(), figures.held()),
        orders.unresolvedByReason(Caller.shops(user)), lags);
  }

  /**
   * The dashboard.
   *
   * @param day today in {@code zone}
   * @param zone the business day's zone, {@code Asia/Shanghai}
   * @param today counts of today
   * @param exceptionsByReason open exceptions by reason code
   * @param syncLag how far behind each stream of each shop is
   */
  public record Dashboard(LocalDate day, String zone, Today today, Map<String, Long> exceptionsByReason, List<Lag> syncLag) {}

  /**
   * Today's counts.
   *
   * @param received trades first seen today
   * @param exported trades that reached the ERP today
   * @param held exceptions raised today
   */
  public record Today(long received, long exported, long held) {}

  /**
   * The lag of one stream.
   *
   * @param shopId shop id
   * @param shop shop code
   * @param stream source and stream, e.g. {@code tmall/trades}
   * @param mark how far it has read
   * @param lagSeconds now minus the mark, in seconds (0 when the mark is ahead)
   */
  public record Lag(long shopId, String shop, String stream, Instant mark, long lagSeconds) {}
}
