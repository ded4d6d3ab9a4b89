package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Several sellers in one sandbox: own sessions, catalogs and trades, routed by session key. */
class MultiShopTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final CatalogSpec SAME_GOODS = CatalogSpec.uniform(6, 3, 40, "GOODS");

  private TmallSandbox sandbox;
  private SandboxShop north;
  private SandboxShop south;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(17).withClock(new MutableClock(NOW)));
    north = sandbox.addShop("北店旗舰店", SAME_GOODS);
    south = sandbox.addShop("南店旗舰店", SAME_GOODS);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void shopsShareTheAppButEachHasItsOwnSessionAndIds() {
    assertThat(sandbox.shops()).containsExactly(sandbox.defaultShop(), north, south);
    assertThat(sandbox.shop("南店旗舰店")).contains(south);
    assertThat(north.credentials().appKey()).isEqualTo(sandbox.credentials().appKey());
    assertThat(north.credentials().appSecret()).isEqualTo(sandbox.credentials().appSecret());
    assertThat(Set.of(
            sandbox.credentials().sessionKey(), north.credentials().sessionKey(), south.credentials().sessionKey()))
        .hasSize(3);
    List<String> northCodes = north.items().stream().flatMap(i -> i.skus().stream()).map(SandboxSku::outerId).toList();
    List<String> southCodes = south.items().stream().flatMap(i -> i.skus().stream()).map(SandboxSku::outerId).toList();
    assertThat(northCodes).isEqualTo(southCodes).contains("GOODS00006-03");
    Set<Long> ids = new HashSet<>();
    sandbox.shops().forEach(shop -> shop.items().forEach(item -> assertThat(ids.add(item.numIid())).isTrue()));
    assertThat(sandbox.items()).isEqualTo(sandbox.defaultShop().items());
    assertThatThrownBy(() -> sandbox.addShop("北店旗舰店", SAME_GOODS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.addShop(" ", SAME_GOODS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void callsAreRoutedByTheSessionKey() {
    north.generateHistory(20, NOW.minus(Duration.ofHours(3)), NOW);
    TopTestClient northClient = new TopTestClient(sandbox, north.credentials().sessionKey());
    TopTestClient southClient = new TopTestClient(sandbox, south.credentials().sessionKey());
    Map<String, String> sold =
        Map.of("fields", "tid", "start_created", TopTestClient.timestamp(NOW.minus(Duration.ofHours(4))));

    JsonNode northTrades = northClient.call("taobao.trades.sold.get", sold).path("trades_sold_get_response");
    JsonNode southTrades = southClient.call("taobao.trades.sold.get", sold).path("trades_sold_get_response");
    JsonNode defaultTrades = new TopTestClient(sandbox).call("taobao.trades.sold.get", sold).path("trades_sold_get_response");

    assertThat(northTrades.path("total_results").asInt()).isEqualTo(north.trades().size()).isEqualTo(20);
    assertThat(southTrades.path("total_results").asInt()).isZero();
    assertThat(defaultTrades.path("total_results").asInt()).isZero();
    assertThat(sandbox.trades()).isEmpty();

    JsonNode onsale =
        southClient
            .call("taobao.items.onsale.get", Map.of("fields", "num_iid,outer_id", "page_size", "200"))
            .path("items_onsale_get_response");
    assertThat(onsale.path("total_results").asInt()).isEqualTo(6);
    onsale.path("items").path("item").forEach(i -> assertThat(south.item(i.path("num_iid").asLong())).isPresent());

    JsonNode foreignTrade =
        southClient.call(
            "taobao.trade.fullinfo.get", Map.of("fields", "tid", "tid", Long.toString(north.trades().get(0).tid())));
    assertThat(foreignTrade.path("error_response").path("sub_code").asString()).isEqualTo("isv.trade-not-exist");

    JsonNode unknown = new TopTestClient(sandbox, "6100nosuchsession").call("taobao.items.onsale.get", Map.of("fields", "num_iid"));
    assertThat(unknown.path("error_response").path("code").asInt()).isEqualTo(27);
  }

  @Test
  void aSessionCannotTouchAnotherSellersItems() {
    SandboxItem northItem = north.items().get(0);
    SandboxSku sku = northItem.skus().get(0);
    TopTestClient southClient = new TopTestClient(sandbox, south.credentials().sessionKey());

    JsonNode update =
        southClient.call(
            "taobao.skus.quantity.update",
            Map.of("num_iid", Long.toString(northItem.numIid()), "skuid_quantities", sku.skuId() + ":0"));
    JsonNode byCode =
        southClient.call(
            "taobao.item.quantity.update",
            Map.of("num_iid", Long.toString(northItem.numIid()), "outer_id", sku.outerId(), "quantity", "0"));
    JsonNode get =
        southClient.call("taobao.item.seller.get", Map.of("num_iid", Long.toString(northItem.numIid()), "fields", "num"));
    JsonNode list =
        southClient.call(
            "taobao.items.seller.list.get",
            Map.of("num_iids", northItem.numIid() + "," + south.items().get(0).numIid(), "fields", "num_iid"));

    for (JsonNode refused : List.of(update, byCode, get)) {
      assertThat(refused.path("error_response").path("code").asInt()).as(refused.toString()).isEqualTo(15);
      assertThat(refused.path("error_response").path("sub_code").asString()).isEqualTo(StockMethods.NOT_OWNED);
    }
    assertThat(list.path("items_seller_list_get_response").path("items").path("item")).hasSize(1);
    assertThat(north.quantity(northItem.numIid(), sku.skuId())).isEqualTo(40);
    assertThat(south.stockStats().rejectedCalls()).isEqualTo(2);
    assertThat(north.stockStats()).isEqualTo(new StockStats(0, 0, 0));
  }

  @Test
  void eachShopsStockMovesOnItsOwnAndStatsAddUp() {
    SandboxItem item = south.items().get(2);
    SandboxSku sku = item.skus().get(1);
    TopTestClient southClient = new TopTestClient(sandbox, south.credentials().sessionKey());
    southClient.call(
        "taobao.skus.quantity.update",
        Map.of("num_iid", Long.toString(item.numIid()), "outerid_quantities", sku.outerId() + ":5"));
    new TopTestClient(sandbox)
        .call(
            "taobao.item.quantity.update",
            Map.of(
                "num_iid", Long.toString(sandbox.items().get(0).numIid()),
                "quantity", "0",
                "type", "2",
                "sku_id", sandbox.items().get(0).skus().isEmpty() ? "" : Long.toString(sandbox.items().get(0).skus().get(0).skuId())));
    south.burst(10);

    assertThat(north.quantities().values()).allMatch(q -> q == 40);
    assertThat(south.stockStats()).isEqualTo(new StockStats(1, 1, 0));
    assertThat(sandbox.stockStats().updateCalls()).isEqualTo(2);
    Set<Long> tids = new HashSet<>();
    south.trades().forEach(t -> tids.add(t.tid()));
    sandbox.burst(10);
    sandbox.trades().forEach(t -> assertThat(tids.add(t.tid())).isTrue());
  }
}
