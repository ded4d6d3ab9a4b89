package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Stock moves with trades, by the items' stock mode, and never goes below 0. */
class StockMovementTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static TmallSandbox start(CatalogSpec catalog, long seed) {
    return TmallSandbox.start(
        SandboxConfig.defaults().withSeed(seed).withClock(new MutableClock(NOW)).withCatalog(catalog));
  }

  /** Units per stock position taken by trades matching the filter. */
  private static Map<StockKey, Integer> units(List<SandboxTrade> trades, java.util.function.Predicate<SandboxTrade> which) {
    Map<StockKey, Integer> units = new HashMap<>();
    for (SandboxTrade trade : trades) {
      if (which.test(trade)) {
        for (SandboxTradeLine line : trade.lines()) {
          units.merge(StockKey.of(line.numIid(), line.skuId()), line.num(), Integer::sum);
        }
      }
    }
    return units;
  }

  private static boolean unpaidOpen(SandboxTrade trade) {
    return trade.status().equals("WAIT_BUYER_PAY");
  }

  private static boolean closedUnpaid(SandboxTrade trade) {
    return trade.status().equals("TRADE_CLOSED_BY_TAOBAO");
  }

  @ParameterizedTest
  @EnumSource(StockMode.class)
  void historyTakesStockByTheItemsModeAndClosedUnpaidTradesGiveItBack(StockMode mode) {
    long seed = System.nanoTime();
    System.out.println("seed " + seed);
    try (TmallSandbox sandbox = start(CatalogSpec.uniform(30, 4, 50, "M").withStockMode(mode), seed)) {
      Map<StockKey, Integer> before = sandbox.quantities();

      int created = sandbox.generateHistory(800, NOW.minus(Duration.ofDays(2)), NOW);

      List<SandboxTrade> trades = sandbox.trades();
      assertThat(created).isEqualTo(trades.size()).isPositive();
      assertThat(trades).anyMatch(StockMovementTests::closedUnpaid).anyMatch(StockMovementTests::unpaidOpen);
      Map<StockKey, Integer> taken =
          mode == StockMode.ON_CREATION
              ? units(trades, t -> !closedUnpaid(t))
              : units(trades, SandboxTrade::everPaid);
      Map<StockKey, Integer> held =
          mode == StockMode.ON_PAYMENT ? units(trades, StockMovementTests::unpaidOpen) : Map.of();
      Map<StockKey, Integer> after = sandbox.quantities();
      before.forEach(
          (key, quantity) -> {
            assertThat(after.get(key)).as("quantity of %s", key).isEqualTo(quantity - taken.getOrDefault(key, 0));
            assertThat(after.get(key)).isNotNegative();
          });
      for (SandboxItem item : sandbox.items()) {
        int itemHeld = item.skus().stream().mapToInt(sku -> held.getOrDefault(StockKey.of(item.numIid(), sku.skuId()), 0)).sum();
        assertThat(item.withHoldQuantity()).isEqualTo(itemHeld);
        assertThat(item.quantity()).isEqualTo(item.skus().stream().mapToInt(SandboxSku::quantity).sum());
        assertThat(item.stockMode()).isEqualTo(mode);
      }
      int sold = trades.stream().filter(SandboxTrade::everPaid).flatMap(t -> t.lines().stream()).mapToInt(SandboxTradeLine::num).sum();
      assertThat(sandbox.items().stream().mapToInt(SandboxItem::soldQuantity).sum()).isEqualTo(sold);
    }
  }

  @Test
  void aShopThatSellsOutStopsCreatingTradesAndNeverGoesBelowZero() {
    try (TmallSandbox sandbox = start(CatalogSpec.uniform(2, 2, 3, "S").withStockMode(StockMode.ON_CREATION), 5)) {
      int created = sandbox.burst(1_000);

      assertThat(created).isEqualTo(sandbox.trades().size()).isBetween(1, 12);
      assertThat(sandbox.quantities().values()).allMatch(q -> q == 0);
      int units = sandbox.trades().stream().flatMap(t -> t.lines().stream()).mapToInt(SandboxTradeLine::num).sum();
      assertThat(units).isEqualTo(12);
      assertThat(sandbox.burst(10)).isZero();
    }
  }

  @Test
  void generatorsOnlySellWhatIsInStock() {
    try (TmallSandbox sandbox = start(CatalogSpec.uniform(10, 3, 100, "Z"), 8)) {
      Map<StockKey, Integer> zero = new HashMap<>();
      sandbox.quantities().keySet().stream().limit(25).forEach(key -> zero.put(key, 0));
      sandbox.setQuantities(zero);

      sandbox.burst(200);
      sandbox.generateHistory(200, NOW.minus(Duration.ofHours(5)), NOW);

      assertThat(units(sandbox.trades(), t -> true).keySet()).doesNotContainAnyElementsOf(zero.keySet());
    }
  }

  @Test
  void liveTradesMoveStockAsTheyArePaidOrClosed() throws InterruptedException {
    try (TmallSandbox sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults()
                .withSeed(3)
                .withCatalog(CatalogSpec.uniform(5, 2, 1_000, "L").withStockMode(StockMode.ON_PAYMENT)))) {
      Map<StockKey, Integer> before = sandbox.quantities();

      LiveRun run = sandbox.generateLive(30, Duration.ofSeconds(1));
      assertThat(run.awaitDone(Duration.ofSeconds(20))).isTrue();

      Map<StockKey, Integer> paid = units(sandbox.trades(), SandboxTrade::everPaid);
      Map<StockKey, Integer> after = sandbox.quantities();
      before.forEach((key, q) -> assertThat(after.get(key)).isEqualTo(q - paid.getOrDefault(key, 0)));
      int held = units(sandbox.trades(), StockMovementTests::unpaidOpen).values().stream().mapToInt(Integer::intValue).sum();
      assertThat(sandbox.items().stream().mapToInt(SandboxItem::withHoldQuantity).sum()).isEqualTo(held);
      assertThat(run.notCreated()).isZero();
    }
  }

  @Test
  void theItemMethodsShowHeldUnitsStockModeAndTheModifiedOfTheLastSale() {
    try (TmallSandbox sandbox = start(CatalogSpec.uniform(3, 2, 500, "H"), 4)) {
      sandbox.burst(40);
      SandboxItem item =
          sandbox.items().stream().max(java.util.Comparator.comparing(SandboxItem::modified)).orElseThrow();
      JsonNode got =
          new TopTestClient(sandbox)
              .call(
                  "taobao.item.seller.get",
                  Map.of(
                      "num_iid", Long.toString(item.numIid()),
                      "fields", "num,sub_stock,with_hold_quantity,modified,sold_quantity,sku.quantity,sku.modified"))
              .path("item_seller_get_response")
              .path("item");

      assertThat(got.path("num").asInt()).isEqualTo(item.quantity()).isLessThan(1_000);
      assertThat(got.path("sub_stock").asInt()).isEqualTo(2);
      assertThat(got.path("with_hold_quantity").asInt()).isEqualTo(item.withHoldQuantity());
      assertThat(got.path("sold_quantity").asInt()).isEqualTo(item.soldQuantity()).isPositive();
      assertThat(got.path("modified").asString()).isEqualTo(TopTime.format(item.modified()));
      assertThat(item.modified()).isAfter(NOW.minus(Duration.ofMinutes(6)));
    }
  }
}
