package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TmallChannel#pushedTrades}: paid-trade messages are read with status-filtered list pages
 * over short modified windows, a second on each side of the publications (not up to now), a late
 * redelivery in a window of its own; what the pages do not list, and messages without a status or
 * too old, with taobao.trade.fullinfo.get.
 */
class TmallChannelPushedTradesTests {
  /** 2024-11-11 00:10:00.400 in GMT+8. */
  private static final Instant NOW = Instant.parse("2024-11-10T16:10:00.400Z");

  private TopStubServer server;
  private ShopCredentials shop;
  private final List<String> read = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final OrderFeed.PushedTradeSink sink = new OrderFeed.PushedTradeSink() {
    @Override
    public void read(List<ChannelTrade> trades, long startedNanos) {
      trades.forEach(t -> read.add(t.tid()));
    }

    @Override
    public void missing(String tid) {
      missing.add(tid);
    }

    @Override
    public void refused(String tid, ChannelException problem) {
      refused.add(tid);
    }
  };

  @BeforeEach
  void startServer() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(1, "hmac");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static TmallChannel channel() {
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new TmallChannel(new TopClient(properties, clock), properties, clock);
  }

  private static ChannelMessage paid(long tid, Instant published) {
    return new ChannelMessage("m" + tid, "taobao_trade_TradeBuyerPay", Long.toString(tid), Long.toString(tid), null,
        "{\"tid\":" + tid + ",\"status\":\"WAIT_SELLER_SEND_GOODS\",\"payment\":\"10.00\"}", published, "seller", null);
  }

  private static String hasNextPage(boolean hasNext, long... tids) {
    return "{\"trades_sold_increment_get_response\":{\"has_next\":" + hasNext + ",\"trades\":{\"trade\":["
        + LongStream.of(tids).mapToObj(TradeJson::complete).collect(Collectors.joining(",")) + "]}}}";
  }

  private List<String> calls() {
    return server.received().stream()
        .map(r -> r.method().equals("taobao.trade.fullinfo.get") ? "fullinfo:" + r.param("tid") : "list:" + r.param("page_no"))
        .toList();
  }

  @Test
  void readsPaidTradesWithOneListPageOverAShortWindow() {
    server.reply(Reply.json(hasNextPage(false, 3, 1, 2, 9)));

    channel().pushedTrades(shop, List.of(paid(1, NOW.minusMillis(300)), paid(2, NOW.minusMillis(100)), paid(3, NOW)), sink);

    assertThat(calls()).containsExactly("list:1");
    assertThat(read).containsExactly("3", "1", "2", "9");
    Received request = server.received().get(0);
    assertThat(request.form())
        .containsEntry("status", "WAIT_SELLER_SEND_GOODS")
        .containsEntry("start_modified", "2024-11-11 00:09:59")
        .containsEntry("end_modified", "2024-11-11 00:10:01")
        .containsEntry("page_size", "100")
        .containsEntry("use_has_next", "true")
        .containsEntry("fields", TradeMapper.fieldsParameter());
  }

  @Test
  void theWindowEndsASecondAfterTheLastPublicationNotAtNow() {
    server.reply(Reply.json(hasNextPage(false, 1, 2)));

    channel().pushedTrades(shop, List.of(paid(1, NOW.minusSeconds(5)), paid(2, NOW.minusMillis(5300))), sink);

    assertThat(calls()).containsExactly("list:1");
    assertThat(server.received().get(0).form())
        .containsEntry("start_modified", "2024-11-11 00:09:54")
        .containsEntry("end_modified", "2024-11-11 00:09:56");
    assertThat(read).containsExactly("1", "2");
  }

  @Test
  void aLateRedeliveryIsListedInAWindowOfItsOwnAfterTheRoundsWindow() {
    server.answer(r -> r.param("start_modified").equals("2024-11-11 00:09:59")
        ? Reply.json(hasNextPage(false, 2, 3))
        : Reply.json(hasNextPage(false, 1)));

    channel().pushedTrades(shop, List.of(paid(1, NOW.minusSeconds(30)), paid(2, NOW.minusMillis(200)), paid(3, NOW)), sink);

    assertThat(server.received()).extracting(r -> r.param("start_modified") + ".." + r.param("end_modified"))
        .containsExactly("2024-11-11 00:09:59..2024-11-11 00:10:01", "2024-11-11 00:09:29..2024-11-11 00:09:31");
    assertThat(read).containsExactly("2", "3", "1");
  }

  @Test
  void publicationsASecondApartShareOneWindow() {
    assertThat(PushedTradeReader.windows(List.of(paid(1, NOW), paid(2, NOW.minusSeconds(2)), paid(3, NOW.minusSeconds(3)),
            paid(4, NOW.minusSeconds(7)))))
        .extracting(w -> w.span().start() + ".." + w.span().end() + " " + w.tids())
        .containsExactly("2024-11-10T16:09:56Z..2024-11-10T16:10:01Z [3, 2, 1]", "2024-11-10T16:09:52Z..2024-11-10T16:09:54Z [4]");
  }

  @Test
  void readsFurtherPagesThreeAtATimeOnlyUntilEveryTidWasListed() {
    server.answer(r -> switch (r.param("page_no")) {
      case "1" -> Reply.json(hasNextPage(true, 5, 6));
      case "2" -> Reply.json(hasNextPage(true, 8, 9));
      case "3" -> Reply.json(hasNextPage(true, 1, 7));
      case "4" -> Reply.json(hasNextPage(true, 10));
      default -> Reply.json(hasNextPage(false, 11));
    });

    channel().pushedTrades(shop, List.of(paid(1, NOW), paid(5, NOW)), sink);

    assertThat(calls()).first().isEqualTo("list:1");
    assertThat(calls()).containsExactlyInAnyOrder("list:1", "list:2", "list:3", "list:4");
    assertThat(read).containsExactly("5", "6", "8", "9", "1", "7", "10");
  }

  @Test
  void aRoundAsksForAsManyPagesAtOnceAsTheShopsLastWindowNeededUpToThree() {
    server.answer(r -> switch (r.param("page_no")) {
      case "1" -> Reply.json(hasNextPage(true, 5, 6));
      case "2" -> Reply.json(hasNextPage(true, 8, 9));
      case "3" -> Reply.json(hasNextPage(true, 1, 7));
      default -> Reply.json(hasNextPage(false, 10));
    });
    TmallChannel channel = channel();
    channel.pushedTrades(shop, List.of(paid(1, NOW), paid(5, NOW)), sink);
    int first = server.received().size();

    channel.pushedTrades(shop, List.of(paid(5, NOW)), sink);
    assertThat(calls().subList(first, calls().size())).as("page 3 was needed: three at once, though page 1 lists it")
        .containsExactlyInAnyOrder("list:1", "list:2", "list:3");
    int second = server.received().size();

    channel.pushedTrades(shop, List.of(paid(6, NOW)), sink);
    assertThat(calls().subList(second, calls().size())).as("the last window needed page 1 only").containsExactly("list:1");
  }

  @Test
  void fetchesWhatNoPageListedOneByOneAndReportsTradesThatDoNotExist() {
    server.answer(r -> switch (r.method()) {
      case "taobao.trades.sold.increment.get" -> Reply.json(hasNextPage(false, 1));
      default -> r.param("tid").equals("2") ? Reply.json(TradeJson.fullinfo(2))
          : Reply.json(Fixtures.text("error/trade_not_exist.json"));
    });

    channel().pushedTrades(shop, List.of(paid(1, NOW), paid(2, NOW), paid(3, NOW)), sink);

    assertThat(calls()).first().isEqualTo("list:1");
    assertThat(calls()).containsExactlyInAnyOrder("list:1", "fullinfo:2", "fullinfo:3");
    assertThat(read).containsExactly("1", "2");
    assertThat(missing).containsExactly("3");
  }

  @Test
  void readsMessagesWithoutStatusOrPublishedLongAgoOneByOneEachTidOnce() {
    server.answer(r -> Reply.json(TradeJson.fullinfo(Long.parseLong(r.param("tid")))));
    ChannelMessage memo = new ChannelMessage("m1", "taobao_trade_TradeMemoModified", "1", "1", null, "{\"tid\":1}", NOW, "s", null);
    ChannelMessage memoAgain = new ChannelMessage("m2", "taobao_trade_TradeMemoModified", "1", "1", null, "{\"tid\":1}", NOW, "s", null);

    channel().pushedTrades(shop, List.of(memo, memoAgain, paid(2, NOW.minusSeconds(3600))), sink);

    assertThat(calls()).containsExactlyInAnyOrder("fullinfo:1", "fullinfo:2");
    assertThat(read).containsExactly("1", "2");
  }

  @Test
  void listsTheStatusGroupsOfARoundSideBySide() throws Exception {
    server.close();
    server = TopStubServer.start(true);
    shop = server.shop(1, "hmac");
    CountDownLatch bothAsked = new CountDownLatch(2);
    List<Boolean> answeredTogether = new CopyOnWriteArrayList<>();
    server.answer(r -> {
      bothAsked.countDown();
      try {
        answeredTogether.add(bothAsked.await(3, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Reply.json(r.param("status").equals("TRADE_CLOSED") ? hasNextPage(false, 2) : hasNextPage(false, 1));
    });
    ChannelMessage closed = new ChannelMessage("m2", "taobao_trade_TradeClose", "2", "2", null,
        "{\"tid\":2,\"status\":\"TRADE_CLOSED\"}", NOW, "seller", null);

    channel().pushedTrades(shop, List.of(paid(1, NOW), closed), sink);

    assertThat(server.received()).extracting(r -> r.param("status"))
        .containsExactlyInAnyOrder("WAIT_SELLER_SEND_GOODS", "TRADE_CLOSED");
    assertThat(answeredTogether).as("each group's page was asked for before the other's was answered").containsExactly(true, true);
    assertThat(read).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void listedTradesNoMessageWantsAreNeitherMappedNorFetched() {
    server.answer(r -> r.method().equals("taobao.trades.sold.increment.get")
        ? Reply.json("{\"trades_sold_increment_get_response\":{\"has_next\":false,\"trades\":{\"trade\":["
            + TradeJson.partial(9) + "," + TradeJson.complete(1) + "," + TradeJson.complete(8) + "]}}}")
        : Reply.json(TradeJson.fullinfo(Long.parseLong(r.param("tid")))));
    OrderFeed.PushedTradeSink wantsOne = new OrderFeed.PushedTradeSink() {
      @Override
      public boolean wants(String tid) {
        return tid.equals("1");
      }

      @Override
      public void read(List<ChannelTrade> trades, long startedNanos) {
        sink.read(trades, startedNanos);
      }

      @Override
      public void missing(String tid) {
        sink.missing(tid);
      }

      @Override
      public void refused(String tid, ChannelException problem) {
        sink.refused(tid, problem);
      }
    };

    channel().pushedTrades(shop, List.of(paid(1, NOW)), wantsOne);

    assertThat(calls()).as("trade 9 lacks its sub-orders, but no message waits for it").containsExactly("list:1");
    assertThat(read).containsExactly("1");
  }

  @Test
  void aListedTradeCompletedForARoundIsAnUrgentCallNotABackgroundOne() {
    server.answer(r -> r.method().equals("taobao.trades.sold.increment.get")
        ? Reply.json("{\"trades_sold_increment_get_response\":{\"has_next\":false,\"trades\":{\"trade\":["
            + TradeJson.partial(1) + "]}}}")
        : Reply.json(TradeJson.fullinfo(Long.parseLong(r.param("tid")))));
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TmallChannel channel = new TmallChannel(new TopClient(properties, clock, meters), properties, clock);

    channel.pushedTrades(shop, List.of(paid(1, NOW)), sink);

    assertThat(calls()).containsExactly("list:1", "fullinfo:1");
    assertThat(read).containsExactly("1");
    assertThat(meters.get("bridge.tmall.permit").tag("lane", "urgent").timer().count()).as("the page and the completing fetch")
        .isEqualTo(2);
    assertThat(meters.find("bridge.tmall.permit").tag("lane", "background").timer().count()).isZero();
  }

  @Test
  void aRefusedListCallFallsBackToFetchingEachTrade() {
    server.answer(r -> r.method().equals("taobao.trades.sold.increment.get")
        ? Reply.json(Fixtures.text("error/invalid_parameter.json"))
        : Reply.json(TradeJson.fullinfo(Long.parseLong(r.param("tid")))));

    channel().pushedTrades(shop, List.of(paid(1, NOW), paid(2, NOW)), sink);

    assertThat(calls()).first().isEqualTo("list:1");
    assertThat(calls()).containsExactlyInAnyOrder("list:1", "fullinfo:1", "fullinfo:2");
    assertThat(read).containsExactly("1", "2");
  }
}
