package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code taobao.itemcats.get}: by ids, by parent, field selection, errors, and every catalog category named. */
class ItemCatMethodsTests {
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults());
    client = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static List<JsonNode> cats(JsonNode response) {
    List<JsonNode> out = new ArrayList<>();
    response.path("itemcats_get_response").path("item_cats").path("item_cat").values().forEach(out::add);
    return out;
  }

  @Test
  void everyLeafCategoryOfTheGeneratedCatalogHasANameAndATopLevelParent() {
    for (ProductCatalog.Category c : ProductCatalog.CATEGORIES) {
      ItemCategories.ItemCategory leaf = ItemCategories.byCid(c.cid()).orElseThrow(() -> new AssertionError("no name for " + c.cid()));
      assertThat(leaf.isParent()).isFalse();
      ItemCategories.ItemCategory top = ItemCategories.byCid(leaf.parentCid()).orElseThrow();
      assertThat(top.parentCid()).isZero();
      assertThat(top.isParent()).isTrue();
    }
  }

  @Test
  void cidsGiveTheKnownOnesInTheOrderAskedAndSkipUnknownIds() {
    JsonNode response = client.call("taobao.itemcats.get",
        Map.of("fields", "cid,parent_cid,name,is_parent", "cids", "50016434,999999,50010850"));
    List<JsonNode> cats = cats(response);
    assertThat(cats).extracting(c -> c.path("cid").asLong()).containsExactly(50016434L, 50010850L);
    assertThat(cats.get(1).path("name").asString()).isEqualTo("连衣裙");
    assertThat(cats.get(1).path("parent_cid").asLong()).isEqualTo(16);
    assertThat(cats.get(1).path("is_parent").asBoolean()).isFalse();
    assertThat(response.path("itemcats_get_response").path("last_modified").asString()).isNotBlank();
  }

  @Test
  void parentCidZeroListsTheTopLevelAndOnlyTheFieldsAsked() {
    List<JsonNode> top = cats(client.call("taobao.itemcats.get", Map.of("fields", "cid,name", "parent_cid", "0")));
    assertThat(top).hasSize(8);
    assertThat(top.get(0).path("name").asString()).isEqualTo("女装/女士精品");
    assertThat(top.get(0).has("parent_cid")).isFalse();
    List<JsonNode> children = cats(client.call("taobao.itemcats.get", Map.of("fields", "cid,name", "parent_cid", "16")));
    assertThat(children.stream().map(c -> c.path("name").asString()).collect(Collectors.toList())).containsExactly("连衣裙");
  }

  @Test
  void aCallWithNeitherCidsNorParentOrWithBadIdsIsRefusedLikeTop() {
    JsonNode neither = client.call("taobao.itemcats.get", Map.of("fields", "cid,name"));
    assertThat(neither.path("error_response").path("code").asInt()).isEqualTo(40);
    JsonNode bad = client.call("taobao.itemcats.get", Map.of("fields", "cid,name", "cids", "16,abc"));
    assertThat(bad.path("error_response").path("code").asInt()).isEqualTo(41);
    assertThat(bad.path("error_response").path("sub_code").asString()).isEqualTo("isv.invalid-parameter:cids");
    String tooMany = java.util.stream.IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
    JsonNode many = client.call("taobao.itemcats.get", Map.of("fields", "cid", "cids", tooMany));
    assertThat(many.path("error_response").path("code").asInt()).isEqualTo(41);
    JsonNode noFields = client.call("taobao.itemcats.get", Map.of("cids", "16"));
    assertThat(noFields.path("error_response").path("code").asInt()).isEqualTo(40);
  }
}
