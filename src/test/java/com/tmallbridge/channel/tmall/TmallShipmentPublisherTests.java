package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ShipResult;
import com.tmallbridge.channel.ShipResult.Outcome;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmallShipmentPublisherTests {
  private static final String SHIPPED = "{\"logistics_offline_send_response\":{\"shipping\":{\"is_success\":true}}}";

  private TopStubServer server;
  private ShopCredentials shop;
  private TmallShipmentPublisher publisher;

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(3, "md5");
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(Instant.parse("2024-11-11T02:00:00Z"), ZoneOffset.UTC);
    publisher = new TmallShipmentPublisher(new TopClient(properties, clock), properties);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String error(String subCode, String subMsg) {
    return "{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"" + subCode
        + "\",\"sub_msg\":\"" + subMsg + "\"}}";
  }

  /** A trade.fullinfo.get answer: trade 100 with sub-orders 1001 and 1002 in the given states. */
  static String trade(String status, String line1, String line2) {
    return """
        {"trade_fullinfo_get_response":{"trade":{"tid":100,"status":"%s","created":"2024-11-11 00:00:00",
         "modified":"2024-11-11 09:00:00","payment":"20.00","orders":{"order":[
         {"oid":1001,"num_iid":7,"title":"a","num":1,"price":"10.00","total_fee":"10.00","payment":"10.00","status":"%s"},
         {"oid":1002,"num_iid":8,"title":"b","num":1,"price":"10.00","total_fee":"10.00","payment":"10.00","status":"%s"}]}}}}"""
        .formatted(status, line1, line2);
  }

  @Test
  void shipsAWholeTradeWithSignedTidTrackingNumberAndCarrier() {
    server.reply(Reply.json(SHIPPED));

    ShipResult result = publisher.ship(shop, "100", "SF", " SF1234567890 ", null);

    assertThat(result.outcome()).isEqualTo(Outcome.SHIPPED);
    assertThat(result.subOids()).isNull();
    Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("taobao.logistics.offline.send");
    assertThat(request.form())
        .containsEntry("tid", "100")
        .containsEntry("out_sid", "SF1234567890")
        .containsEntry("company_code", "SF")
        .doesNotContainKeys("is_split", "sub_tid");
    TreeMap<String, String> signed = new TreeMap<>(request.query());
    signed.putAll(request.form());
    String sign = signed.remove("sign");
    assertThat(sign).isEqualTo(TopSigner.sign(signed, TopStubServer.SECRET, "md5"));
  }

  @Test
  void shipsASplitParcelWithIsSplitAndTheSubOrders() {
    server.reply(Reply.json(SHIPPED));

    ShipResult result = publisher.ship(shop, "100", "ZTO", "7300001", List.of("1001", "1002"));

    assertThat(result.outcome()).isEqualTo(Outcome.SHIPPED);
    assertThat(result.subOids()).containsExactly("1001", "1002");
    assertThat(server.received().get(0).form()).containsEntry("is_split", "1").containsEntry("sub_tid", "1001,1002");
  }

  @Test
  void countsAnAlreadyShippedAnswerAsSuccessOnceTheTradeConfirmsIt() {
    server.reply(
        Reply.json(error("isv.logistics-offline-service-error:B04", "订单状态不对该物流订单已经发货或者已关闭，不能重复发货")),
        Reply.json(trade("WAIT_BUYER_CONFIRM_GOODS", "WAIT_BUYER_CONFIRM_GOODS", "WAIT_BUYER_CONFIRM_GOODS")));

    ShipResult result = publisher.ship(shop, "100", "SF", "SF1234567890", null);

    assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_SHIPPED);
    assertThat(result.detail()).contains("B04");
    assertThat(server.received()).extracting(Received::method)
        .containsExactly("taobao.logistics.offline.send", "taobao.trade.fullinfo.get");
  }

  @Test
  void countsAnAlreadyShippedSplitParcelAsSuccessWhenItsSubOrdersAreShipped() {
    server.reply(
        Reply.json(error("isv.logistics-offline-service-error:ALREADY_SHIPPED", "sub-orders already shipped")),
        Reply.json(trade("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "WAIT_SELLER_SEND_GOODS")));

    assertThat(publisher.ship(shop, "100", "SF", "SF1", List.of("1001")).outcome()).isEqualTo(Outcome.ALREADY_SHIPPED);
  }

  @Test
  void refusesASplitParcelWhoseSubOrdersAreNotAllShipped() {
    server.reply(
        Reply.json(error("isv.logistics-offline-service-error:P38", "拆单校验未通过")),
        Reply.json(trade("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "WAIT_SELLER_SEND_GOODS")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "SF1", List.of("1001", "1002")))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TRADE_STATE_FORBIDS_SHIPPING);
          assertThat(e.getMessage()).contains("SELLER_CONSIGNED_PART", "1002=WAIT_SELLER_SEND_GOODS", "P38");
        });
  }

  @Test
  void reportsAClosedTradeAsAStateTheOperatorMustCheck() {
    server.reply(
        Reply.json(error("isv.logistics-offline-service-error:B04", "订单状态不对该物流订单已经发货或者已关闭，不能重复发货")),
        Reply.json(trade("TRADE_CLOSED", "TRADE_CLOSED", "TRADE_CLOSED")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "SF1", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TRADE_STATE_FORBIDS_SHIPPING);
          assertThat(e.getMessage()).startsWith("TMALL-042").contains("the trade is TRADE_CLOSED");
        });
  }

  @Test
  void reportsABadTrackingNumberOnceWithItsOwnCode() {
    server.reply(Reply.json(error("isv.logistics-offline-service-error:B60", "运单号不符合规则")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "123", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.INVALID_TRACKING_NUMBER);
          assertThat(e.getMessage()).contains("trade 100", "B60");
        });
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void reportsAnEnglishWordedBadTrackingNumberToo() {
    server.reply(Reply.json(error("isv.invalid-parameter:out_sid", "tracking number does not match the carrier")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "123", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.errorCode()).isEqualTo(TmallErrorCode.INVALID_TRACKING_NUMBER));
  }

  @Test
  void reportsAnUnknownCarrierWithItsOwnCode() {
    server.reply(Reply.json(error("isv.invalid-parameter:company_code", "company code XX does not exist")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "XX", "123", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.INVALID_CARRIER);
        });
  }

  @Test
  void reportsAnUnknownTrade() {
    server.reply(Reply.json(error("isv.logistics-offline-service-error:B01", "订单不存在")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "SF1", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TRADE_NOT_FOUND));
  }

  @Test
  void retriesTheTryLaterAnswerAndThenShips() {
    server.reply(
        Reply.json(error("isv.logistics-offline-service-error:B150", "发货异常，请稍等后重试")), Reply.json(SHIPPED));

    assertThat(publisher.ship(shop, "100", "SF", "SF1", null).outcome()).isEqualTo(Outcome.SHIPPED);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void refusesABlankTrackingNumberWithoutCallingTmall() {
    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "  ", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.errorCode()).isEqualTo(TmallErrorCode.INVALID_TRACKING_NUMBER));
    assertThat(server.received()).isEmpty();
  }

  @Test
  void rejectsMalformedArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> publisher.ship(shop, " ", "SF", "1", null));
    assertThatIllegalArgumentException().isThrownBy(() -> publisher.ship(shop, "100", "", "1", null));
    assertThatIllegalArgumentException().isThrownBy(() -> publisher.ship(shop, "100", "SF", "1", List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> publisher.ship(shop, "100", "SF", "1", List.of("1", " ")));
    assertThatIllegalArgumentException().isThrownBy(
        () -> publisher.ship(shop, "100", "SF", "1", java.util.Collections.nCopies(51, "1")));
  }

  @Test
  void treatsAnUnconfirmedShipmentAsRetryableUnlessTheTradeIsShipped() {
    String notConfirmed = "{\"logistics_offline_send_response\":{\"shipping\":{\"is_success\":false}}}";
    server.reply(Reply.json(notConfirmed), Reply.json(trade("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS")));

    assertThatThrownBy(() -> publisher.ship(shop, "100", "SF", "SF1", null))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.SHIPMENT_NOT_CONFIRMED);
        });
  }

  @Test
  void listsCarriersWithTheirTrackingNumberPatterns() {
    server.reply(Reply.json("""
        {"logistics_companies_get_response":{"logistics_companies":{"logistics_company":[
          {"id":505,"code":"SF","name":"顺丰速运","reg_mail_no":"^[A-Za-z0-9]{12}$"},
          {"id":"1","code":"OTHER","name":"其他"}]}}}"""));

    List<CarrierCompany> companies = publisher.companies(shop);

    assertThat(server.received().get(0).form()).containsEntry("fields", "id,code,name,reg_mail_no");
    assertThat(companies).containsExactly(
        new CarrierCompany("SF", "顺丰速运", "^[A-Za-z0-9]{12}$", 505L), new CarrierCompany("OTHER", "其他", null, 1L));
    assertThat(companies.get(0).accepts("SF1234567890")).isTrue();
    assertThat(companies.get(0).accepts("SF12")).isFalse();
    assertThat(companies.get(1).accepts("anything")).isTrue();
    assertThat(companies.get(1).accepts(" ")).isFalse();
  }

  @Test
  void classifiesRefusalsBySubCodeAndMessage() {
    Map<String, ShipmentFailureClassifier.Cause> cases = Map.of(
        "isv.logistics-offline-service-error:B60", ShipmentFailureClassifier.Cause.TRACKING_NUMBER,
        "isv.logistics-offline-service-error:B04", ShipmentFailureClassifier.Cause.TRADE_STATE,
        "isv.logistics-offline-service-error:ORDER_NOT_FOUND_ERROR", ShipmentFailureClassifier.Cause.TRADE_NOT_FOUND,
        "isv.invalid-parameter:company_code", ShipmentFailureClassifier.Cause.CARRIER,
        "isv.invalid-parameter:seller_ip", ShipmentFailureClassifier.Cause.OTHER);
    cases.forEach((subCode, cause) ->
        assertThat(ShipmentFailureClassifier.classify(new TopApiError(15, "Remote service error", subCode, null)))
            .as(subCode).isEqualTo(cause));
  }
}
