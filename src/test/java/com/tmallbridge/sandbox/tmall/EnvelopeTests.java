package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnvelopeTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)));
    sandbox.generateHistory(50, NOW.minus(Duration.ofHours(2)), NOW);
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Map<String, String> incrementParams(boolean simplify) {
    Map<String, String> params = new HashMap<>();
    params.put("fields", "tid,orders.oid");
    params.put("start_modified", TopTestClient.timestamp(NOW.minus(Duration.ofHours(2))));
    params.put("end_modified", TopTestClient.timestamp(NOW));
    if (simplify) {
      params.put("simplify", "true");
    }
    return params;
  }

  @Test
  void wrapsResponsesAndDoublyWrapsListsByDefault() {
    JsonNode body = client.call("taobao.trades.sold.increment.get", incrementParams(false));

    assertThat(body.propertyNames()).containsExactly("trades_sold_increment_get_response");
    JsonNode response = body.path("trades_sold_increment_get_response");
    assertThat(response.path("request_id").asString()).isNotBlank();
    assertThat(response.path("trades").path("trade").isArray()).isTrue();
    assertThat(response.path("trades").path("trade").get(0).path("orders").path("order").isArray())
        .isTrue();
  }

  @Test
  void simplifiedResponsesHaveNoWrapperAndPlainArrays() {
    JsonNode body = client.call("taobao.trades.sold.increment.get", incrementParams(true));

    assertThat(body.has("trades_sold_increment_get_response")).isFalse();
    assertThat(body.path("total_results").asInt())
        .isEqualTo(sandbox.trades().stream().filter(t -> !t.type().equals("tmall_i18n")).count());
    assertThat(body.path("request_id").asString()).isNotBlank();
    assertThat(body.path("trades").isArray()).isTrue();
    assertThat(body.path("trades").get(0).path("orders").isArray()).isTrue();
  }

  @Test
  void namesTheWrapperAfterTheMethodWithoutTheTaobaoPrefix() {
    long tid = sandbox.trades().get(0).tid();
    long numIid = sandbox.items().get(0).numIid();

    assertThat(
            client
                .call(
                    "taobao.trade.fullinfo.get", Map.of("fields", "tid", "tid", Long.toString(tid)))
                .has("trade_fullinfo_get_response"))
        .isTrue();
    JsonNode item =
        client.call(
            "taobao.item.seller.get",
            Map.of("fields", "num_iid,sku", "num_iid", Long.toString(numIid)));
    assertThat(item.path("item_seller_get_response").path("item").path("num_iid").asLong())
        .isEqualTo(numIid);
  }

  @Test
  void nestsSkusTheSameWayInBothForms() {
    SandboxItem withSkus =
        sandbox.items().stream().filter(i -> !i.skus().isEmpty()).findFirst().orElseThrow();
    Map<String, String> params =
        new HashMap<>(Map.of("fields", "num_iid,sku", "num_iid", Long.toString(withSkus.numIid())));

    JsonNode wrapped =
        client.call("taobao.item.seller.get", params).path("item_seller_get_response").path("item");
    params.put("simplify", "true");
    JsonNode simplified = client.call("taobao.item.seller.get", params).path("item");

    assertThat(wrapped.path("skus").path("sku").size()).isEqualTo(withSkus.skus().size());
    assertThat(simplified.path("skus").size()).isEqualTo(withSkus.skus().size());
  }

  @Test
  void leavesEmptyListsOut() {
    Map<String, String> params = incrementParams(false);
    params.put("status", "TRADE_BUYER_SIGNED");

    JsonNode response =
        client
            .call("taobao.trades.sold.increment.get", params)
            .path("trades_sold_increment_get_response");

    assertThat(response.path("total_results").asInt()).isZero();
    assertThat(response.has("trades")).isFalse();
  }

  @Test
  void errorsUseTheSameEnvelopeWhetherSimplifiedOrNot() {
    Map<String, String> params =
        new HashMap<>(Map.of("fields", "tid", "tid", "42", "simplify", "true"));

    JsonNode body = client.call("taobao.trade.fullinfo.get", params);

    assertThat(body.propertyNames()).containsExactly("error_response");
    assertThat(body.path("error_response").propertyNames())
        .containsExactly("code", "msg", "sub_code", "sub_msg", "request_id");
  }
}
