package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The demo's independent order check counts each kind of broken state, exactly once, and nothing else. */
class OrderCheckTests {
  private static final Instant WATCHED_FROM = Instant.parse("2026-11-11T00:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(1);

  private static SandboxTrade trade(long tid, String status, @Nullable Instant paid, @Nullable Instant end) {
    SandboxTradeLine line = new SandboxTradeLine(tid * 10, 1L, 11L, "SP1001", "SP1001-01", "T-shirt", 1, 1000, 1000, 1000, "NO_REFUND");
    Instant created = WATCHED_FROM.minusSeconds(3600);
    return new SandboxTrade(tid, status, "fixed", created, end == null ? WATCHED_FROM : end, paid, null, end, paid != null, 1000, 0, 0,
        List.of(line));
  }

  private static SandboxTrade paid(long tid) {
    return trade(tid, "WAIT_SELLER_SEND_GOODS", WATCHED_FROM.plusSeconds(10), null);
  }

  private static ErpSalesOrderSummary order(String tid, long totalFen) {
    return new ErpSalesOrderSummary(new ErpDocNo("SO-" + tid + "-" + totalFen), "T1", new ChannelOrderNo(tid), totalFen, 1, com.tmallbridge.erp.ErpOrderStatus.OPEN);
  }

  private static OrderCheck.Result check(List<SandboxTrade> trades, List<ErpSalesOrderSummary> orders) {
    return new OrderCheck(WATCHED_FROM, GRACE).compare(trades, orders);
  }

  /** The trades and orders of a clean shop: two paid and exported, one unpaid. */
  private static List<SandboxTrade> trades(SandboxTrade... more) {
    List<SandboxTrade> all = new ArrayList<>(List.of(paid(1), paid(2), trade(3, "WAIT_BUYER_PAY", null, null)));
    all.addAll(List.of(more));
    return all;
  }

  private static List<ErpSalesOrderSummary> orders(ErpSalesOrderSummary... more) {
    List<ErpSalesOrderSummary> all = new ArrayList<>(List.of(order("1", 1000), order("2", 1000)));
    all.addAll(List.of(more));
    return all;
  }

  private static Map<String, Long> problems(OrderCheck.Result r) {
    Map<String, Long> nonZero = new java.util.LinkedHashMap<>(r.checks());
    nonZero.values().removeIf(v -> v == 0);
    return nonZero;
  }

  @Test
  void aCleanShopPassesAndItsTotalsAddUp() {
    OrderCheck.Result r = check(trades(), orders());

    assertThat(problems(r)).isEmpty();
    assertThat(r.checks()).containsOnlyKeys("orders.missing", "orders.duplicates", "orders.amountMismatches", "orders.unpaidExported",
        "orders.unknownInErp");
    assertThat(r.paid()).isEqualTo(2);
    assertThat(r.salesOrders()).isEqualTo(2);
    assertThat(r.amountFen()).isEqualTo(r.paymentFen()).isEqualTo(2000);
  }

  @Test
  void aPaidTradeWithoutErpOrderIsMissing() {
    OrderCheck.Result r = check(trades(paid(4)), orders());

    assertThat(problems(r)).containsExactly(Map.entry("orders.missing", 1L));
    assertThat(r.samples()).singleElement().asString().contains("4");
  }

  @Test
  void aSecondErpOrderOfOneTradeIsADuplicate() {
    assertThat(problems(check(trades(), orders(order("2", 1000))))).containsExactly(Map.entry("orders.duplicates", 1L));
  }

  @Test
  void anErpOrderOfAnotherAmountIsAMismatch() {
    List<ErpSalesOrderSummary> orders = List.of(order("1", 1000), order("2", 999));

    assertThat(problems(check(trades(), orders))).containsExactly(Map.entry("orders.amountMismatches", 1L));
  }

  @Test
  void anUnpaidTradeInTheErpAndAnOrderOfNoTradeAreCounted() {
    assertThat(problems(check(trades(), orders(order("3", 1000))))).containsExactly(Map.entry("orders.unpaidExported", 1L));
    assertThat(problems(check(trades(), orders(order("9", 1000), order("8-X5", 0))))).containsExactly(Map.entry("orders.unknownInErp", 2L));
  }

  @Test
  void aPaidTradeClosedWithinTheGraceNeedsNoErpOrder() {
    Instant paidAt = WATCHED_FROM.plusSeconds(100);
    SandboxTrade quick = trade(4, "TRADE_CLOSED", paidAt, paidAt.plus(GRACE));
    SandboxTrade beforeTheBridge = trade(5, "TRADE_CLOSED", WATCHED_FROM.minusSeconds(7200), WATCHED_FROM.plusSeconds(30));

    OrderCheck.Result r = check(trades(quick, beforeTheBridge), orders());

    assertThat(problems(r)).isEmpty();
    assertThat(r.closedWithinGrace()).isEqualTo(2);
    assertThat(r.paid()).isEqualTo(r.salesOrders() + r.closedWithinGrace());
  }

  @Test
  void aPaidTradeOpenLongerThanTheGraceIsMissingThoughClosedLater() {
    Instant paidAt = WATCHED_FROM.plusSeconds(100);
    SandboxTrade late = trade(4, "TRADE_CLOSED", paidAt, paidAt.plus(GRACE).plusSeconds(1));
    SandboxTrade paidBeforeTheBridge = trade(5, "TRADE_CLOSED", WATCHED_FROM.minusSeconds(7200), WATCHED_FROM.plus(GRACE).plusSeconds(1));

    OrderCheck.Result r = check(trades(late, paidBeforeTheBridge), orders());

    assertThat(problems(r)).containsExactly(Map.entry("orders.missing", 2L));
    assertThat(r.closedWithinGrace()).isZero();
    assertThat(r.samples()).allSatisfy(s -> assertThat(s).contains("paid and open for 61 s"));
  }
}
