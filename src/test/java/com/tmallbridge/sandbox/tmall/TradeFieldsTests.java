package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TradeFieldsTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String FULLINFO = "taobao.trade.fullinfo.get";

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withSeed(3).withClock(new MutableClock(NOW)));
    sandbox.generateHistory(400, NOW.minus(Duration.ofHours(20)), NOW);
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode increment(String fields) {
    return client
        .call(
            "taobao.trades.sold.increment.get",
            Map.of(
                "fields",
                fields,
                "start_modified",
                TopTestClient.timestamp(NOW.minus(Duration.ofHours(20))),
                "end_modified",
                TopTestClient.timestamp(NOW),
                "page_size",
                "100"))
        .path("trades_sold_increment_get_response")
        .path("trades")
        .path("trade");
  }

  private static JsonNode fullinfo(long tid, String fields) {
    JsonNode body = client.call(FULLINFO, Map.of("fields", fields, "tid", Long.toString(tid)));
    return body.path("trade_fullinfo_get_response").path("trade");
  }

  private static Set<String> names(JsonNode node) {
    return new HashSet<>(node.propertyNames());
  }

  @Test
  void listEntriesCarryExactlyTheRequestedFields() {
    JsonNode trades = increment("tid,status,payment,no_such_field");

    assertThat(trades.size()).isEqualTo(100);
    trades.forEach(
        trade -> assertThat(names(trade)).containsExactlyInAnyOrder("tid", "status", "payment"));
  }

  @Test
  void ordersComeOnlyWhenRequestedWholeOrFieldByField() {
    increment("tid,status").forEach(trade -> assertThat(trade.has("orders")).isFalse());
    increment("tid,orders")
        .forEach(
            trade ->
                assertThat(trade.path("orders").path("order").get(0).has("divide_order_fee"))
                    .isTrue());
    increment("tid,orders.oid,orders.num")
        .forEach(
            trade ->
                trade
                    .path("orders")
                    .path("order")
                    .forEach(
                        order -> assertThat(names(order)).containsExactlyInAnyOrder("oid", "num")));
  }

  @Test
  void fullinfoShowsMoneyDatesAndLinesAsTheGroundTruthHasThem() {
    SandboxTrade truth =
        sandbox.trades().stream().filter(t -> t.lines().size() > 1).findFirst().orElseThrow();

    JsonNode trade =
        fullinfo(truth.tid(), "tid,status,created,modified,pay_time,payment,post_fee,orders");

    assertThat(trade.path("tid").isNumber()).isTrue();
    assertThat(trade.path("tid").asLong()).isEqualTo(truth.tid());
    assertThat(trade.path("status").asString()).isEqualTo(truth.status());
    assertThat(trade.path("payment").asString()).isEqualTo(Money.formatYuan(truth.paymentFen()));
    assertThat(trade.path("post_fee").asString()).matches("\\d+\\.\\d{2}");
    assertThat(trade.path("created").asString()).isEqualTo(TopTime.format(truth.created()));
    assertThat(trade.path("modified").asString())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    JsonNode orders = trade.path("orders").path("order");
    assertThat(orders.size()).isEqualTo(truth.lines().size());
    for (int i = 0; i < orders.size(); i++) {
      SandboxTradeLine line = truth.lines().get(i);
      assertThat(orders.get(i).path("oid").asLong()).isEqualTo(line.oid());
      assertThat(orders.get(i).path("divide_order_fee").asString())
          .isEqualTo(Money.formatYuan(line.divideOrderFeeFen()));
    }
  }

  @Test
  void timesAreGmtPlusEightWallTime() {
    SandboxTrade truth = sandbox.trades().get(0);

    String created = fullinfo(truth.tid(), "created").path("created").asString();

    assertThat(TopTime.parse(created)).isEqualTo(truth.created());
    assertThat(created)
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(truth.created().atOffset(java.time.ZoneOffset.ofHours(8))));
  }

  @Test
  void neverPaidTradesHaveNoPayTime() {
    SandboxTrade unpaid =
        sandbox.trades().stream().filter(t -> !t.everPaid()).findFirst().orElseThrow();

    JsonNode trade = fullinfo(unpaid.tid(), "tid,pay_time,alipay_no,status");

    assertThat(trade.has("pay_time")).isFalse();
    assertThat(trade.has("alipay_no")).isFalse();
  }

  @Test
  void receiverAndBuyerAreMaskedAsTopMasksThem() {
    String fields =
        "buyer_nick,buyer_open_uid,oaid,receiver_name,receiver_mobile,receiver_address,"
            + "receiver_state,receiver_city,receiver_district,receiver_zip";
    increment(fields)
        .forEach(
            trade -> {
              assertThat(trade.path("receiver_name").asString()).matches(".{1,2}\\*\\*");
              assertThat(trade.path("receiver_mobile").asString()).matches("1\\d{2}\\*{4}\\d{4}");
              assertThat(trade.path("receiver_address").asString())
                  .contains("*")
                  .doesNotContainPattern("\\d");
              assertThat(trade.path("buyer_nick").asString()).contains("**");
              assertThat(trade.path("receiver_zip").asString()).matches("\\d{6}");
              assertThat(trade.path("oaid").asString()).hasSizeGreaterThan(20);
            });
  }

  @Test
  void anUnknownTidAnswersTradeNotExist() {
    JsonNode body = client.call(FULLINFO, Map.of("fields", "tid", "tid", "1"));

    assertThat(body.path("error_response").path("code").asInt()).isEqualTo(15);
    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.trade-not-exist");
  }

  @Test
  void aNonNumericTidIsAnInvalidArgument() {
    JsonNode body = client.call(FULLINFO, Map.of("fields", "tid", "tid", "abc"));

    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:tid");
  }

  @Test
  void writesIdsAsStringsWhenConfigured() {
    try (TmallSandbox strings =
        TmallSandbox.start(
            SandboxConfig.defaults().withIdsAsStrings(true).withClock(new MutableClock(NOW)))) {
      strings.generateHistory(5, NOW.minus(Duration.ofHours(1)), NOW);
      SandboxTrade truth = strings.trades().get(0);
      JsonNode trade =
          new TopTestClient(strings)
              .call(FULLINFO, Map.of("fields", "tid,orders", "tid", Long.toString(truth.tid())))
              .path("trade_fullinfo_get_response")
              .path("trade");

      assertThat(trade.path("tid").isString()).isTrue();
      assertThat(trade.path("tid").asString()).isEqualTo(Long.toString(truth.tid()));
      JsonNode order = trade.path("orders").path("order").get(0);
      assertThat(order.path("oid").isString()).isTrue();
      assertThat(order.path("num_iid").isString()).isTrue();
    }
  }
}
