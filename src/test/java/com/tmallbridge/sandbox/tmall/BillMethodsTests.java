package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The bill methods and the settlement lines generated from finished trades: amounts and rates,
 * the unsettled share, validation errors like TOP's, paging, the 5,000-line cap per query window,
 * field selection, the journal, and the money faults (Java and control API).
 */
class BillMethodsTests {
  private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
  private static final long SEED = 20_260_310L;

  private MutableClock clock;
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    System.out.println("seed " + SEED);
    clock = new MutableClock(NOW);
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(SEED).withClock(clock));
    sandbox.defaultShop().setAllQuantities(1_000_000);
    client = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private JsonNode bills(Map<String, String> params) {
    Map<String, String> all = new HashMap<>(params);
    all.putIfAbsent("fields", "bid,account_id,trade_id,order_id,amount,status,biz_time,pay_time");
    return client.call("taobao.bill.bills.get", all);
  }

  private static String day(Instant from) {
    return TopTestClient.timestamp(from);
  }

  private static List<JsonNode> list(JsonNode response) {
    List<JsonNode> out = new ArrayList<>();
    response.path("bill_bills_get_response").path("bills").path("bill").values().forEach(out::add);
    return out;
  }

  private static String subCode(JsonNode response) {
    return response.path("error_response").path("sub_code").asString();
  }

  private static int code(JsonNode response) {
    return response.path("error_response").path("code").asInt();
  }

  @Test
  void finishedTradesGetIncomeCommissionPointsServiceFeeAndPostFeeAtTheDocumentedRates() {
    sandbox.generateHistory(400, NOW.minus(Duration.ofHours(24)), NOW.minus(Duration.ofMinutes(2)));
    List<SandboxTrade> finished = sandbox.trades().stream()
        .filter(t -> t.status().equals("TRADE_FINISHED") && t.lines().stream().allMatch(l -> l.refundStatus().equals("NO_REFUND")))
        .toList();
    assertThat(finished).hasSizeGreaterThan(50);
    Map<Integer, Long> accounts = sandbox.defaultShop().billAccounts();
    for (SandboxTrade trade : finished) {
      List<SandboxBill> lines = sandbox.defaultShop().bills(trade.tid());
      for (SandboxTradeLine line : trade.lines()) {
        long income = line.divideOrderFeeFen();
        assertThat(amount(lines, accounts.get(2), line.oid())).isEqualTo(income);
        assertThat(amount(lines, accounts.get(3), line.oid())).isEqualTo((income * 500 + 5_000) / 10_000);
        assertThat(amount(lines, accounts.get(5), line.oid())).isEqualTo((income * 50 + 5_000) / 10_000);
        assertThat(amount(lines, accounts.get(4), line.oid())).isEqualTo((income * 100 + 5_000) / 10_000);
      }
      assertThat(amount(lines, accounts.get(2), null)).isEqualTo(trade.postFeeFen());
      assertThat(lines).allSatisfy(bill -> {
        assertThat(bill.bizTime()).isEqualTo(trade.endTime());
        assertThat(bill.amountFen()).isPositive();
        if (bill.paid()) {
          assertThat(bill.payTime()).isBetween(bill.bizTime(), NOW);
        } else {
          assertThat(bill.payTime()).isNull();
        }
      });
      assertThat(lines.stream().map(SandboxBill::paid).distinct()).hasSize(1);
    }
    assertThat(sandbox.bills().stream().filter(b -> b.tid() != null)
        .map(b -> sandbox.trade(b.tid()).orElseThrow().status()).distinct()).containsExactly("TRADE_FINISHED");
  }

  private static long amount(List<SandboxBill> lines, long accountId, Long oid) {
    return lines.stream()
        .filter(b -> b.accountId() == accountId && java.util.Objects.equals(b.oid(), oid))
        .mapToLong(SandboxBill::amountFen).sum();
  }

  @Test
  void aboutNinePercentOfFinishedTradesStayUnsettled() {
    sandbox.defaultShop();
    try (TmallSandbox all = TmallSandbox.start(SandboxConfig.defaults().withSeed(SEED).withClock(clock)
        .withMix(new TradeMix(0, 0, 0, 0, 1, 0, 0, 0)))) {
      all.defaultShop().setAllQuantities(1_000_000);
      all.generateHistory(1_000, NOW.minus(Duration.ofHours(24)), NOW.minus(Duration.ofMinutes(2)));
      Set<Long> unsettled = new HashSet<>();
      Set<Long> trades = new HashSet<>();
      all.bills().forEach(b -> {
        trades.add(b.tid());
        if (!b.paid()) {
          unsettled.add(b.tid());
        }
      });
      assertThat(trades).hasSizeGreaterThan(900);
      double share = unsettled.size() * 100.0 / trades.size();
      assertThat(share).as("unsettled share %s%%", share).isBetween(6.0, 12.0);
    }
  }

  @Test
  void aWindowOverOneDayIsRefusedLikeTopUnlessATradeIsNamed() {
    JsonNode tooLong = bills(Map.of("start_time", day(NOW.minus(Duration.ofDays(2))), "end_time", day(NOW)));
    assertThat(code(tooLong)).isEqualTo(15);
    assertThat(subCode(tooLong)).isEqualTo("isv.invalid-parameter:end_time");
    assertThat(tooLong.path("error_response").path("sub_msg").asString()).contains("不能大于1天");

    JsonNode byTrade = bills(Map.of("start_time", day(NOW.minus(Duration.ofDays(20))), "end_time", day(NOW), "trade_id", "1"));
    assertThat(byTrade.has("bill_bills_get_response")).isTrue();

    JsonNode oneDay = bills(Map.of("start_time", day(NOW.minus(Duration.ofDays(1))), "end_time", day(NOW)));
    assertThat(oneDay.path("bill_bills_get_response").path("total_results").asInt()).isZero();
  }

  @Test
  void pageSizeTimeTypePageNoAndMissingParametersAreCheckedLikeTop() {
    String start = day(NOW.minus(Duration.ofHours(1)));
    String end = day(NOW);
    assertThat(subCode(bills(Map.of("start_time", start, "end_time", end, "page_size", "30"))))
        .isEqualTo("isv.invalid-parameter:page_size");
    assertThat(subCode(bills(Map.of("start_time", start, "end_time", end, "page_size", "101"))))
        .isEqualTo("isv.invalid-parameter:page_size");
    assertThat(subCode(bills(Map.of("start_time", start, "end_time", end, "page_no", "101"))))
        .isEqualTo("isv.invalid-parameter:page_no");
    assertThat(subCode(bills(Map.of("start_time", start, "end_time", end, "time_type", "3"))))
        .isEqualTo("isv.invalid-parameter:time_type");
    JsonNode missing = bills(Map.of("start_time", start));
    assertThat(code(missing)).isEqualTo(40);
    assertThat(subCode(missing)).isEqualTo("isv.missing-parameter");
    JsonNode noFields = client.call("taobao.bill.bills.get", Map.of("start_time", start, "end_time", end));
    assertThat(code(noFields)).isEqualTo(40);
  }

  @Test
  void pagesByBizTimeOrPayTimeNewestFirstWithExactlyTheRequestedFields() {
    sandbox.generateHistory(300, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(2)));
    List<SandboxBill> truth = sandbox.bills();
    Instant from = NOW.minus(Duration.ofHours(23));
    for (String timeType : List.of("1", "2")) {
      List<JsonNode> seen = new ArrayList<>();
      for (int page = 1; ; page++) {
        JsonNode response = bills(Map.of("start_time", day(from), "end_time", day(NOW), "time_type", timeType,
            "page_no", Integer.toString(page), "page_size", "40"));
        List<JsonNode> lines = list(response);
        seen.addAll(lines);
        if (!response.path("bill_bills_get_response").path("has_next").asBoolean()) {
          break;
        }
      }
      long expected = truth.stream().filter(b -> timeType.equals("1") || b.paid()).count();
      assertThat(seen).hasSize((int) expected);
      assertThat(seen.stream().map(n -> n.path("bid").asLong()).distinct()).hasSize((int) expected);
      String field = timeType.equals("1") ? "biz_time" : "pay_time";
      List<String> times = seen.stream().map(n -> n.path(field).asString()).toList();
      assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
    JsonNode one = list(bills(Map.of("start_time", day(from), "end_time", day(NOW), "time_type", "1",
        "fields", "bid,amount,trade_id"))).get(0);
    assertThat(iterable(one.propertyNames())).containsExactlyInAnyOrder("bid", "amount", "trade_id");
    assertThat(one.path("amount").isIntegralNumber()).isTrue();
    assertThat(one.path("trade_id").isString()).isTrue();
  }

  private static List<String> iterable(java.util.Collection<String> names) {
    return List.copyOf(names);
  }

  @Test
  void atMostFiveThousandLinesCanBeReadPerWindowAndHasNextSaysSo() {
    try (TmallSandbox big = TmallSandbox.start(SandboxConfig.defaults().withSeed(SEED).withClock(clock)
        .withMix(new TradeMix(0, 0, 0, 0, 1, 0, 0, 0)))) {
      big.defaultShop().setAllQuantities(1_000_000);
      big.generateHistory(1_300, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(2)));
      assertThat(big.bills()).hasSizeGreaterThan(5_000);
      TopTestClient bigClient = new TopTestClient(big);
      Map<String, String> params = new HashMap<>(Map.of("fields", "bid", "time_type", "1",
          "start_time", day(NOW.minus(Duration.ofHours(23))), "end_time", day(NOW), "page_size", "100"));
      params.put("page_no", "50");
      JsonNode last = bigClient.call("taobao.bill.bills.get", params).path("bill_bills_get_response");
      assertThat(last.path("total_results").asInt()).isEqualTo(5_000);
      assertThat(last.path("has_next").asBoolean()).isFalse();
      assertThat(last.path("bills").path("bill").size()).isEqualTo(100);
      params.put("page_no", "49");
      assertThat(bigClient.call("taobao.bill.bills.get", params).path("bill_bills_get_response").path("has_next").asBoolean())
          .isTrue();
      params.put("page_no", "51");
      JsonNode beyond = bigClient.call("taobao.bill.bills.get", params).path("bill_bills_get_response");
      assertThat(beyond.path("bills").isMissingNode()).isTrue();
      assertThat(beyond.path("has_next").asBoolean()).isFalse();
    }
  }

  @Test
  void accountsAndTheJournalOfTheVirtualAccount() {
    sandbox.generateHistory(200, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(2)));
    JsonNode accounts = client.call("taobao.bill.accounts.get",
        Map.of("fields", "account_id,account_code,account_name,account_type,related_order,status"))
        .path("bill_accounts_get_response");
    assertThat(accounts.path("total_results").asInt()).isEqualTo(6);
    List<Integer> types = new ArrayList<>();
    accounts.path("accounts").path("account").values().forEach(a -> types.add(a.path("account_type").asInt()));
    assertThat(types).containsExactly(1, 2, 3, 4, 5, 6);
    long commission = sandbox.defaultShop().billAccounts().get(3);
    JsonNode one = client.call("taobao.bill.accounts.get", Map.of("fields", "account_id,account_name", "aids", Long.toString(commission)))
        .path("bill_accounts_get_response");
    assertThat(one.path("accounts").path("account").get(0).path("account_name").asString()).isEqualTo("天猫佣金");

    long virtual = sandbox.defaultShop().billAccounts().get(1);
    String start = day(NOW.minus(Duration.ofDays(2)));
    JsonNode tooLong = client.call("taobao.bill.book.bills.get", Map.of("fields", "bid", "account_id", Long.toString(virtual),
        "start_time", day(NOW.minus(Duration.ofDays(31))), "end_time", day(NOW)));
    assertThat(subCode(tooLong)).isEqualTo("isv.invalid-parameter:end_time");
    JsonNode wrongAccount = client.call("taobao.bill.book.bills.get", Map.of("fields", "bid", "account_id", Long.toString(commission),
        "start_time", start, "end_time", day(NOW)));
    assertThat(subCode(wrongAccount)).isEqualTo("isv.invalid-parameter:account_id");
    JsonNode journal = client.call("taobao.bill.book.bills.get", Map.of("fields", "bid,journal_type,amount,book_time,description",
        "account_id", Long.toString(virtual), "start_time", start, "end_time", day(NOW), "journal_types", "102", "page_size", "100"))
        .path("bill_book_bills_get_response");
    JsonNode first = journal.path("bills").path("book_bill").get(0);
    assertThat(first.path("journal_type").asInt()).isEqualTo(102);
    assertThat(first.path("amount").asLong()).isPositive();
    JsonNode none = client.call("taobao.bill.book.bills.get", Map.of("fields", "bid", "account_id", Long.toString(virtual),
        "start_time", start, "end_time", day(NOW), "journal_types", "101"));
    assertThat(none.path("bill_book_bills_get_response").path("bills").isMissingNode()).isTrue();
  }

  @Test
  void aRefundAfterFinishingIsANegativeLineOnTheTradeAccount() {
    sandbox.generateHistory(200, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(2)));
    SandboxTrade trade = sandbox.trades().stream()
        .filter(t -> t.status().equals("TRADE_FINISHED") && t.lines().get(0).refundStatus().equals("NO_REFUND"))
        .findFirst().orElseThrow();
    SandboxTradeLine line = trade.lines().get(0);
    clock.advance(Duration.ofMinutes(5));
    SandboxRefund refund = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, 1_000L, "质量问题");
    int before = sandbox.defaultShop().bills(trade.tid()).size();
    sandbox.agreeRefund(refund.refundId());

    List<SandboxBill> lines = sandbox.defaultShop().bills(trade.tid());
    assertThat(lines).hasSize(before + 1);
    SandboxBill negative = lines.get(lines.size() - 1);
    assertThat(negative.amountFen()).isEqualTo(-1_000);
    assertThat(negative.accountType()).isEqualTo(2);
    assertThat(negative.oid()).isEqualTo(line.oid());
    assertThat(negative.paid()).isTrue();
    assertThat(negative.bizTime()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void moneyFaultsAddLinesAndAreRecordedThroughJavaAndTheControlApi() {
    sandbox.generateHistory(200, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(2)));
    SandboxTrade trade = sandbox.trades().stream()
        .filter(t -> t.status().equals("TRADE_FINISHED") && t.lines().stream().allMatch(l -> l.refundStatus().equals("NO_REFUND")))
        .findFirst().orElseThrow();
    SandboxMoneyFault fee = sandbox.injectFeeOutOfRate(trade.tid());
    Map<Integer, Long> accounts = sandbox.defaultShop().billAccounts();
    List<SandboxBill> lines = sandbox.defaultShop().bills(trade.tid());
    for (SandboxTradeLine line : trade.lines()) {
      long income = line.divideOrderFeeFen();
      assertThat(amount(lines, accounts.get(3), line.oid())).isEqualTo((income * 1_200 + 5_000) / 10_000);
    }
    assertThat(fee.kind()).isEqualTo(SandboxMoneyFault.Kind.FEE_OUT_OF_RATE);
    assertThat(fee.amountFen()).isEqualTo(fee.billIds().stream()
        .mapToLong(bid -> lines.stream().filter(b -> b.bid() == bid).findFirst().orElseThrow().amountFen()).sum());

    ControlClient control = new ControlClient(sandbox);
    assertThat(control.send("POST", "/control/money/faults/fee-out-of-rate?tid=" + trade.tid(), "").statusCode()).isEqualTo(409);
    JsonNode unknown = control.ok("POST", "/control/money/faults/unknown-trade");
    long tid = unknown.path("tid").asLong();
    assertThat(sandbox.trade(tid)).isEmpty();
    assertThat(unknown.path("kind").asString()).isEqualTo("UNKNOWN_TRADE_SETTLEMENT");
    JsonNode faults = control.ok("GET", "/control/money/faults");
    assertThat(faults.size()).isEqualTo(2);
    assertThat(faults.get(0).path("tid").asLong()).isEqualTo(trade.tid());
    JsonNode unknownLines = control.ok("GET", "/control/money/bills?tid=" + tid);
    assertThat(unknownLines.size()).isEqualTo(1);
    assertThat(unknownLines.get(0).path("paid").asBoolean()).isTrue();
    assertThat(unknownLines.get(0).path("amountFen").asLong()).isEqualTo(unknown.path("amountFen").asLong());
    assertThat(control.ok("GET", "/control/money/bills").size()).isEqualTo(sandbox.bills().size());

    assertThat(control.send("POST", "/control/money/faults/fee-out-of-rate?tid=123", "").statusCode()).isEqualTo(400);
    long unpaid = sandbox.trades().stream().filter(t -> !t.status().equals("TRADE_FINISHED")).findFirst().orElseThrow().tid();
    assertThat(control.send("POST", "/control/money/faults/fee-out-of-rate?tid=" + unpaid, "").statusCode()).isEqualTo(409);
    assertThat(control.send("GET", "/control/money/faults/unknown-trade", "").statusCode()).isEqualTo(405);
    assertThat(control.send("GET", "/control/money/nothing", "").statusCode()).isEqualTo(404);
  }

  @Test
  void aLineIsUnpaidUntilItsPayTimeAndThenShowsItsPayTime() {
    BillLine line = new BillLine(1, 2, 2, 10L, 11L, null, 500, 500, NOW, NOW.plusSeconds(60), "交易收款 10");
    assertThat(line.view(NOW.plusSeconds(59)).paid()).isFalse();
    assertThat(line.view(NOW.plusSeconds(59)).payTime()).isNull();
    assertThat(line.modifiedAt(NOW)).isEqualTo(NOW);
    assertThat(line.view(NOW.plusSeconds(60)).paid()).isTrue();
    assertThat(line.view(NOW.plusSeconds(60)).payTime()).isEqualTo(NOW.plusSeconds(60));
    assertThat(line.modifiedAt(NOW.plusSeconds(61))).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void buyersConfirmShippedTradesByThemselvesAndTheirLinesTurnPaidWithinTheSettlementTime() {
    sandbox.burst(30);
    sandbox.buyersConfirmReceipt(Duration.ofMillis(300), Duration.ofSeconds(20));
    List<Long> shipped = new ArrayList<>();
    for (SandboxTrade trade : sandbox.trades()) {
      if (trade.status().equals("WAIT_SELLER_SEND_GOODS") && shipped.size() < 20) {
        JsonNode sent = client.call("taobao.logistics.offline.send", Map.of("tid", Long.toString(trade.tid()),
            "company_code", "SF", "out_sid", "SF" + (123456789000L + shipped.size())));
        assertThat(sent.has("error_response")).as(sent.toString()).isFalse();
        shipped.add(trade.tid());
      }
    }
    assertThat(shipped).hasSize(20);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shipped.stream()
        .allMatch(tid -> sandbox.trade(tid).orElseThrow().status().equals("TRADE_FINISHED")));
    List<SandboxBill> lines = sandbox.bills();
    assertThat(lines).isNotEmpty().allSatisfy(b -> assertThat(b.bizTime()).isEqualTo(NOW));
    assertThat(lines).noneMatch(SandboxBill::paid);

    clock.advance(Duration.ofSeconds(20));
    long settledTrades = sandbox.bills().stream().filter(SandboxBill::paid).map(SandboxBill::tid).distinct().count();
    assertThat(sandbox.bills()).allSatisfy(b -> assertThat(b.payTime() == null || !b.payTime().isAfter(NOW.plusSeconds(20))).isTrue());
    assertThat(settledTrades).isGreaterThanOrEqualTo(15);

    SandboxTrade waiting = sandbox.trades().stream().filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS")).findFirst().orElseThrow();
    ControlClient control = new ControlClient(sandbox);
    assertThat(control.send("POST", "/control/money/confirm?tid=" + waiting.tid(), "").statusCode()).isEqualTo(409);
  }
}
