package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The stock book of one shop, with hand-made items (two SKUs sharing a merchant code). */
class ShopStockTests {
  private static final Instant LISTED = Instant.parse("2025-10-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static SandboxSku sku(long id, @Nullable String code, int quantity) {
    return new SandboxSku(id, code, "1627207:" + id, "1627207:" + id + ":颜色分类:色" + id, 9_900, quantity, LISTED, 0);
  }

  private static SandboxItem item(long numIid, StockMode mode, int plainQuantity, SandboxSku... skus) {
    int quantity = skus.length == 0 ? plainQuantity : java.util.Arrays.stream(skus).mapToInt(SandboxSku::quantity).sum();
    return new SandboxItem(
        numIid, "测试商品" + numIid, "P" + numIid, 50010850, 9_900, quantity, "onsale", LISTED, LISTED, 0,
        "https://img.alicdn.com/x.jpg", List.of(skus), mode, 0);
  }

  private static OrderLine line(long numIid, @Nullable Long skuId, int num) {
    return new OrderLine(1, numIid, skuId, "t", null, "P", null, 1, "p", num, 9_900, 0, 0, 9_900L * num);
  }

  private static ShopStock stock() {
    return new ShopStock(
        List.of(
            item(1, StockMode.ON_CREATION, 0, sku(11, "SHARED", 5), sku(12, "SHARED", 6), sku(13, "OWN", 7)),
            item(2, StockMode.ON_PAYMENT, 0, sku(21, "A", 4), sku(22, "B", 0)),
            item(3, StockMode.ON_PAYMENT, 10)));
  }

  @Test
  void outerIdQuantitiesUpdateEverySkuSharingTheCode() {
    ShopStock stock = stock();
    StockMethods methods = new StockMethods(stock, id -> false, Clock.fixed(NOW, ZoneOffset.UTC));
    ApiCall call =
        new ApiCall(
            new BusinessParams(RequestParams.of(Map.of("num_iid", "1", "outerid_quantities", "SHARED:3;OWN:2", "type", "2"))),
            new ResponseShape(false, false));

    ObjectNode answer = methods.skusQuantityUpdate(call);

    assertThat(stock.quantities())
        .containsEntry(new StockKey(1, "11"), 8)
        .containsEntry(new StockKey(1, "12"), 9)
        .containsEntry(new StockKey(1, "13"), 9);
    assertThat(answer.path("item").path("num").asInt()).isEqualTo(26);
    assertThat(methods.stats()).isEqualTo(new StockStats(1, 3, 0));
  }

  @Test
  void creationModeTakesUnitsOnCreationAndGivesThemBackOnClose() {
    ShopStock stock = stock();
    List<OrderLine> lines = List.of(line(1, 11L, 2), line(3, null, 4));

    assertThat(stock.reserve(lines, NOW)).isTrue();
    assertThat(stock.quantities()).containsEntry(new StockKey(1, "11"), 3).containsEntry(new StockKey(3, ""), 10);
    assertThat(stock.item(3).orElseThrow().withHoldQuantity()).isEqualTo(4);
    assertThat(stock.item(1).orElseThrow().modified()).isEqualTo(NOW);
    assertThat(stock.item(3).orElseThrow().modified()).isEqualTo(LISTED);

    stock.release(lines, NOW);
    assertThat(stock.quantities()).containsEntry(new StockKey(1, "11"), 5).containsEntry(new StockKey(3, ""), 10);
    assertThat(stock.item(3).orElseThrow().withHoldQuantity()).isZero();
  }

  @Test
  void paymentModeTakesHeldUnitsOnPaymentAndRefusesPaymentWhenTheyAreGone() {
    ShopStock stock = stock();
    List<OrderLine> lines = List.of(line(1, 12L, 1), line(3, null, 4));
    assertThat(stock.reserve(lines, NOW)).isTrue();

    assertThat(stock.pay(lines, NOW.plusSeconds(5))).isTrue();
    assertThat(stock.quantities()).containsEntry(new StockKey(1, "12"), 5).containsEntry(new StockKey(3, ""), 6);
    assertThat(stock.item(3).orElseThrow().withHoldQuantity()).isZero();
    assertThat(stock.item(3).orElseThrow().soldQuantity()).isEqualTo(4);
    assertThat(stock.item(1).orElseThrow().soldQuantity()).isEqualTo(1);

    List<OrderLine> second = List.of(line(3, null, 5));
    assertThat(stock.reserve(second, NOW)).isTrue();
    stock.setQuantities(Map.of(new StockKey(3, ""), 2), NOW);
    assertThat(stock.pay(second, NOW)).isFalse();
    assertThat(stock.quantities()).containsEntry(new StockKey(3, ""), 2);
    assertThat(stock.available(stock.quantities().size() - 1)).isZero();
  }

  @Test
  void reservingMoreThanBuyersCanTakeFailsAndChangesNothing() {
    ShopStock stock = stock();
    assertThat(stock.reserve(List.of(line(3, null, 8)), NOW)).isTrue();

    assertThat(stock.reserve(List.of(line(1, 11L, 1), line(3, null, 3)), NOW)).isFalse();
    assertThat(stock.reserve(List.of(line(2, 22L, 1)), NOW)).isFalse();
    assertThat(stock.quantities()).containsEntry(new StockKey(1, "11"), 5).containsEntry(new StockKey(3, ""), 10);
    assertThat(stock.item(3).orElseThrow().withHoldQuantity()).isEqualTo(8);
  }

  @Test
  void picksPositionsInProportionToWhatIsAvailableAndNeverASoldOutOne() {
    long seed = System.nanoTime();
    System.out.println("seed " + seed);
    ShopStock stock = stock();
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, Integer> picks = new HashMap<>();
    for (int i = 0; i < 37_000; i++) {
      picks.merge(stock.pick(random), 1, Integer::sum);
    }
    // positions: 11:5, 12:6, 13:7, 21:4, 22:0, 3:10 → 32 units available
    assertThat(picks).doesNotContainKey(4).doesNotContainKey(-1);
    assertThat(picks.get(5)).isBetween(10_500, 12_600);
    assertThat(picks.get(3)).isBetween(3_900, 5_400);

    stock.setQuantities(Map.of(new StockKey(1, "11"), 0, new StockKey(1, "12"), 0, new StockKey(1, "13"), 0,
        new StockKey(2, "21"), 0, new StockKey(3, ""), 0), NOW);
    assertThat(stock.pick(random)).isEqualTo(-1);
  }

  @Test
  void directSetupRefusesUnknownPositionsAndNegativeQuantitiesAllOrNothing() {
    ShopStock stock = stock();
    assertThatThrownBy(() -> stock.setQuantities(Map.of(new StockKey(1, "99"), 1), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stock.setQuantities(Map.of(new StockKey(1, ""), 1), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stock.setQuantities(Map.of(new StockKey(3, ""), 1, new StockKey(1, "11"), -1), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stock.quantities()).containsEntry(new StockKey(3, ""), 10).containsEntry(new StockKey(1, "11"), 5);
  }
}
