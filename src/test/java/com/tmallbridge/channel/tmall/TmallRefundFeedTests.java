package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.UnreadableRefund;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import com.tmallbridge.core.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmallRefundFeedTests {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2024-11-10T16:00:00Z"), Instant.parse("2024-11-10T16:30:00Z"));

  private TopStubServer server;
  private ShopCredentials shop;
  private TmallRefundFeed feed;
  private final List<List<ChannelRefund>> pages = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(4, "hmac");
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(Instant.parse("2024-11-10T17:00:00Z"), ZoneOffset.UTC);
    feed = new TmallRefundFeed(new TopClient(properties, clock), properties);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A refund with item detail; {@code extra} adds or overrides fields. */
  static String refund(long refundId, String extra) {
    return """
        {"refund_id":%d,"tid":100,"oid":"1001","status":"WAIT_SELLER_AGREE","refund_fee":"30.50","total_fee":"99.90",
         "payment":"69.40","has_good_return":true,"good_status":"BUYER_RECEIVED","refund_phase":"aftersale",
         "dispute_type":"REFUND_AND_RETURN","reason":"尺码不合适","desc":"换小一号","created":"2024-11-11 00:05:00",
         "modified":"2024-11-11 00:20:00","order_status":"WAIT_BUYER_CONFIRM_GOODS","sid":"SF0001","company_name":"顺丰速运",
         "num_iid":7001,"sku":"颜色:红色;尺码:L","outer_id":"M-RED-L","num":2,"title":"T恤"%s}"""
        .formatted(refundId, extra);
  }

  static String page(boolean hasNext, List<String> refunds) {
    return "{\"refunds_receive_get_response\":{\"has_next\":" + hasNext + ",\"refunds\":{\"refund\":["
        + String.join(",", refunds) + "]}}}";
  }

  private List<String> deliveredIds() {
    return pages.stream().flatMap(List::stream).map(ChannelRefund::refundId).toList();
  }

  @Test
  void pagesForwardWithHasNextAndAsksForTheWindowInGmtPlus8() {
    server.answer(r -> switch (r.param("page_no")) {
      case "1" -> Reply.json(page(true, List.of(refund(1, ""), refund(2, ""))));
      case "2" -> Reply.json(page(false, List.of(refund(3, ""))));
      default -> Reply.html(500, "unexpected page");
    });

    feed.changedRefunds(shop, WINDOW, pages::add);

    assertThat(pages).hasSize(2);
    assertThat(deliveredIds()).containsExactly("1", "2", "3");
    Received first = server.received().get(0);
    assertThat(first.method()).isEqualTo("taobao.refunds.receive.get");
    assertThat(first.form())
        .containsEntry("start_modified", "2024-11-11 00:00:00")
        .containsEntry("end_modified", "2024-11-11 00:30:00")
        .containsEntry("page_size", "100")
        .containsEntry("use_has_next", "true")
        .containsEntry("fields", RefundMapper.LIST_FIELDS);
    assertThat(server.received()).extracting(r -> r.param("page_no")).containsExactly("1", "2");
  }

  @Test
  void mapsEveryFieldTheAfterSaleFlowNeeds() {
    server.reply(Reply.json(page(false, List.of(refund(42, "")))));

    feed.changedRefunds(shop, WINDOW, pages::add);

    ChannelRefund r = pages.get(0).get(0);
    assertThat(r.refundId()).isEqualTo("42");
    assertThat(r.tid()).isEqualTo("100");
    assertThat(r.oid()).isEqualTo("1001");
    assertThat(r.status()).isEqualTo("WAIT_SELLER_AGREE");
    assertThat(r.refundFeeFen()).isEqualTo(3050);
    assertThat(r.totalFeeFen()).isEqualTo(9990);
    assertThat(r.paymentFen()).isEqualTo(6940);
    assertThat(r.hasGoodReturn()).isTrue();
    assertThat(r.goodStatus()).isEqualTo("BUYER_RECEIVED");
    assertThat(r.refundPhase()).isEqualTo("aftersale");
    assertThat(r.disputeType()).isEqualTo("REFUND_AND_RETURN");
    assertThat(r.reason()).isEqualTo("尺码不合适");
    assertThat(r.description()).isEqualTo("换小一号");
    assertThat(r.created()).isEqualTo(Instant.parse("2024-11-10T16:05:00Z"));
    assertThat(r.modified()).isEqualTo(Instant.parse("2024-11-10T16:20:00Z"));
    assertThat(r.orderStatus()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(r.returnTrackingNo()).isEqualTo("SF0001");
    assertThat(r.returnCompanyName()).isEqualTo("顺丰速运");
    assertThat(r.numIid()).isEqualTo("7001");
    assertThat(r.sku()).isEqualTo("颜色:红色;尺码:L");
    assertThat(r.outerId()).isEqualTo("M-RED-L");
    assertThat(r.num()).isEqualTo(2);
    assertThat(r.title()).isEqualTo("T恤");
    assertThat(feed.fromSnapshot(r.rawJson())).isEqualTo(r);
  }

  @Test
  void defaultsOidToTidAndDerivesPaymentWhenAbsent() {
    String minimal = """
        {"refund_id":"5","tid":"200","status":"SUCCESS","refund_fee":"10.00","total_fee":"25.00",
         "created":"2024-11-11 00:05:00","num_iid":1}""";
    server.reply(Reply.json(page(false, List.of(minimal))));

    feed.changedRefunds(shop, WINDOW, pages::add);

    ChannelRefund r = pages.get(0).get(0);
    assertThat(r.oid()).isEqualTo("200");
    assertThat(r.paymentFen()).isEqualTo(1500);
    assertThat(r.modified()).isEqualTo(r.created());
    assertThat(r.succeeded()).isTrue();
    assertThat(r.hasGoodReturn()).isFalse();
  }

  @Test
  void completesAListEntryWithoutItemDetailWithRefundGet() {
    String listed = refund(9, "").replace("\"num_iid\":7001,", "");
    server.reply(
        Reply.json(page(false, List.of(listed))),
        Reply.json("{\"refund_get_response\":{\"refund\":" + refund(9, ",\"status\":\"SUCCESS\"") + "}}"));

    feed.changedRefunds(shop, WINDOW, pages::add);

    assertThat(server.received().get(1).method()).isEqualTo("taobao.refund.get");
    assertThat(server.received().get(1).form()).containsEntry("refund_id", "9").containsEntry("fields", RefundMapper.DETAIL_FIELDS);
    assertThat(pages.get(0)).singleElement().satisfies(r -> {
      assertThat(r.numIid()).isEqualTo("7001");
      assertThat(r.status()).isEqualTo("SUCCESS");
    });
  }

  @Test
  void skipsTheDetailCallForAListedVersionTheCallerHoldsAndFetchesTheRest() {
    String held = refund(9, "").replace("\"num_iid\":7001,", "");
    String newer = refund(10, "").replace("\"num_iid\":7001,", "");
    server.reply(
        Reply.json(page(false, List.of(held, newer))),
        Reply.json("{\"refund_get_response\":{\"refund\":" + refund(10, "") + "}}"));
    List<String> asked = new ArrayList<>();

    feed.changedRefunds(shop, WINDOW, pages::add, u -> { }, (refundId, modified, status) -> {
      asked.add(refundId + "@" + modified + "/" + status);
      return refundId.equals("9");
    });

    assertThat(asked).containsExactly("9@2024-11-10T16:20:00Z/WAIT_SELLER_AGREE", "10@2024-11-10T16:20:00Z/WAIT_SELLER_AGREE");
    assertThat(server.received()).extracting(Received::method).containsExactly("taobao.refunds.receive.get", "taobao.refund.get");
    assertThat(server.received().get(1).form()).containsEntry("refund_id", "10");
    assertThat(deliveredIds()).containsExactly("10");
  }

  @Test
  void handsAnUnreadableRefundToTheCallerAndDeliversTheRest() {
    String broken = refund(2, "").replace("\"refund_fee\":\"30.50\"", "\"refund_fee\":\"lots\"");
    server.reply(Reply.json(page(false, List.of(refund(1, ""), broken, refund(3, "")))));
    List<UnreadableRefund> unreadable = new ArrayList<>();

    feed.changedRefunds(shop, WINDOW, pages::add, unreadable::add);

    assertThat(deliveredIds()).containsExactly("1", "3");
    assertThat(unreadable).singleElement().satisfies(u -> {
      assertThat(u.refundId()).isEqualTo("2");
      assertThat(u.reason()).contains("refund_fee", "lots");
    });
  }

  @Test
  void failsTheWindowOnAnUnreadableRefundWhenTheCallerTakesNone() {
    String broken = refund(2, "").replace("\"created\":\"2024-11-11 00:05:00\",", "");
    server.reply(Reply.json(page(false, List.of(broken))));

    assertThatThrownBy(() -> feed.changedRefunds(shop, WINDOW, pages::add))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.getMessage()).contains("refund 2", "created");
        });
  }

  @Test
  void readsOneRefundOrNothingWhenTopSaysItDoesNotExist() {
    server.reply(
        Reply.json("{\"refund_get_response\":{\"refund\":" + refund(11, "") + "}}"),
        Reply.json("{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"isv.refund-not-exist\"}}"));

    assertThat(feed.refund(shop, "11")).hasValueSatisfying(r -> assertThat(r.refundFeeFen()).isEqualTo(3050));
    assertThat(feed.refund(shop, "12")).isEmpty();
  }

  @Test
  void refusesWindowsLongerThanADay() {
    TimeWindow tooLong = new TimeWindow(WINDOW.start(), WINDOW.start().plusSeconds(86_401));
    assertThatIllegalArgumentException().isThrownBy(() -> feed.changedRefunds(shop, tooLong, pages::add));
    assertThat(server.received()).isEmpty();
  }
}
