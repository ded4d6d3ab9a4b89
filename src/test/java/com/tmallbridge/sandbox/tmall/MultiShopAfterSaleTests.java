package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tmallbridge.testsupport.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shipping, after-sale and TMC in a second (non-default) shop: the shop's own parcels and refunds,
 * reached with its own session, stock that a refund leaves alone, and TMC messages under that
 * shop's seller on the app's one hub.
 */
class MultiShopAfterSaleTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String NORTH = "北店旗舰店";

  private final JsonMapper json = JsonMapper.builder().build();
  private ControlClient control;
  private TmallSandbox sandbox;
  private SandboxShop north;
  private TopTestClient northClient;
  private TopTestClient defaultClient;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(23).withClock(new MutableClock(NOW)));
    control = new ControlClient(sandbox);
    north = sandbox.addShop(NORTH, CatalogSpec.uniform(8, 3, 60, "GOODS"));
    northClient = new TopTestClient(sandbox, north.credentials().sessionKey());
    defaultClient = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void refundAndSplitShipmentInASecondShopArePublishedUnderThatShopsSeller() throws Exception {
    JsonNode permit = northClient.call("taobao.tmc.user.permit", Map.of());
    assertThat(permit.path("tmc_user_permit_response").path("is_success").asBoolean()).isTrue();
    sandbox.burst(5);
    north.burst(30);
    SandboxTrade trade =
        north.trades().stream()
            .filter(t -> t.lines().size() >= 2 && t.status().equals("WAIT_SELLER_SEND_GOODS"))
            .filter(t -> t.type().equals("fixed"))
            .findFirst()
            .orElseThrow();
    assertThat(sandbox.trade(trade.tid())).as("not a trade of the default shop").isEmpty();
    confirm(consumeWithoutSession());
    sandbox.tmcPermit();
    SandboxTrade defaultTrade = sandbox.trades().get(0);
    sandbox.changeMemo(defaultTrade.tid(), "默认店备注", 1);
    long first = trade.lines().get(0).oid();
    long second = trade.lines().get(1).oid();
    Map<String, String> split =
        Map.of(
            "tid", Long.toString(trade.tid()),
            "company_code", "SF",
            "out_sid", "SF123456789012",
            "is_split", "1",
            "sub_tid", Long.toString(first));

    assertThat(defaultClient.call("taobao.logistics.offline.send", split)
            .path("error_response").path("sub_code").asString())
        .as("the default shop's session cannot ship the north shop's trade")
        .isEqualTo("isv.logistics-offline-service-error:B01");
    JsonNode shipped = northClient.call("taobao.logistics.offline.send", split);
    assertThat(shipped.path("logistics_offline_send_response").path("shipping").path("is_success").asBoolean())
        .as(shipped.toString())
        .isTrue();
    assertThat(north.parcels(trade.tid())).singleElement()
        .matches(p -> p.oids().equals(List.of(first)) && p.outSid().equals("SF123456789012"));
    assertThat(sandbox.parcels(trade.tid())).isEmpty();
    assertThat(north.trade(trade.tid()).orElseThrow().status()).isEqualTo("SELLER_CONSIGNED_PART");

    Map<StockKey, Integer> stockBefore = north.quantities();
    List<SandboxItem> itemsBefore = north.items();
    SandboxRefund opened = north.openRefund(trade.tid(), second, RefundKind.REFUND_ONLY, null, "不想要了");
    assertThat(opened.refundPhase()).isEqualTo("onsale");
    assertThatThrownBy(() -> sandbox.agreeRefund(opened.refundId()))
        .as("the default shop has no such case")
        .isInstanceOf(IllegalArgumentException.class);
    SandboxRefund done = north.agreeRefund(opened.refundId());
    assertThat(done.status()).isEqualTo("SUCCESS");
    assertThat(north.refunds()).singleElement().matches(r -> r.refundId() == opened.refundId());
    assertThat(sandbox.refunds()).isEmpty();
    for (SandboxTradeLine line : trade.lines().subList(2, trade.lines().size())) {
      north.agreeRefund(north.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, null, "拍多了").refundId());
    }
    assertThat(north.trade(trade.tid()).orElseThrow().status())
        .as("the shipped sub-order is all that is left open")
        .isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(north.quantities()).as("a refund puts no units back").isEqualTo(stockBefore);
    assertThat(north.items()).extracting(SandboxItem::soldQuantity, SandboxItem::withHoldQuantity)
        .isEqualTo(itemsBefore.stream().map(i -> tuple(i.soldQuantity(), i.withHoldQuantity())).toList());

    Map<String, String> byId = Map.of("fields", "refund_id,status,tid,oid", "refund_id", Long.toString(opened.refundId()));
    assertThat(northClient.call("taobao.refund.get", byId).path("refund_get_response").path("refund").path("status").asString())
        .isEqualTo("SUCCESS");
    assertThat(defaultClient.call("taobao.refund.get", byId).path("error_response").path("sub_code").asString())
        .isEqualTo("isv.refund-not-exist");
    JsonNode received = northClient.call("taobao.refunds.receive.get", Map.of("fields", "refund_id"));
    assertThat(received.path("refunds_receive_get_response").path("total_results").asInt())
        .as(received.toString())
        .isEqualTo(trade.lines().size() - 1);

    List<JsonNode> all = consumeWithoutSession();
    List<JsonNode> fromDefault =
        all.stream().filter(m -> m.path("user_nick").asString().equals(sandbox.credentials().sellerNick())).toList();
    assertThat(fromDefault).singleElement().satisfies(m -> {
      assertThat(m.path("topic").asString()).isEqualTo("taobao_trade_TradeMemoModified");
      assertThat(m.path("user_id").asLong()).isEqualTo(sandbox.defaultShop().sellerUserId());
      assertThat(json.readTree(m.path("content").asString()).path("tid").asLong()).isEqualTo(defaultTrade.tid());
    });
    List<JsonNode> messages = all.stream().filter(m -> !fromDefault.contains(m)).toList();
    assertThat(messages).extracting(m -> m.path("topic").asString())
        .containsSubsequence(
            "taobao_trade_TradePartlySellerShip",
            "taobao_refund_RefundCreated",
            "taobao_refund_RefundSuccess",
            "taobao_trade_TradePartlyRefund");
    assertThat(messages).allSatisfy(m -> {
      assertThat(m.path("user_nick").asString()).isEqualTo(NORTH);
      assertThat(json.readTree(m.path("content").asString()).path("tid").asLong()).isEqualTo(trade.tid());
      assertThat(m.path("user_id").asLong()).isEqualTo(north.sellerUserId());
      assertThat(json.readTree(m.path("content").asString()).path("seller_nick").asString()).isEqualTo(NORTH);
    });
    JsonNode success =
        messages.stream()
            .filter(m -> m.path("topic").asString().equals("taobao_refund_RefundSuccess"))
            .findFirst()
            .orElseThrow();
    JsonNode content = json.readTree(success.path("content").asString());
    assertThat(content.path("refund_id").asLong()).isEqualTo(opened.refundId());
    assertThat(content.path("oid").asLong()).isEqualTo(second);
    assertThat(north.sellerUserId()).isNotEqualTo(sandbox.defaultShop().sellerUserId());

    try (TopLinkTestClient tmc =
        TopLinkTestClient.connect(
            sandbox.tmcUrl(),
            north.credentials().appKey(),
            north.credentials().appSecret(),
            "default",
            sandbox.clock().millis())) {
      assertThat(tmc.next().status()).isZero();
      north.changeMemo(trade.tid(), "加急", 2);
      TopLinkTestClient.Received memo = tmc.next();
      assertThat(memo.headers().get("topic")).isEqualTo("taobao_trade_TradeMemoModified");
      assertThat(memo.headers().get("nick")).isEqualTo(NORTH);
      assertThat(memo.headers().get("userid")).isEqualTo(north.sellerUserId());
      tmc.confirm((Long) memo.headers().get("id"));
    }
  }

  @Test
  void aWholeTradeRefundedBeforeShippingClosesItAndLeavesTheStockAsItWas() {
    north.burst(10);
    SandboxTrade trade =
        north.trades().stream().filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS")).findFirst().orElseThrow();
    Map<StockKey, Integer> stockBefore = north.quantities();
    int soldBefore = north.items().stream().mapToInt(SandboxItem::soldQuantity).sum();
    for (SandboxTradeLine line : trade.lines()) {
      SandboxRefund refund = north.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, null, "不想要了");
      north.agreeRefund(refund.refundId());
    }
    assertThat(north.trade(trade.tid()).orElseThrow().status()).isEqualTo("TRADE_CLOSED");
    assertThat(north.quantities()).isEqualTo(stockBefore);
    assertThat(north.items().stream().mapToInt(SandboxItem::soldQuantity).sum()).isEqualTo(soldBefore);
    assertThat(north.items()).allMatch(item -> item.withHoldQuantity() == 0);
  }

  @Test
  void theAfterSaleControlApiTargetsAShopByNick() {
    north.burst(10);
    SandboxTrade trade = north.trades().get(0);
    String shop = "shop=" + URLEncoder.encode(NORTH, StandardCharsets.UTF_8);

    assertThat(control.send("POST", "/control/aftersale/tmc/permit?" + shop, "").statusCode()).isEqualTo(200);
    JsonNode tmc = json.readTree(control.send("GET", "/control/aftersale/tmc", "").body());
    assertThat(tmc.path("users")).singleElement()
        .matches(u -> u.path("nick").asString().equals(NORTH) && u.path("userId").asLong() == north.sellerUserId());

    String open =
        "/control/aftersale/refunds?" + shop + "&tid=" + trade.tid() + "&oid=" + trade.lines().get(0).oid()
            + "&kind=REFUND_ONLY&feeFen=1";
    HttpResponse<String> opened = control.send("POST", open, "");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    long refundId = json.readTree(opened.body()).path("refundId").asLong();
    assertThat(control.send("POST", "/control/aftersale/refunds/" + refundId + "/agree", "").statusCode())
        .as("the default shop has no such case")
        .isEqualTo(400);
    assertThat(control.send("POST", "/control/aftersale/refunds/" + refundId + "/agree?" + shop, "").statusCode()).isEqualTo(200);
    assertThat(json.readTree(control.send("GET", "/control/aftersale/refunds?" + shop, "").body())).hasSize(1);
    assertThat(json.readTree(control.send("GET", "/control/aftersale/refunds", "").body())).isEmpty();
    assertThat(control.send("GET", "/control/aftersale/refunds?shop=nobody", "").statusCode()).isEqualTo(400);
    assertThat(north.refund(refundId).orElseThrow().status()).isEqualTo("SUCCESS");
  }

  /** Consumes the default group over HTTP without a session, as TOP allows for the app. */
  private List<JsonNode> consumeWithoutSession() {
    Map<String, String> params =
        new LinkedHashMap<>(defaultClient.system("taobao.tmc.messages.consume", "md5"));
    params.remove("session");
    params.put("quantity", "200");
    JsonNode body = defaultClient.signedGet(params);
    List<JsonNode> messages = new ArrayList<>();
    body.path("tmc_messages_consume_response").path("messages").path("tmc_message").forEach(messages::add);
    assertThat(body.has("error_response")).as(body.toString()).isFalse();
    return messages;
  }

  private void confirm(List<JsonNode> messages) {
    if (messages.isEmpty()) {
      return;
    }
    List<String> ids = messages.stream().map(m -> m.path("id").asString()).toList();
    JsonNode body = northClient.call("taobao.tmc.messages.confirm", Map.of("s_message_ids", String.join(",", ids)));
    assertThat(body.path("tmc_messages_confirm_response").path("is_success").asBoolean()).isTrue();
  }

}
