package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ItemMethodsTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withSeed(9).withClock(new MutableClock(NOW)));
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode onsale(Map<String, String> params) {
    return client.call("taobao.items.onsale.get", params).path("items_onsale_get_response");
  }

  private static List<Long> ids(JsonNode items) {
    List<Long> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.path("num_iid").asLong()));
    return ids;
  }

  @Test
  void generatesAShopOfFortyToOneHundredTwentyItemsWithMerchantCodes() {
    List<SandboxItem> items = sandbox.items();
    List<SandboxSku> skus = items.stream().flatMap(i -> i.skus().stream()).toList();

    assertThat(items).hasSizeBetween(40, 120).allMatch(i -> i.outerId() != null);
    assertThat(items).anyMatch(i -> i.skus().isEmpty()).anyMatch(i -> i.skus().size() > 1);
    assertThat(items).allMatch(i -> i.skus().size() <= 6);
    assertThat(skus).anyMatch(s -> s.outerId() == null);
    assertThat(skus).allMatch(s -> s.propertiesName().contains(":") && s.priceFen() > 0);
    assertThat(items)
        .filteredOn(i -> !i.skus().isEmpty())
        .allMatch(i -> i.quantity() == i.skus().stream().mapToInt(SandboxSku::quantity).sum());
  }

  @Test
  void listsOnlyOnSaleItemsNewestListedFirstByDefault() {
    JsonNode response =
        onsale(Map.of("fields", "num_iid,list_time,approve_status", "page_size", "200"));

    List<Long> expected =
        sandbox.items().stream()
            .filter(SandboxItem::onSale)
            .sorted(
                Comparator.comparing(SandboxItem::listTime)
                    .reversed()
                    .thenComparingLong(SandboxItem::numIid))
            .map(SandboxItem::numIid)
            .toList();
    assertThat(response.path("total_results").asInt()).isEqualTo(expected.size());
    assertThat(ids(response.path("items").path("item"))).containsExactlyElementsOf(expected);
    response
        .path("items")
        .path("item")
        .forEach(item -> assertThat(item.path("approve_status").asString()).isEqualTo("onsale"));
  }

  @Test
  void sortsAndPagesByTheRequestedColumn() {
    JsonNode second =
        onsale(
            Map.of(
                "fields", "num_iid,num", "order_by", "num:asc", "page_size", "10", "page_no", "2"));

    List<Long> expected =
        sandbox.items().stream()
            .filter(SandboxItem::onSale)
            .sorted(
                Comparator.comparingInt(SandboxItem::quantity)
                    .thenComparingLong(SandboxItem::numIid))
            .map(SandboxItem::numIid)
            .skip(10)
            .limit(10)
            .toList();
    assertThat(ids(second.path("items").path("item"))).containsExactlyElementsOf(expected);
  }

  @Test
  void onsaleIgnoresFieldsOutsideItsList() {
    JsonNode item =
        onsale(Map.of("fields", "num_iid,outer_id,skus,desc")).path("items").path("item").get(0);

    assertThat(item.propertyNames()).containsExactlyInAnyOrder("num_iid", "outer_id");
  }

  @Test
  void rejectsBadPageSizesAndSortColumns() {
    JsonNode size =
        client.call("taobao.items.onsale.get", Map.of("fields", "num_iid", "page_size", "201"));
    JsonNode order =
        client.call(
            "taobao.items.onsale.get", Map.of("fields", "num_iid", "order_by", "price:desc"));

    assertThat(size.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:page_size");
    assertThat(order.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:order_by");
  }

  @Test
  void sellerGetReturnsSkusWithMerchantCodesAndProperties() {
    SandboxItem truth =
        sandbox.items().stream().filter(i -> i.skus().size() > 1).findFirst().orElseThrow();

    JsonNode item =
        client
            .call(
                "taobao.item.seller.get",
                Map.of(
                    "fields",
                    "num_iid,outer_id,price,sku",
                    "num_iid",
                    Long.toString(truth.numIid())))
            .path("item_seller_get_response")
            .path("item");

    assertThat(item.path("outer_id").asString()).isEqualTo(truth.outerId());
    JsonNode skus = item.path("skus").path("sku");
    assertThat(skus.size()).isEqualTo(truth.skus().size());
    SandboxSku first = truth.skus().get(0);
    assertThat(skus.get(0).path("sku_id").asLong()).isEqualTo(first.skuId());
    assertThat(skus.get(0).path("properties_name").asString()).isEqualTo(first.propertiesName());
    assertThat(skus.get(0).path("price").asString())
        .isEqualTo(com.tmallbridge.core.Money.formatYuan(first.priceFen()));
  }

  @Test
  void sellerGetOfAnUnknownItemIsAnError() {
    JsonNode body =
        client.call("taobao.item.seller.get", Map.of("fields", "num_iid", "num_iid", "1"));

    assertThat(body.path("error_response").path("code").asInt()).isEqualTo(15);
  }

  @Test
  void sellerListGetSkipsUnknownIdsAndAcceptsAtMostTwenty() {
    List<SandboxItem> items = sandbox.items();
    String known =
        items.subList(0, 3).stream()
            .map(i -> Long.toString(i.numIid()))
            .collect(Collectors.joining(","));
    String tooMany =
        items.subList(0, 21).stream()
            .map(i -> Long.toString(i.numIid()))
            .collect(Collectors.joining(","));

    JsonNode listed =
        client
            .call(
                "taobao.items.seller.list.get",
                Map.of("fields", "num_iid,title", "num_iids", known + ",1,2"))
            .path("items_seller_list_get_response")
            .path("items")
            .path("item");
    JsonNode refused =
        client.call(
            "taobao.items.seller.list.get", Map.of("fields", "num_iid", "num_iids", tooMany));

    assertThat(ids(listed))
        .containsExactly(items.get(0).numIid(), items.get(1).numIid(), items.get(2).numIid());
    assertThat(refused.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:num_iids");
  }
}
