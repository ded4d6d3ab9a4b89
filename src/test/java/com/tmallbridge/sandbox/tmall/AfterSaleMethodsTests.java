package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AfterSaleMethodsTests {
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    sandbox.burst(60);
    client = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private SandboxTrade paidTrade(int minLines) {
    return sandbox.trades().stream()
        .filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS") && t.lines().size() >= minLines)
        .findFirst()
        .orElseThrow();
  }

  private JsonNode send(long tid, String company, String outSid, List<Long> oids) {
    Map<String, String> params = new HashMap<>();
    params.put("tid", Long.toString(tid));
    params.put("company_code", company);
    params.put("out_sid", outSid);
    if (!oids.isEmpty()) {
      params.put("is_split", "1");
      params.put("sub_tid", String.join(",", oids.stream().map(String::valueOf).toList()));
    }
    return client.call("taobao.logistics.offline.send", params);
  }

  private static String subCode(JsonNode body) {
    return body.path("error_response").path("sub_code").asString();
  }

  private JsonNode trade(long tid) {
    return client
        .call(
            "taobao.trade.fullinfo.get",
            Map.of(
                "tid", Long.toString(tid),
                "fields", "tid,status,modified,is_part_consign,orders"))
        .path("trade_fullinfo_get_response")
        .path("trade");
  }

  @Test
  void companiesCarryCodesAndPatternsAndFilterRecommended() {
    JsonNode all =
        client.call("taobao.logistics.companies.get", Map.of("fields", "id,code,name,reg_mail_no"));
    JsonNode list = all.path("logistics_companies_get_response").path("logistics_companies").path("logistics_company");
    assertThat(list.size()).isEqualTo(LogisticsCompany.ALL.size());
    assertThat(list.get(0).path("code").asString()).isEqualTo("SF");
    assertThat(list.get(0).path("reg_mail_no").asString()).isNotBlank();

    JsonNode online =
        client.call(
            "taobao.logistics.companies.get",
            Map.of("fields", "code", "is_recommended", "true", "order_mode", "online"));
    JsonNode recommended = online.path("logistics_companies_get_response").path("logistics_companies").path("logistics_company");
    assertThat(recommended.size()).isBetween(1, list.size() - 1);
    assertThat(recommended.get(0).has("name")).isFalse();
    assertThat(
            subCode(
                client.call(
                    "taobao.logistics.companies.get",
                    Map.of("fields", "code", "order_mode", "x"))))
        .isEqualTo("isv.invalid-parameter:order_mode");
  }

  @Test
  void offlineSendValidatesCompanyTrackingNumberAndState() {
    SandboxTrade trade = paidTrade(1);
    assertThat(subCode(send(trade.tid(), "NOPE", "SF123456789012", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:B56");
    assertThat(subCode(send(trade.tid(), "SF", "12-34", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:B60");
    assertThat(subCode(send(1L, "SF", "SF123456789012", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:B01");
    Map<String, String> half = new HashMap<>(Map.of("tid", "1", "company_code", "SF", "out_sid", "SF1", "is_split", "1"));
    assertThat(subCode(client.call("taobao.logistics.offline.send", half)))
        .isEqualTo("isv.logistics-offline-service-error:CD25");
    assertThat(client.call("taobao.logistics.offline.send", Map.of("tid", "1", "company_code", "SF"))
            .path("error_response").path("code").asInt())
        .isEqualTo(40);

    JsonNode ok = send(trade.tid(), "SF", "SF123456789012", List.of());
    assertThat(ok.path("logistics_offline_send_response").path("shipping").path("is_success").asBoolean()).isTrue();
    assertThat(sandbox.trade(trade.tid()).orElseThrow().status()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(sandbox.parcels(trade.tid())).singleElement()
        .matches(p -> p.outSid().equals("SF123456789012") && p.oids().size() == trade.lines().size());
    assertThat(subCode(send(trade.tid(), "SF", "SF123456789013", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:B04");
    SandboxTrade other = paidTrade(1);
    assertThat(subCode(send(other.tid(), "SF", "SF123456789012", List.of())))
        .as("a tracking number used by another trade")
        .isEqualTo("isv.logistics-offline-service-error:B60");
  }

  @Test
  void splitShippingGoesThroughConsignedPart() {
    SandboxTrade trade = paidTrade(2);
    long first = trade.lines().get(0).oid();
    send(trade.tid(), "ZTO", "78" + "123456789012", List.of(first));

    JsonNode partly = trade(trade.tid());
    assertThat(partly.path("status").asString()).isEqualTo("SELLER_CONSIGNED_PART");
    assertThat(partly.path("orders").path("order").get(0).path("status").asString()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(partly.path("orders").path("order").get(0).path("invoice_no").asString()).isEqualTo("78123456789012");
    assertThat(partly.path("orders").path("order").get(1).path("status").asString()).isEqualTo("WAIT_SELLER_SEND_GOODS");
    assertThat(subCode(send(trade.tid(), "ZTO", "78123456789099", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:CD22");
    assertThat(subCode(send(trade.tid(), "ZTO", "78123456789099", List.of(first))))
        .isEqualTo("isv.logistics-offline-service-error:B04");
    assertThat(subCode(send(trade.tid(), "ZTO", "78123456789099", List.of(42L))))
        .isEqualTo("isv.logistics-offline-service-error:P38");

    List<Long> rest = trade.lines().stream().skip(1).map(SandboxTradeLine::oid).toList();
    send(trade.tid(), "YTO", "YT123456789012", rest);
    JsonNode shipped = trade(trade.tid());
    assertThat(shipped.path("status").asString()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(shipped.path("is_part_consign").asBoolean()).isTrue();
    assertThat(sandbox.parcels(trade.tid())).hasSize(2);
  }

  @Test
  void refundBeforeShippingClosesTheSubOrderAndBlocksItsShipping() {
    SandboxTrade trade = paidTrade(2);
    SandboxTradeLine line = trade.lines().get(0);
    assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, null, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, line.divideOrderFeeFen() + 1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    SandboxRefund refund = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, null, "不想要了");
    assertThat(refund.status()).isEqualTo("WAIT_SELLER_AGREE");
    assertThat(refund.refundPhase()).isEqualTo("onsale");
    assertThat(refund.refundFeeFen()).isEqualTo(line.divideOrderFeeFen());

    SandboxRefund done = sandbox.agreeRefund(refund.refundId());
    assertThat(done.status()).isEqualTo("SUCCESS");
    JsonNode after = trade(trade.tid());
    assertThat(after.path("status").asString()).isEqualTo("WAIT_SELLER_SEND_GOODS");
    JsonNode order = after.path("orders").path("order").get(0);
    assertThat(order.path("status").asString()).isEqualTo("TRADE_CLOSED");
    assertThat(order.path("refund_status").asString()).isEqualTo("SUCCESS");
    assertThat(order.path("refund_id").asString()).isEqualTo(Long.toString(refund.refundId()));
    assertThat(subCode(send(trade.tid(), "SF", "SF123456789012", List.of(line.oid()))))
        .isEqualTo("isv.logistics-offline-service-error:P38");

    for (SandboxTradeLine other : trade.lines().subList(1, trade.lines().size())) {
      sandbox.agreeRefund(sandbox.openRefund(trade.tid(), other.oid(), RefundKind.REFUND_ONLY, null, "x").refundId());
    }
    assertThat(sandbox.trade(trade.tid()).orElseThrow().status()).isEqualTo("TRADE_CLOSED");
    assertThat(subCode(send(trade.tid(), "SF", "SF123456789012", List.of())))
        .isEqualTo("isv.logistics-offline-service-error:B04");
  }

  @Test
  void returnAfterShippingWalksTheLifecycleAndShowsInReceiveGet() {
    SandboxTrade trade = paidTrade(1);
    send(trade.tid(), "SF", "SF123456789012", List.of());
    SandboxTradeLine line = trade.lines().get(0);
    long half = line.divideOrderFeeFen() / 2;
    SandboxRefund refund = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, half, "尺码不合适");
    assertThat(refund.refundPhase()).isEqualTo("aftersale");
    assertThat(sandbox.agreeRefund(refund.refundId()).status()).isEqualTo("WAIT_BUYER_RETURN_GOODS");
    assertThat(sandbox.returnGoods(refund.refundId(), "顺丰速运", "SF999").status())
        .isEqualTo("WAIT_SELLER_CONFIRM_GOODS");
    assertThatThrownBy(() -> sandbox.agreeRefund(refund.refundId())).isInstanceOf(IllegalStateException.class);
    assertThat(sandbox.confirmReturn(refund.refundId()).status()).isEqualTo("SUCCESS");
    assertThat(sandbox.trade(trade.tid()).orElseThrow().status())
        .as("a partial refund leaves the trade open")
        .isEqualTo("WAIT_BUYER_CONFIRM_GOODS");

    JsonNode got =
        client.call(
            "taobao.refund.get",
            Map.of("refund_id", Long.toString(refund.refundId()), "fields",
                "refund_id,tid,oid,status,refund_fee,total_fee,payment,has_good_return,refund_phase,dispute_type,sid,good_status"));
    JsonNode r = got.path("refund_get_response").path("refund");
    assertThat(r.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(r.path("dispute_type").asString()).isEqualTo("REFUND_AND_RETURN");
    assertThat(r.path("has_good_return").asBoolean()).isTrue();
    assertThat(r.path("sid").asString()).isEqualTo("SF999");
    assertThat(r.path("good_status").asString()).isEqualTo("BUYER_RETURNED_GOODS");
    assertThat(new java.math.BigDecimal(r.path("payment").asString()))
        .isEqualByComparingTo(new java.math.BigDecimal(r.path("total_fee").asString())
            .subtract(new java.math.BigDecimal(r.path("refund_fee").asString())));
    assertThat(subCode(client.call("taobao.refund.get", Map.of("refund_id", "1", "fields", "status"))))
        .isEqualTo("isv.refund-not-exist");

    JsonNode list =
        client.call("taobao.refunds.receive.get", Map.of("fields", "refund_id,status", "status", "SUCCESS", "type", "fixed,step,tmall_i18n"));
    assertThat(list.path("refunds_receive_get_response").path("total_results").asInt()).isEqualTo(1);
    assertThat(
            subCode(
                client.call(
                    "taobao.refunds.receive.get",
                    Map.of("fields", "refund_id", "page_size", "101"))))
        .isEqualTo("isv.invalid-parameter:page_size");
  }

  @Test
  void exchangesAndRefusalsDoNotMoveMoney() {
    SandboxTrade trade = paidTrade(1);
    send(trade.tid(), "SF", "SF123456789012", List.of());
    long oid = trade.lines().get(0).oid();
    SandboxRefund refused = sandbox.openRefund(trade.tid(), oid, RefundKind.REFUND_ONLY, null, "x");
    assertThat(sandbox.refuseRefund(refused.refundId()).status()).isEqualTo("SELLER_REFUSE_BUYER");
    assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), oid, RefundKind.EXCHANGE, null, "x"))
        .as("the refused case is still open")
        .isInstanceOf(IllegalStateException.class);
    assertThat(sandbox.closeRefund(refused.refundId()).status()).isEqualTo("CLOSED");
    SandboxRefund exchange = sandbox.openRefund(trade.tid(), oid, RefundKind.EXCHANGE, null, "尺码不合适");
    assertThat(exchange.refundFeeFen()).isZero();
    assertThat(exchange.refundId()).isNotEqualTo(refused.refundId());
    sandbox.agreeRefund(exchange.refundId());
    sandbox.returnGoods(exchange.refundId(), "顺丰速运", "SF1");
    sandbox.confirmReturn(exchange.refundId());
    assertThat(sandbox.trade(trade.tid()).orElseThrow().status()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(sandbox.refunds()).extracting(SandboxRefund::status).contains("CLOSED", "SUCCESS");
  }

  /**
   * Tmall takes no new case on a sub-order refunded in full or whose goods came back with a return,
   * also once the buyer confirmed receipt (the sub-order then stays TRADE_FINISHED instead of
   * closing): the buyer has nothing left to return or exchange. The demo's buyers once exchanged
   * goods they had returned, which no ERP can book (issue #12).
   */
  @Test
  void aSubOrderWhoseGoodsCameBackTakesNoExchangeAfterTheBuyerConfirmed() {
    SandboxTrade trade = paidTrade(1);
    send(trade.tid(), "SF", "SF123456789012", List.of());
    sandbox.confirmReceipt(trade.tid());
    SandboxTradeLine line = trade.lines().get(0);
    SandboxRefund returned = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, null, "质量问题");
    sandbox.agreeRefund(returned.refundId());
    sandbox.returnGoods(returned.refundId(), "顺丰速运", "SF1");
    assertThat(sandbox.confirmReturn(returned.refundId()).status()).isEqualTo("SUCCESS");
    assertThat(sandbox.trade(trade.tid()).orElseThrow().status()).isEqualTo("TRADE_FINISHED");

    for (RefundKind kind : RefundKind.values()) {
      assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), line.oid(), kind, kind == RefundKind.EXCHANGE ? null : 1L, "x"))
          .as(kind + " after the whole sub-order came back").isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aPartialReturnLeavesMoneyToRefundButNoGoodsToReturnOrExchange() {
    SandboxTrade trade = paidTrade(1);
    send(trade.tid(), "SF", "SF123456789012", List.of());
    sandbox.confirmReceipt(trade.tid());
    SandboxTradeLine line = trade.lines().get(0);
    SandboxRefund returned = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, line.divideOrderFeeFen() / 2, "质量问题");
    sandbox.agreeRefund(returned.refundId());
    sandbox.returnGoods(returned.refundId(), "顺丰速运", "SF1");
    sandbox.confirmReturn(returned.refundId());

    assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), line.oid(), RefundKind.EXCHANGE, null, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, 1L, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sandbox.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, 1L, "x").status())
        .as("money may still be asked for").isEqualTo("WAIT_SELLER_AGREE");
  }

  @Test
  void aPartialRefundWithoutReturnLeavesTheGoodsToExchange() {
    SandboxTrade trade = paidTrade(1);
    send(trade.tid(), "SF", "SF123456789012", List.of());
    sandbox.confirmReceipt(trade.tid());
    long oid = trade.lines().get(0).oid();
    SandboxRefund part = sandbox.openRefund(trade.tid(), oid, RefundKind.REFUND_ONLY, 1L, "x");
    assertThat(sandbox.agreeRefund(part.refundId()).status()).isEqualTo("SUCCESS");
    assertThat(sandbox.openRefund(trade.tid(), oid, RefundKind.EXCHANGE, null, "尺码不合适").status()).isEqualTo("WAIT_SELLER_AGREE");
  }

  @Test
  void theGroundTruthKeepsWhenARequestStoppedWaitingForTheSeller() {
    com.tmallbridge.testsupport.MutableClock clock = new com.tmallbridge.testsupport.MutableClock(java.time.Instant.parse("2026-11-11T02:00:00Z"));
    try (TmallSandbox timed = TmallSandbox.start(SandboxConfig.defaults().withSeed(11).withClock(clock))) {
      timed.burst(20);
      List<SandboxTrade> paid = timed.trades().stream().filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS")).limit(2).toList();
      SandboxRefund refused = timed.openRefund(paid.get(0).tid(), paid.get(0).lines().get(0).oid(), RefundKind.REFUND_ONLY, null, "x");
      SandboxRefund waiting = timed.openRefund(paid.get(1).tid(), paid.get(1).lines().get(0).oid(), RefundKind.REFUND_ONLY, null, "x");
      clock.advance(java.time.Duration.ofMinutes(5));
      java.time.Instant refusedAt = timed.refuseRefund(refused.refundId()).modified();
      clock.advance(java.time.Duration.ofMinutes(5));
      SandboxRefund closed = timed.closeRefund(refused.refundId());

      assertThat(refused.waitEnded()).isNull();
      assertThat(closed.waitEnded()).as("the seller's refusal, not the later close").isEqualTo(refusedAt);
      assertThat(closed.modified()).isAfter(refusedAt);
      assertThat(timed.refund(waiting.refundId()).orElseThrow().waitEnded()).isNull();
    }
  }

  @Test
  void receiveGetFiltersByStatusWindowAndTypeAndPages() {
    List<SandboxTrade> trades =
        sandbox.trades().stream()
            .filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS") && t.type().equals("fixed"))
            .limit(3)
            .toList();
    for (SandboxTrade trade : trades) {
      sandbox.openRefund(trade.tid(), trade.lines().get(0).oid(), RefundKind.REFUND_ONLY, null, "x");
    }
    sandbox.agreeRefund(sandbox.refunds().get(0).refundId());
    Map<String, String> params = new HashMap<>(Map.of("fields", "refund_id,status,modified"));
    JsonNode all = client.call("taobao.refunds.receive.get", params).path("refunds_receive_get_response");
    assertThat(all.path("total_results").asInt()).isEqualTo(3);

    params.put("status", "WAIT_SELLER_AGREE");
    assertThat(client.call("taobao.refunds.receive.get", params)
            .path("refunds_receive_get_response").path("total_results").asInt())
        .isEqualTo(2);
    params.remove("status");
    params.put("page_size", "2");
    params.put("use_has_next", "true");
    JsonNode first = client.call("taobao.refunds.receive.get", params).path("refunds_receive_get_response");
    assertThat(first.path("has_next").asBoolean()).isTrue();
    assertThat(first.has("total_results")).isFalse();
    assertThat(first.path("refunds").path("refund").size()).isEqualTo(2);
    params.put("page_no", "2");
    JsonNode second = client.call("taobao.refunds.receive.get", params).path("refunds_receive_get_response");
    assertThat(second.path("has_next").asBoolean()).isFalse();
    assertThat(second.path("refunds").path("refund").size()).isEqualTo(1);

    java.time.Instant now = sandbox.clock().instant();
    Map<String, String> window = new HashMap<>(Map.of("fields", "refund_id",
        "start_modified", TopTestClient.timestamp(now.minusSeconds(3_600)),
        "end_modified", TopTestClient.timestamp(now.minusSeconds(1_800))));
    assertThat(client.call("taobao.refunds.receive.get", window)
            .path("refunds_receive_get_response").path("total_results").asInt())
        .isZero();
    window.put("end_modified", TopTestClient.timestamp(now.minusSeconds(7_200)));
    assertThat(client.call("taobao.refunds.receive.get", window).path("error_response").path("code").asInt())
        .isEqualTo(15);
    assertThat(subCode(client.call("taobao.refunds.receive.get", Map.of("fields", "refund_id", "status", "DONE"))))
        .isEqualTo("isv.invalid-parameter:status");
    assertThat(client.call("taobao.refunds.receive.get", Map.of("fields", "refund_id", "type", "step"))
            .path("refunds_receive_get_response").path("total_results").asInt())
        .isZero();
  }

  @Test
  void historyHasRefundsThatCloseTradesAndAddressChanges() {
    try (TmallSandbox history = TmallSandbox.start(SandboxConfig.defaults().withSeed(5))) {
      java.time.Instant now = history.clock().instant();
      history.generateHistory(3_000, now.minus(java.time.Duration.ofDays(20)), now);
      List<SandboxRefund> refunds = history.refunds();
      assertThat(refunds).extracting(SandboxRefund::kind).contains(RefundKind.REFUND_ONLY, RefundKind.RETURN, RefundKind.EXCHANGE);
      assertThat(refunds).extracting(SandboxRefund::refundPhase).contains("onsale", "aftersale");
      for (SandboxTrade trade : history.trades()) {
        if (trade.status().equals("TRADE_CLOSED")) {
          assertThat(trade.lines()).allMatch(l -> l.refundStatus().equals("SUCCESS"));
        }
      }
      assertThat(refunds).allMatch(r -> r.refundFeeFen() <= r.totalFeeFen());
    }
  }
}
