package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.SettlementFeed.BillTime;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settlement feed against a scripted gateway: mapping of each kind, paging, and window splitting at 5,000 lines. */
class TmallSettlementFeedTests {
  private static final Instant DAY_START = Instant.parse("2026-03-09T16:00:00Z");
  private static final TimeWindow DAY = new TimeWindow(DAY_START, DAY_START.plus(Duration.ofDays(1)));
  private static final List<BillAccount> ACCOUNTS = List.of(
      new BillAccount(11, "VIRTUAL", "虚拟账户", 1), new BillAccount(12, "TRADE", "交易", 2),
      new BillAccount(13, "COMMISSION", "天猫佣金", 3), new BillAccount(14, "FEE", "技术服务费", 4),
      new BillAccount(15, "POINTS", "天猫积分", 5), new BillAccount(16, "OTHER", "其他", 6));

  private TopStubServer server;
  private ShopCredentials shop;
  private TmallSettlementFeed feed;
  private final List<SettlementEntry> delivered = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(7, "hmac");
    TmallProperties properties = new TestProperties().build();
    feed = new TmallSettlementFeed(new TopClient(properties, Clock.fixed(DAY_START.plus(Duration.ofDays(2)), ZoneOffset.UTC)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String bill(long bid, long accountId, String tradeId, String orderId, String amount, int status) {
    return """
        {"bid":%d,"account_id":%d%s%s,"amount":%s,"total_amount":10000,"status":%d,"biz_time":"2026-03-10 09:00:00"%s}"""
        .formatted(bid, accountId, tradeId == null ? "" : ",\"trade_id\":\"" + tradeId + "\"",
            orderId == null ? "" : ",\"order_id\":\"" + orderId + "\"", amount, status,
            status == 1 ? ",\"pay_time\":\"2026-03-10 10:30:00\"" : "");
  }

  static String page(int total, boolean hasNext, List<String> bills) {
    return "{\"bill_bills_get_response\":{\"total_results\":" + total + ",\"has_next\":" + hasNext
        + (bills.isEmpty() ? "" : ",\"bills\":{\"bill\":[" + String.join(",", bills) + "]}") + "}}";
  }

  private int read(TimeWindow window, BillTime axis, Duration minSplit) {
    return feed.settlements(shop, ACCOUNTS, window, axis, minSplit, delivered::addAll);
  }

  @Test
  void mapsEachAccountTypeToItsKindWithFeesNegativeAndOnlyPaidLinesKeepTheirPayTime() {
    server.answer(r -> Reply.json(page(9, false, List.of(
        bill(1, 12, "100", "1001", "9900", 1),
        bill(2, 12, "100", null, "800", 1),
        bill(3, 12, "100", "1001", "-1500", 1),
        bill(4, 13, "100", "1001", "495", 1),
        bill(5, 14, "100", "1001", "99", 0),
        bill(6, 15, "100", "1001", "\"50\"", 1),
        bill(7, 16, null, null, "300", 1),
        bill(8, 99, "100", "1001", "77", 1),
        bill(9, 12, "101", "1011", "\"12.50\"", 1)))));

    assertThat(read(DAY, BillTime.BIZ_TIME, Duration.ofMinutes(1))).isEqualTo(9);

    assertThat(delivered).extracting(SettlementEntry::kind).containsExactly(SettlementKind.INCOME, SettlementKind.POST_FEE,
        SettlementKind.REFUND, SettlementKind.COMMISSION, SettlementKind.SERVICE_FEE, SettlementKind.POINTS, SettlementKind.OTHER,
        SettlementKind.OTHER, SettlementKind.INCOME);
    assertThat(delivered).extracting(SettlementEntry::amountFen).containsExactly(9900L, 800L, -1500L, -495L, -99L, -50L, 300L, 77L, 1250L);
    SettlementEntry income = delivered.get(0);
    assertThat(income.billId()).isEqualTo("1");
    assertThat(income.shopId()).isEqualTo(shop.shop());
    assertThat(income.tid()).isEqualTo("100");
    assertThat(income.oid()).isEqualTo("1001");
    assertThat(income.paid()).isTrue();
    assertThat(income.bizTime()).isEqualTo(Instant.parse("2026-03-10T01:00:00Z"));
    assertThat(income.payTime()).isEqualTo(Instant.parse("2026-03-10T02:30:00Z"));
    SettlementEntry unpaid = delivered.get(4);
    assertThat(unpaid.paid()).isFalse();
    assertThat(unpaid.payTime()).isNull();
    assertThat(delivered.get(6).tid()).isNull();

    Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("taobao.bill.bills.get");
    assertThat(request.param("time_type")).isEqualTo("1");
    assertThat(request.param("page_size")).isEqualTo("100");
    assertThat(request.param("start_time")).isEqualTo("2026-03-10 00:00:00");
    assertThat(request.param("end_time")).isEqualTo("2026-03-11 00:00:00");
    assertThat(request.param("fields")).contains("bid", "account_id", "trade_id", "order_id", "amount", "status", "biz_time", "pay_time");
  }

  @Test
  void readsAccountsAndPagesForwardByPayTimeUntilHasNextIsFalse() {
    server.answer(r -> switch (r.method()) {
      case "taobao.bill.accounts.get" -> Reply.json("""
          {"bill_accounts_get_response":{"total_results":2,"accounts":{"account":[
           {"account_id":12,"account_code":"TRADE","account_name":"交易","account_type":2},
           {"account_id":"13","account_code":"C","account_name":"天猫佣金","account_type":3}]}}}""");
      default -> switch (r.param("page_no")) {
        case "1" -> Reply.json(page(3, true, List.of(bill(1, 12, "1", "2", "100", 1), bill(2, 12, "1", "2", "100", 1))));
        case "2" -> Reply.json(page(3, false, List.of(bill(3, 12, "1", "2", "100", 1))));
        default -> Reply.html(500, "unexpected page");
      };
    });

    assertThat(feed.accounts(shop)).containsExactly(new BillAccount(12, "TRADE", "交易", 2), new BillAccount(13, "C", "天猫佣金", 3));
    assertThat(read(DAY, BillTime.PAY_TIME, Duration.ofMinutes(1))).isEqualTo(3);
    assertThat(delivered).extracting(SettlementEntry::billId).containsExactly("1", "2", "3");
    assertThat(server.received().get(1).param("time_type")).isEqualTo("2");
  }

  @Test
  void splitsAWindowInHalvesWhileTmallReportsFiveThousandAndCoversTheWindowExactlyOnce() {
    Duration fits = Duration.ofHours(5);
    server.answer(r -> {
      Instant start = TopDateTime.parse(r.param("start_time"));
      Instant end = TopDateTime.parse(r.param("end_time"));
      if (Duration.between(start, end).compareTo(fits) > 0) {
        return Reply.json(page(5_000, true, List.of(bill(start.getEpochSecond(), 12, "1", "2", "1", 1))));
      }
      return Reply.json(page(1, false, List.of(bill(start.getEpochSecond(), 12, "1", "2", "1", 1))));
    });

    int lines = read(DAY, BillTime.BIZ_TIME, Duration.ofMinutes(1));

    List<TimeWindow> leaves = server.received().stream()
        .map(r -> new TimeWindow(TopDateTime.parse(r.param("start_time")), TopDateTime.parse(r.param("end_time"))))
        .filter(w -> w.length().compareTo(fits) <= 0)
        .sorted(Comparator.comparing(TimeWindow::start))
        .toList();
    assertThat(leaves).hasSize(8);
    assertThat(lines).isEqualTo(8);
    assertThat(delivered).hasSize(8);
    assertThat(leaves.get(0).start()).isEqualTo(DAY.start());
    assertThat(leaves.get(leaves.size() - 1).end()).isEqualTo(DAY.end());
    for (int i = 1; i < leaves.size(); i++) {
      assertThat(leaves.get(i).start()).isEqualTo(leaves.get(i - 1).end().plusSeconds(1));
    }
    assertThat(server.received()).hasSize(15);
  }

  @Test
  void stopsSplittingAtTheMinimumWithAnErrorThatSaysWhatToDo() {
    server.answer(r -> Reply.json(page(5_000, true, List.of(bill(1, 12, "1", "2", "1", 1)))));

    assertThatThrownBy(() -> read(new TimeWindow(DAY_START, DAY_START.plus(Duration.ofHours(1))), BillTime.BIZ_TIME,
        Duration.ofMinutes(10)))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("TMALL-060")
        .hasMessageContaining("bridge.finance.min-split-window")
        .satisfies(e -> assertThat(((ChannelException) e).kind()).isEqualTo(ChannelException.Kind.PERMANENT));
    assertThat(delivered).isEmpty();
    assertThat(server.received()).allSatisfy(r -> assertThat(Duration.between(TopDateTime.parse(r.param("start_time")),
        TopDateTime.parse(r.param("end_time")))).isGreaterThanOrEqualTo(Duration.ofMinutes(7)));
  }

  @Test
  void aLineWithoutBizTimeFailsTheWindowAndTooLongWindowsAreRefused() {
    server.answer(r -> Reply.json(page(1, false, List.of("{\"bid\":1,\"account_id\":12,\"amount\":5,\"status\":1}"))));
    assertThatThrownBy(() -> read(DAY, BillTime.BIZ_TIME, Duration.ofMinutes(1)))
        .isInstanceOf(ChannelException.class).hasMessageContaining("biz_time");
    assertThatIllegalArgumentException().isThrownBy(() -> read(new TimeWindow(DAY_START, DAY_START.plus(Duration.ofHours(25))),
        BillTime.BIZ_TIME, Duration.ofMinutes(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> read(DAY, BillTime.BIZ_TIME, Duration.ZERO));
  }

  @Test
  void alsoSplitsAWindowThatDeliversFiveThousandLinesWhenTotalResultsCountsOnlyThePage() {
    Duration fits = Duration.ofHours(13);
    server.answer(r -> {
      Instant start = TopDateTime.parse(r.param("start_time"));
      Instant end = TopDateTime.parse(r.param("end_time"));
      int pageNo = Integer.parseInt(r.param("page_no"));
      if (Duration.between(start, end).compareTo(fits) > 0) {
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          bills.add(bill(pageNo * 1_000L + i, 12, "1", "2", "1", 1));
        }
        return Reply.json(page(100, pageNo < 50, bills));
      }
      return Reply.json(page(1, false, List.of(bill(start.getEpochSecond(), 12, "1", "2", "1", 1))));
    });

    int lines = read(DAY, BillTime.PAY_TIME, Duration.ofMinutes(1));

    assertThat(lines).isEqualTo(5_000 + 2);
    assertThat(delivered.stream().filter(e -> Long.parseLong(e.billId()) > 1_000_000_000L)).hasSize(2);
    assertThat(server.received()).hasSize(52);
  }
}
