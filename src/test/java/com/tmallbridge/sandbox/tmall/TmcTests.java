package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TmcTests {
  private final JsonMapper json = JsonMapper.builder().build();
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(3));
    client = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private void permit() {
    JsonNode body = client.call("taobao.tmc.user.permit", Map.of());
    assertThat(body.path("tmc_user_permit_response").path("is_success").asBoolean()).isTrue();
  }

  private List<JsonNode> consume(int quantity) {
    Map<String, String> params = Map.of("quantity", Integer.toString(quantity));
    JsonNode body = client.call("taobao.tmc.messages.consume", params);
    JsonNode list = body.path("tmc_messages_consume_response").path("messages").path("tmc_message");
    List<JsonNode> messages = new ArrayList<>();
    list.forEach(messages::add);
    return messages;
  }

  private void confirm(List<JsonNode> messages) {
    List<String> ids = messages.stream().map(m -> m.path("id").asString()).toList();
    JsonNode body =
        client.call("taobao.tmc.messages.confirm", Map.of("s_message_ids", String.join(",", ids)));
    assertThat(body.path("tmc_messages_confirm_response").path("is_success").asBoolean()).isTrue();
  }

  @Test
  void onlyPermittedSellersGetMessagesAndUserMethodsManageThem() {
    sandbox.burst(3);
    assertThat(consume(10)).isEmpty();
    permit();
    JsonNode user =
        client.call(
            "taobao.tmc.user.get",
            Map.of("nick", sandbox.credentials().sellerNick(), "fields", "user_nick,group_name,is_valid,topics"));
    assertThat(user.path("tmc_user_get_response").path("tmc_user").path("group_name").asString()).isEqualTo("default");
    sandbox.burst(2);
    List<JsonNode> messages = consume(10);
    assertThat(messages).extracting(m -> m.path("topic").asString())
        .containsExactly("taobao_trade_TradeCreate", "taobao_trade_TradeBuyerPay",
            "taobao_trade_TradeCreate", "taobao_trade_TradeBuyerPay");
    JsonNode content = json.readTree(messages.get(1).path("content").asString());
    long tid = content.path("tid").asLong();
    assertThat(content.path("oid").asLong()).isEqualTo(tid);
    assertThat(content.path("seller_nick").asString()).isEqualTo(sandbox.credentials().sellerNick());
    assertThat(messages.get(1).path("pub_time").asString()).isNotBlank();
    assertThat(messages.get(1).path("user_nick").asString()).isEqualTo(sandbox.credentials().sellerNick());
    confirm(messages);

    JsonNode cancel = client.call("taobao.tmc.user.cancel", Map.of("nick", sandbox.credentials().sellerNick()));
    assertThat(cancel.path("tmc_user_cancel_response").path("is_success").asBoolean()).isTrue();
    sandbox.burst(1);
    assertThat(consume(10)).isEmpty();
    assertThat(client.call("taobao.tmc.messages.consume", Map.of("quantity", "9"))
            .path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:quantity");
    assertThat(client.call("taobao.tmc.user.permit", Map.of("topics", "nope_topic"))
            .path("error_response").path("sub_code").asString())
        .isEqualTo("isv.topic-not-exist");
  }

  @Test
  void tradeAndRefundEventsArePublishedWithTheirTopics() {
    permit();
    sandbox.burst(20);
    SandboxTrade trade =
        sandbox.trades().stream().filter(t -> t.lines().size() >= 2).findFirst().orElseThrow();
    confirm(consume(200));
    long first = trade.lines().get(0).oid();
    Map<String, String> split = new HashMap<>(Map.of("tid", Long.toString(trade.tid()),
        "company_code", "SF", "out_sid", "SF123456789012", "is_split", "1", "sub_tid", Long.toString(first)));
    client.call("taobao.logistics.offline.send", split);
    SandboxRefund refund = sandbox.openRefund(trade.tid(), trade.lines().get(1).oid(), RefundKind.REFUND_ONLY, null, "x");
    sandbox.agreeRefund(refund.refundId());
    sandbox.changeMemo(trade.tid(), "加急", 2);

    List<String> topics = consume(50).stream().map(m -> m.path("topic").asString()).toList();
    assertThat(topics).containsSubsequence(
        "taobao_trade_TradePartlySellerShip",
        "taobao_refund_RefundCreated",
        "taobao_refund_RefundSuccess",
        "taobao_trade_TradeMemoModified");
    assertThat(topics).contains("taobao_trade_TradePartlyRefund");
  }

  @Test
  void unconfirmedAndFailedMessagesComeAgainOverHttp() {
    sandbox.tmcSettings(TmcSettings.defaults().withRedeliveryTimeout(Duration.ofMillis(300)));
    permit();
    sandbox.burst(1);
    List<JsonNode> first = consume(10);
    assertThat(first).hasSize(2);
    assertThat(consume(10)).as("in flight, not yet due").isEmpty();
    List<JsonNode> again = new ArrayList<>();
    await().atMost(Duration.ofSeconds(5)).until(() -> again.addAll(consume(10)));
    assertThat(again).extracting(m -> m.path("id").asLong())
        .containsExactlyElementsOf(first.stream().map(m -> m.path("id").asLong()).toList());
    confirm(again);
    assertThat(sandbox.tmcCounters()).containsEntry("confirmed", 2L).containsEntry("inFlight", 0L);
  }

  @Test
  void duplicatesAndReorderingAreInjected() {
    sandbox.tmcSettings(TmcSettings.defaults().withDuplicateRate(0.5).withReorderWindow(8));
    permit();
    sandbox.burst(50);
    List<JsonNode> messages = new ArrayList<>();
    List<JsonNode> page;
    while (!(page = consume(200)).isEmpty()) {
      messages.addAll(page);
      confirm(page);
    }
    assertThat(sandbox.tmcCounters().get("duplicated")).isPositive();
    Set<String> contents = new HashSet<>();
    messages.forEach(m -> contents.add(m.path("topic").asString() + m.path("content").asString()));
    assertThat(contents).hasSize(100);
    assertThat(messages).hasSize(100 + sandbox.tmcCounters().get("duplicated").intValue());
    List<Long> ids = messages.stream().map(m -> m.path("id").asLong()).toList();
    assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
  }

  @Test
  void webSocketChecksTheSignPushesAndRedeliversFailures() throws Exception {
    sandbox.tmcSettings(TmcSettings.defaults().withRedeliveryTimeout(Duration.ofMillis(300)));
    permit();
    SandboxCredentials c = sandbox.credentials();
    long now = sandbox.clock().millis();
    try (TopLinkTestClient bad =
        TopLinkTestClient.connect(sandbox.tmcUrl(), c.appKey(), "wrong-secret", "default", now)) {
      TopLinkTestClient.Received ack = bad.next();
      assertThat(ack.type()).isEqualTo(1);
      assertThat(ack.status()).isEqualTo(401);
      assertThat(ack.phrase()).contains("sign");
    }
    try (TopLinkTestClient stale =
        TopLinkTestClient.connect(sandbox.tmcUrl(), c.appKey(), c.appSecret(), "default", now - 3_600_000)) {
      assertThat(stale.next().status()).isEqualTo(401);
    }
    try (TopLinkTestClient tmc =
        TopLinkTestClient.connect(sandbox.tmcUrl(), c.appKey(), c.appSecret(), "default", now)) {
      TopLinkTestClient.Received ack = tmc.next();
      assertThat(ack.type()).isEqualTo(1);
      assertThat(ack.status()).isZero();
      assertThat(ack.token()).isNotBlank();

      sandbox.burst(1);
      TopLinkTestClient.Received create = tmc.next();
      assertThat(create.type()).isEqualTo(2);
      assertThat(((Number) create.headers().get("__kind")).intValue()).isEqualTo(3);
      assertThat(create.headers().get("topic")).isEqualTo("taobao_trade_TradeCreate");
      assertThat(create.headers()).containsKeys("id", "content", "time", "publisher", "nick", "userid");
      TopLinkTestClient.Received pay = tmc.next();
      long createId = (Long) create.headers().get("id");
      long payId = (Long) pay.headers().get("id");
      tmc.confirm(createId);
      tmc.fail(payId);
      TopLinkTestClient.Received again = tmc.next();
      assertThat(again.headers().get("id")).isEqualTo(payId);
      tmc.confirm(payId);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> sandbox.tmcCounters().get("confirmed") == 2L);
      assertThat(sandbox.tmcCounters()).containsEntry("failed", 1L).containsEntry("inFlight", 0L);
    }
  }

  @Test
  void lostDeliveriesArriveAfterTheTimeout() throws Exception {
    sandbox.tmcSettings(
        TmcSettings.defaults().withRedeliveryTimeout(Duration.ofMillis(200)).withDropRate(0.5));
    permit();
    SandboxCredentials c = sandbox.credentials();
    try (TopLinkTestClient tmc =
        TopLinkTestClient.connect(sandbox.tmcUrl(), c.appKey(), c.appSecret(), "default", sandbox.clock().millis())) {
      tmc.next();
      sandbox.burst(10);
      Set<Long> seen = new HashSet<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        TopLinkTestClient.Received message = tmc.poll(100);
        if (message != null) {
          long id = (Long) message.headers().get("id");
          seen.add(id);
          tmc.confirm(id);
        }
        return seen.size() == 20;
      });
      assertThat(sandbox.tmcCounters().get("dropped")).isPositive();
    }
  }
}
