package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import com.tmallbridge.core.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmallChannelOrderFeedTests {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2024-11-10T16:00:00Z"), Instant.parse("2024-11-10T16:30:00Z"));

  private TopStubServer server;
  private ShopCredentials shop;
  private final List<List<ChannelTrade>> pages = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(1, "hmac");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static TmallChannel channel(int pageSize) {
    TmallProperties properties = new TestProperties().pageSize(pageSize).build();
    Clock clock = Clock.fixed(Instant.parse("2024-11-10T17:00:00Z"), ZoneOffset.UTC);
    return new TmallChannel(new TopClient(properties, clock), properties, clock);
  }

  private List<String> pageNumbers() {
    return server.received().stream().map(r -> r.param("page_no")).toList();
  }

  private List<List<String>> deliveredTids() {
    return pages.stream().map(p -> p.stream().map(ChannelTrade::tid).toList()).toList();
  }

  @Test
  void readsTheLastPageFirstAndPageOneAgainAtTheEnd() {
    server.answer(r -> Reply.json(TradeJson.pageOf(5, 2, Long.parseLong(r.param("page_no")))));

    channel(2).changedTrades(shop, WINDOW, pages::add);

    assertThat(pageNumbers()).containsExactly("1", "3", "2", "1");
    assertThat(deliveredTids()).containsExactly(List.of("5"), List.of("3", "4"), List.of("1", "2"));
  }

  @Test
  void handsAnUnreadableTradeToTheCallerAndDeliversTheRestOfThePage() {
    String broken = TradeJson.complete(2).replace("\"payment\":\"10.00\",\"orders\"", "\"payment\":\"ten yuan\",\"orders\"");
    server.answer(r -> Reply.json(TradeJson.page(3, List.of(TradeJson.complete(1), broken, TradeJson.complete(3)))));
    List<com.tmallbridge.channel.UnreadableTrade> unreadable = new ArrayList<>();

    channel(100).changedTrades(shop, WINDOW, pages::add, unreadable::add);

    assertThat(deliveredTids()).containsExactly(List.of("1", "3"));
    assertThat(unreadable).singleElement().satisfies(u -> {
      assertThat(u.tid()).isEqualTo("2");
      assertThat(u.reason()).contains("ten yuan");
      assertThat(u.rawJson()).contains("\"tid\":2");
    });
  }

  @Test
  void failsTheWindowOnAnUnreadableTradeWhenTheCallerTakesNone() {
    String broken = TradeJson.complete(2).replace("\"payment\":\"10.00\",\"orders\"", "\"payment\":\"ten yuan\",\"orders\"");
    server.answer(r -> Reply.json(TradeJson.page(1, List.of(broken))));

    assertThatThrownBy(() -> channel(100).changedTrades(shop, WINDOW, pages::add))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT));
  }

  @Test
  void asksForTheWindowInGmtPlus8WithTotalResultsAndEveryMappedField() {
    server.answer(r -> Reply.json(TradeJson.pageOf(1, 100, 1)));

    channel(100).changedTrades(shop, WINDOW, pages::add);

    Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("taobao.trades.sold.increment.get");
    assertThat(request.form())
        .containsEntry("start_modified", "2024-11-11 00:00:00")
        .containsEntry("end_modified", "2024-11-11 00:30:00")
        .containsEntry("page_size", "100")
        .containsEntry("use_has_next", "false")
        .containsEntry("fields", TradeMapper.fieldsParameter());
  }

  @Test
  void readsASinglePageOnce() {
    server.answer(r -> Reply.json(TradeJson.pageOf(2, 100, 1)));

    channel(100).changedTrades(shop, WINDOW, pages::add);

    assertThat(pageNumbers()).containsExactly("1");
    assertThat(deliveredTids()).containsExactly(List.of("1", "2"));
  }

  @Test
  void deliversNothingForAnEmptyWindow() {
    server.reply(Reply.json(Fixtures.text("trades_sold_increment_get/empty.json")));

    channel(100).changedTrades(shop, WINDOW, pages::add);

    assertThat(pages).isEmpty();
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void fetchesFullDetailForIncompleteListEntries() {
    server.answer(
        r -> r.method().equals("taobao.trade.fullinfo.get")
            ? Reply.json(TradeJson.fullinfo(Long.parseLong(r.param("tid"))))
            : Reply.json(TradeJson.page(3, List.of(TradeJson.partial(1001), TradeJson.complete(1002), TradeJson.partial(1003)))));

    channel(100).changedTrades(shop, WINDOW, pages::add);

    assertThat(server.received()).extracting(r -> r.method() + ":" + r.param("tid"))
        .containsExactly(
            "taobao.trades.sold.increment.get:null", "taobao.trade.fullinfo.get:1001", "taobao.trade.fullinfo.get:1003");
    assertThat(server.received().get(1).form()).containsEntry("fields", TradeMapper.fieldsParameter());
    assertThat(pages).singleElement().satisfies(page -> {
      assertThat(page).extracting(ChannelTrade::tid).containsExactly("1001", "1002", "1003");
      assertThat(page.get(0).lines()).extracting(ChannelTradeLine::oid).containsExactly("10010");
      assertThat(page.get(0).rawJson()).contains("\"orders\"");
    });
  }

  @Test
  void fetchesFullDetailForAnOrderWithoutPayment() {
    server.reply(
        Reply.json(Fixtures.text("trades_sold_increment_get/partial_entries.json")),
        Reply.json(Fixtures.text("trade_fullinfo_get/minimal.json")),
        Reply.json(TradeJson.fullinfo(1002)));

    channel(100).changedTrades(shop, WINDOW, pages::add);

    assertThat(server.received()).extracting(r -> r.param("tid")).containsExactly(null, "1001", "1002");
    assertThat(pages.get(0)).extracting(ChannelTrade::paymentFen).containsExactly(1000L, 1000L);
  }

  @Test
  void rejectsWindowsLongerThanOneDayWithoutCalling() {
    TimeWindow tooLong = new TimeWindow(WINDOW.start(), WINDOW.start().plus(Duration.ofDays(1)).plusSeconds(1));

    assertThatIllegalArgumentException().isThrownBy(() -> channel(100).changedTrades(shop, tooLong, pages::add));
    assertThat(server.received()).isEmpty();
  }

  @Test
  void acceptsAWindowOfExactlyOneDay() {
    server.reply(Reply.json(Fixtures.text("trades_sold_increment_get/empty.json")));

    channel(100).changedTrades(shop, new TimeWindow(WINDOW.start(), WINDOW.start().plus(Duration.ofDays(1))), pages::add);

    assertThat(server.received()).hasSize(1);
  }

  @Test
  void reportsAnUnreadableTradeAsPermanent() {
    server.reply(Reply.json(TradeJson.page(1, List.of(TradeJson.complete(9).replace("\"10.00\"", "\"ten\"")))));

    assertThatThrownBy(() -> channel(100).changedTrades(shop, WINDOW, pages::add))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.UNREADABLE_RECORD);
        })
        .hasMessageContaining("trade 9");
  }

  @Test
  void readsOneTradeWithFullDetail() {
    server.reply(Reply.json(TradeJson.fullinfo(77)));

    assertThat(channel(100).trade(shop, "77")).hasValueSatisfying(t -> assertThat(t.lines()).hasSize(1));
    assertThat(server.received().get(0).form()).containsEntry("tid", "77");
  }

  @Test
  void answersEmptyForATradeTheShopDoesNotHave() {
    server.reply(Reply.json(Fixtures.text("error/trade_not_exist.json")));

    assertThat(channel(100).trade(shop, "78")).isEmpty();
  }

  @Test
  void propagatesOtherRejectionsOfOneTrade() {
    server.reply(Reply.json(Fixtures.text("error/invalid_parameter.json")));

    assertThatThrownBy(() -> channel(100).trade(shop, "x"))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT));
  }

  @Test
  void rereadsADeliveredTradeFromItsSnapshot() {
    server.reply(Reply.json(Fixtures.text("trades_sold_increment_get/wrapped.json")));
    TmallChannel channel = channel(100);
    channel.changedTrades(shop, WINDOW, pages::add);

    ChannelTrade delivered = pages.get(0).get(0);

    assertThat(channel.fromSnapshot(delivered.rawJson())).isEqualTo(delivered);
  }
}
