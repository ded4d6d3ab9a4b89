package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** taobao.skus.quantity.update and taobao.item.quantity.update over HTTP. */
class StockMethodsTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String SKUS = "taobao.skus.quantity.update";
  private static final String ITEM = "taobao.item.quantity.update";

  private MutableClock clock;
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    clock = new MutableClock(NOW);
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11).withClock(clock));
    client = new TopTestClient(sandbox);
    clock.advance(Duration.ofMinutes(5));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private SandboxItem multiSkuItem() {
    return sandbox.items().stream()
        .filter(i -> i.skus().size() >= 3 && i.skus().stream().allMatch(s -> s.outerId() != null))
        .findFirst()
        .orElseThrow();
  }

  private SandboxItem skuLessItem() {
    return sandbox.items().stream().filter(i -> i.skus().isEmpty()).findFirst().orElseThrow();
  }

  private SandboxItem current(long numIid) {
    return sandbox.items().stream().filter(i -> i.numIid() == numIid).findFirst().orElseThrow();
  }

  private JsonNode skus(Map<String, String> params) {
    return client.call(SKUS, params);
  }

  private JsonNode item(Map<String, String> params) {
    return client.call(ITEM, params);
  }

  private static void assertError(JsonNode answer, int code, String subCode) {
    assertThat(answer.path("error_response").path("code").asInt()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.path("error_response").path("sub_code").asString())
        .as(answer.toString())
        .isEqualTo(subCode);
  }

  @Test
  void fullUpdateBySkuIdSetsTheQuantitiesAndAnswersTheItemWithEverySku() {
    SandboxItem item = multiSkuItem();
    SandboxSku first = item.skus().get(0);
    SandboxSku second = item.skus().get(1);

    JsonNode answer =
        skus(
            Map.of(
                "num_iid", Long.toString(item.numIid()),
                "skuid_quantities", first.skuId() + ":7;" + second.skuId() + ":0"));

    JsonNode body = answer.path("skus_quantity_update_response").path("item");
    SandboxItem after = current(item.numIid());
    assertThat(body.path("num_iid").asLong()).isEqualTo(item.numIid());
    assertThat(body.path("num").asInt())
        .isEqualTo(after.skus().stream().mapToInt(SandboxSku::quantity).sum())
        .isEqualTo(after.quantity());
    assertThat(body.path("modified").asString()).isEqualTo(TopTime.format(clock.instant()));
    JsonNode skus = body.path("skus").path("sku");
    assertThat(skus).hasSize(item.skus().size());
    Map<Long, Integer> answered = new HashMap<>();
    skus.forEach(s -> answered.put(s.path("sku_id").asLong(), s.path("quantity").asInt()));
    assertThat(answered).containsEntry(first.skuId(), 7).containsEntry(second.skuId(), 0);
    assertThat(skus.get(0).path("modified").asString()).isEqualTo(TopTime.format(clock.instant()));
    assertThat(skus.get(2).path("modified").asString())
        .isEqualTo(TopTime.format(item.skus().get(2).modified()));
    assertThat(sandbox.quantities())
        .containsEntry(StockKey.of(item.numIid(), first.skuId()), 7)
        .containsEntry(StockKey.of(item.numIid(), second.skuId()), 0)
        .containsEntry(StockKey.of(item.numIid(), item.skus().get(2).skuId()), item.skus().get(2).quantity());
    assertThat(sandbox.stockStats()).isEqualTo(new StockStats(1, 2, 0));
    assertThat(sandbox.apiCalls()).containsEntry(SKUS, 1L);
  }

  @Test
  void itemMethodsReportTheLiveQuantityAndModified() {
    SandboxItem item = multiSkuItem();
    SandboxSku first = item.skus().get(0);
    skus(Map.of("num_iid", Long.toString(item.numIid()), "skuid_quantities", first.skuId() + ":4321"));

    JsonNode got =
        client
            .call(
                "taobao.item.seller.get",
                Map.of("num_iid", Long.toString(item.numIid()), "fields", "num_iid,num,modified,sku"))
            .path("item_seller_get_response")
            .path("item");
    int expected = current(item.numIid()).quantity();
    assertThat(got.path("num").asInt()).isEqualTo(expected);
    assertThat(got.path("modified").asString()).isEqualTo(TopTime.format(clock.instant()));
    assertThat(got.path("skus").path("sku").get(0).path("quantity").asInt()).isEqualTo(4321);

    JsonNode onsale =
        client
            .call(
                "taobao.items.onsale.get",
                Map.of("fields", "num_iid,num,modified", "order_by", "modified:desc", "page_size", "1"))
            .path("items_onsale_get_response")
            .path("items")
            .path("item")
            .get(0);
    if (item.onSale()) {
      assertThat(onsale.path("num_iid").asLong()).isEqualTo(item.numIid());
      assertThat(onsale.path("num").asInt()).isEqualTo(expected);
    }
  }

  @Test
  void incrementalUpdateAddsAndClampsAtZeroBelowIt() {
    SandboxItem item = multiSkuItem();
    SandboxSku first = item.skus().get(0);
    SandboxSku second = item.skus().get(1);
    sandbox.setQuantities(
        Map.of(
            StockKey.of(item.numIid(), first.skuId()), 10,
            StockKey.of(item.numIid(), second.skuId()), 3));

    JsonNode answer =
        skus(
            Map.of(
                "num_iid", Long.toString(item.numIid()),
                "type", "2",
                "skuid_quantities", first.skuId() + ":5;" + second.skuId() + ":-8"));

    assertThat(answer.has("skus_quantity_update_response")).as(answer.toString()).isTrue();
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(15);
    assertThat(sandbox.defaultShop().quantity(item.numIid(), second.skuId())).isZero();
  }

  @Test
  void outerIdQuantitiesUpdateByMerchantCodeAndSkuIdsWinWhenBothAreGiven() {
    SandboxItem item = multiSkuItem();
    SandboxSku first = item.skus().get(0);
    SandboxSku second = item.skus().get(1);

    skus(Map.of("num_iid", Long.toString(item.numIid()), "outerid_quantities", first.outerId() + ":42"));
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(42);

    skus(
        Map.of(
            "num_iid", Long.toString(item.numIid()),
            "skuid_quantities", second.skuId() + ":9",
            "outerid_quantities", first.outerId() + ":1"));
    assertThat(sandbox.defaultShop().quantity(item.numIid(), second.skuId())).isEqualTo(9);
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(42);
  }

  @Test
  void refusesBadParametersWithTopsCodes() {
    SandboxItem item = multiSkuItem();
    String id = Long.toString(item.numIid());
    long sku = item.skus().get(0).skuId();

    assertError(skus(Map.of("skuid_quantities", sku + ":1")), 40, "isv.missing-parameter");
    assertError(skus(Map.of("num_iid", id)), 40, "isv.missing-parameter");
    assertError(skus(Map.of("num_iid", "abc", "skuid_quantities", sku + ":1")), 41, "isv.invalid-parameter:num_iid");
    assertError(
        skus(Map.of("num_iid", id, "type", "3", "skuid_quantities", sku + ":1")), 41, "isv.invalid-parameter:type");
    assertError(skus(Map.of("num_iid", id, "skuid_quantities", "12345")), 41, "isv.invalid-parameter:skuid_quantities");
    assertError(skus(Map.of("num_iid", id, "skuid_quantities", ":5")), 41, "isv.invalid-parameter:skuid_quantities");
    assertError(
        skus(Map.of("num_iid", id, "skuid_quantities", sku + ":many")), 41, "isv.invalid-parameter:skuid_quantities");
    assertError(skus(Map.of("num_iid", id, "skuid_quantities", "x1:5")), 41, "isv.invalid-parameter:skuid_quantities");
    assertError(
        skus(Map.of("num_iid", id, "skuid_quantities", sku + ":-1")), 41, "isv.invalid-parameter:skuid_quantities");
    assertError(
        skus(Map.of("num_iid", id, "skuid_quantities", sku + ":1;" + sku + ":2")),
        41,
        "isv.invalid-parameter:skuid_quantities");
    StringJoiner tooMany = new StringJoiner(";");
    for (int i = 0; i < 21; i++) {
      tooMany.add((sku + 1 + i) + ":1");
    }
    assertError(
        skus(Map.of("num_iid", id, "skuid_quantities", tooMany.toString())),
        41,
        "isv.invalid-parameter:skuid_quantities");
    assertThat(sandbox.stockStats().updateCalls()).isZero();
    assertThat(sandbox.stockStats().rejectedCalls()).isEqualTo(11);
  }

  @Test
  void refusesUnknownItemsSkusAndCodesAndChangesNothing() {
    SandboxItem item = multiSkuItem();
    String id = Long.toString(item.numIid());
    SandboxSku first = item.skus().get(0);
    Map<StockKey, Integer> before = sandbox.quantities();

    assertError(
        skus(Map.of("num_iid", "999", "skuid_quantities", first.skuId() + ":1")), 15, StockMethods.ITEM_NOT_FOUND);
    assertError(
        skus(Map.of("num_iid", id, "skuid_quantities", first.skuId() + ":1;" + 12345 + ":1")),
        15,
        StockMethods.SKU_UPDATE_FAILED);
    assertError(
        skus(Map.of("num_iid", id, "outerid_quantities", first.outerId() + ":1;NO-SUCH-CODE:1")),
        15,
        StockMethods.SKU_UPDATE_FAILED);
    assertError(
        skus(Map.of("num_iid", Long.toString(skuLessItem().numIid()), "skuid_quantities", first.skuId() + ":1")),
        15,
        StockMethods.SKU_UPDATE_FAILED);
    assertError(item(Map.of("num_iid", "999", "quantity", "1")), 15, StockMethods.ITEM_NOT_FOUND);

    assertThat(sandbox.quantities()).isEqualTo(before);
  }

  @Test
  void itemQuantityUpdateSetsAnItemWithoutSkusFullyOrByIncrementButNeverBelowZero() {
    SandboxItem plain = skuLessItem();
    String id = Long.toString(plain.numIid());

    JsonNode full = item(Map.of("num_iid", id, "quantity", "30"));
    assertThat(full.path("item_quantity_update_response").path("item").path("num").asInt()).isEqualTo(30);
    assertThat(full.path("item_quantity_update_response").path("item").has("skus")).isFalse();
    assertThat(sandbox.quantities()).containsEntry(new StockKey(plain.numIid(), ""), 30);

    item(Map.of("num_iid", id, "quantity", "-30", "type", "2"));
    assertThat(sandbox.defaultShop().quantity(plain.numIid(), null)).isZero();

    assertError(item(Map.of("num_iid", id, "quantity", "-1", "type", "2")), 15, StockMethods.ITEM_UPDATE_FAILED);
    assertError(item(Map.of("num_iid", id, "quantity", "-1")), 41, "isv.invalid-parameter:quantity");
    assertError(item(Map.of("num_iid", id)), 40, "isv.missing-parameter");
    assertError(item(Map.of("num_iid", id, "quantity", "lots")), 41, "isv.invalid-parameter:quantity");
    assertError(item(Map.of("num_iid", id, "quantity", "5", "type", "0")), 41, "isv.invalid-parameter:type");
    assertError(item(Map.of("num_iid", id, "quantity", "5", "outer_id", "ANY")), 15, StockMethods.SKU_UPDATE_FAILED);
    assertThat(sandbox.defaultShop().quantity(plain.numIid(), null)).isZero();
    assertThat(sandbox.stockStats()).isEqualTo(new StockStats(2, 2, 6));
  }

  @Test
  void itemQuantityUpdateOnAnItemWithSkusNeedsASkuIdOrCodeAndSkuIdWins() {
    SandboxItem item = multiSkuItem();
    String id = Long.toString(item.numIid());
    SandboxSku first = item.skus().get(0);
    SandboxSku second = item.skus().get(1);

    assertError(item(Map.of("num_iid", id, "quantity", "5")), 15, StockMethods.ITEM_UPDATE_FAILED);

    JsonNode bySku = item(Map.of("num_iid", id, "quantity", "11", "sku_id", Long.toString(first.skuId())));
    JsonNode answered = bySku.path("item_quantity_update_response").path("item");
    assertThat(answered.path("skus").path("sku")).hasSize(item.skus().size());
    assertThat(answered.path("num").asInt()).isEqualTo(current(item.numIid()).quantity());
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(11);

    item(Map.of("num_iid", id, "quantity", "12", "outer_id", second.outerId()));
    assertThat(sandbox.defaultShop().quantity(item.numIid(), second.skuId())).isEqualTo(12);

    item(
        Map.of(
            "num_iid", id,
            "quantity", "13",
            "sku_id", Long.toString(first.skuId()),
            "outer_id", second.outerId()));
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(13);
    assertThat(sandbox.defaultShop().quantity(item.numIid(), second.skuId())).isEqualTo(12);

    item(Map.of("num_iid", id, "quantity", "-20", "type", "2", "sku_id", Long.toString(first.skuId())));
    assertError(
        item(Map.of("num_iid", id, "quantity", "-20", "type", "2", "sku_id", Long.toString(second.skuId()))),
        15,
        StockMethods.SKU_UPDATE_FAILED);
    assertThat(sandbox.defaultShop().quantity(item.numIid(), second.skuId())).isEqualTo(12);
    assertError(
        item(Map.of("num_iid", id, "quantity", "1", "sku_id", "12345")), 15, StockMethods.SKU_UPDATE_FAILED);
    assertError(
        item(Map.of("num_iid", id, "quantity", "1", "sku_id", "twelve")), 41, "isv.invalid-parameter:sku_id");
    assertError(
        item(Map.of("num_iid", id, "quantity", "1", "outer_id", "NO-SUCH-CODE")), 15, StockMethods.SKU_UPDATE_FAILED);
  }

  @Test
  void injectedFaultsHitTheStockMethodsAndLeaveTheStockAlone() {
    SandboxItem item = multiSkuItem();
    SandboxSku first = item.skus().get(0);
    int before = sandbox.defaultShop().quantity(item.numIid(), first.skuId());
    sandbox.faults(FaultSettings.none().withMethodErrorRate(SKUS, 1.0));

    JsonNode answer = skus(Map.of("num_iid", Long.toString(item.numIid()), "skuid_quantities", first.skuId() + ":1"));

    assertThat(answer.path("error_response").path("code").asInt()).isIn(10, 15);
    assertThat(sandbox.defaultShop().quantity(item.numIid(), first.skuId())).isEqualTo(before);
    assertThat(sandbox.apiCalls()).containsEntry(SKUS, 1L);
    assertThat(sandbox.stockStats()).isEqualTo(new StockStats(0, 0, 0));
  }

  @Test
  void simplifiedAnswersListTheSkusAsAPlainArray() {
    SandboxItem item = multiSkuItem();
    List<String> pairs = new ArrayList<>();
    item.skus().forEach(s -> pairs.add(s.skuId() + ":2"));

    JsonNode answer =
        skus(
            Map.of(
                "num_iid", Long.toString(item.numIid()),
                "skuid_quantities", String.join(";", pairs) + ";",
                "simplify", "true"));

    assertThat(answer.path("item").path("skus").isArray()).as(answer.toString()).isTrue();
    assertThat(answer.path("item").path("num").asInt()).isEqualTo(2 * item.skus().size());
  }
}
