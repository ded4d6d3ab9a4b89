package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TradeIncrementTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String INCREMENT = "taobao.trades.sold.increment.get";
  private static final Comparator<SandboxTrade> TOP_ORDER =
      Comparator.comparing(SandboxTrade::modified).reversed().thenComparingLong(SandboxTrade::tid);

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    TradeMix mix = TradeMix.defaults().withTypeRates(0.1, 0.05);
    sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults().withSeed(7).withMix(mix).withClock(new MutableClock(NOW)));
    sandbox.generateHistory(3_000, NOW.minus(Duration.ofDays(2)), NOW);
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Map<String, String> window(Instant from, Instant to) {
    Map<String, String> params = new HashMap<>();
    params.put("fields", "tid,status,type,modified");
    params.put("start_modified", TopTestClient.timestamp(from));
    params.put("end_modified", TopTestClient.timestamp(to));
    return params;
  }

  private static JsonNode response(Map<String, String> params) {
    JsonNode body = client.call(INCREMENT, params);
    assertThat(body.has("trades_sold_increment_get_response")).as(body.toString()).isTrue();
    return body.path("trades_sold_increment_get_response");
  }

  private static List<Long> tids(JsonNode response) {
    List<Long> tids = new ArrayList<>();
    response.path("trades").path("trade").forEach(trade -> tids.add(trade.path("tid").asLong()));
    return tids;
  }

  private static List<Long> expected(Instant from, Instant to, Predicate<SandboxTrade> filter) {
    return sandbox.trades().stream()
        .filter(t -> !t.modified().isBefore(from) && !t.modified().isAfter(to))
        .filter(filter)
        .sorted(TOP_ORDER)
        .map(SandboxTrade::tid)
        .toList();
  }

  private static Predicate<SandboxTrade> defaultTypes() {
    return t -> Set.of("fixed", "step").contains(t.type());
  }

  @Test
  void pagesConcatenatedAreTheWholeWindowInTopOrder() {
    Instant from = NOW.minus(Duration.ofHours(6));
    List<Long> read = new ArrayList<>();
    int total = -1;
    for (int page = 1; page < 100; page++) {
      Map<String, String> params = window(from, NOW);
      params.put("page_no", String.valueOf(page));
      params.put("page_size", "50");
      JsonNode response = response(params);
      total = response.path("total_results").asInt();
      List<Long> tids = tids(response);
      read.addAll(tids);
      if (tids.size() < 50) {
        break;
      }
    }

    List<Long> expected = expected(from, NOW, defaultTypes());
    assertThat(expected).hasSizeGreaterThan(200);
    assertThat(read).containsExactlyElementsOf(expected);
    assertThat(total).isEqualTo(expected.size());
  }

  @Test
  void readingFromTheLastPageBackwardsGivesTheSameTrades() {
    Instant from = NOW.minus(Duration.ofHours(3));
    int total = response(window(from, NOW)).path("total_results").asInt();
    int pages = (total + 39) / 40;
    List<Long> read = new ArrayList<>();
    for (int page = pages; page >= 1; page--) {
      Map<String, String> params = window(from, NOW);
      params.put("page_no", String.valueOf(page));
      read.addAll(0, tids(response(params)));
    }

    assertThat(read).containsExactlyElementsOf(expected(from, NOW, defaultTypes()));
  }

  @Test
  void hasNextReplacesTotalResults() {
    Instant from = NOW.minus(Duration.ofHours(2));
    int total = expected(from, NOW, defaultTypes()).size();
    int lastPage = (total + 19) / 20;
    Map<String, String> params = window(from, NOW);
    params.put("use_has_next", "true");
    params.put("page_size", "20");

    JsonNode first = response(params);
    params.put("page_no", String.valueOf(lastPage));
    JsonNode last = response(params);

    assertThat(first.has("total_results")).isFalse();
    assertThat(first.path("has_next").asBoolean()).isTrue();
    assertThat(last.path("has_next").asBoolean()).isFalse();
    assertThat(tids(last)).hasSize(total - (lastPage - 1) * 20);
  }

  @Test
  void boundsAreInclusiveAtSecondPrecision() {
    SandboxTrade trade = sandbox.trades().get(100);
    Map<String, String> params = window(trade.modified(), trade.modified().plusSeconds(1));
    params.put("type", trade.type());

    assertThat(tids(response(params))).contains(trade.tid());
    Map<String, String> before =
        window(trade.modified().minusSeconds(60), trade.modified().minusSeconds(1));
    before.put("type", trade.type());
    assertThat(tids(response(before))).doesNotContain(trade.tid());
  }

  @Test
  void filtersByStatusIncludingAggregates() {
    Instant from = NOW.minus(Duration.ofHours(20));
    Map<String, String> paid = window(from, NOW);
    paid.put("status", "WAIT_SELLER_SEND_GOODS");
    paid.put("page_size", "100");
    Map<String, String> closed = window(from, NOW);
    closed.put("status", "ALL_CLOSED");
    closed.put("page_size", "100");

    assertThat(tids(response(paid)))
        .containsExactlyElementsOf(
            expected(
                    from, NOW, defaultTypes().and(t -> t.status().equals("WAIT_SELLER_SEND_GOODS")))
                .stream()
                .limit(100)
                .toList());
    assertThat(response(closed).path("total_results").asInt())
        .isEqualTo(
            expected(from, NOW, defaultTypes().and(t -> t.status().startsWith("TRADE_CLOSED")))
                .size());
  }

  @Test
  void leavesTmallI18nTradesOutUnlessTheTypeIsListed() {
    Instant from = NOW.minus(Duration.ofHours(20));
    Map<String, String> i18n = window(from, NOW);
    i18n.put("type", "tmall_i18n");
    Map<String, String> all = window(from, NOW);
    all.put("type", "guarantee_trade,tmall_i18n,step,auto_delivery");

    int i18nCount = expected(from, NOW, t -> t.type().equals("tmall_i18n")).size();
    assertThat(i18nCount).isPositive();
    assertThat(response(i18n).path("total_results").asInt()).isEqualTo(i18nCount);
    assertThat(response(window(from, NOW)).path("total_results").asInt())
        .isEqualTo(expected(from, NOW, defaultTypes()).size());
    assertThat(response(all).path("total_results").asInt())
        .isEqualTo(expected(from, NOW, t -> true).size());
  }

  @Test
  void aPageBeyondTheEndHasNoTradesList() {
    Map<String, String> params = window(NOW.minus(Duration.ofHours(1)), NOW);
    params.put("page_no", "1000");

    JsonNode response = response(params);

    assertThat(response.has("trades")).isFalse();
    assertThat(response.path("total_results").asInt()).isPositive();
  }

  @Test
  void rejectsWindowsLongerThanADay() {
    JsonNode body =
        client.call(INCREMENT, window(NOW.minus(Duration.ofHours(24)).minusSeconds(1), NOW));

    assertThat(body.path("error_response").path("code").asInt()).isEqualTo(15);
    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:end_modified");
    assertThat(
            client
                .call(INCREMENT, window(NOW.minus(Duration.ofDays(1)), NOW))
                .has("error_response"))
        .isFalse();
  }

  @Test
  void rejectsStartsOlderThanThreeMonths() {
    Instant old = NOW.minus(Duration.ofDays(93));
    JsonNode body = client.call(INCREMENT, window(old, old.plus(Duration.ofHours(1))));

    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:start_modified");
  }

  @Test
  void rejectsAnEndThatIsNotAfterTheStart() {
    JsonNode body = client.call(INCREMENT, window(NOW, NOW));

    assertThat(body.path("error_response").path("code").asInt()).isEqualTo(15);
  }

  @Test
  void rejectsUnknownStatusesAndMalformedDates() {
    Map<String, String> status = window(NOW.minus(Duration.ofHours(1)), NOW);
    status.put("status", "PAID");
    Map<String, String> date = window(NOW.minus(Duration.ofHours(1)), NOW);
    date.put("start_modified", "2025-11-11T10:00:00");

    assertThat(client.call(INCREMENT, status).path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:status");
    assertThat(client.call(INCREMENT, date).path("error_response").path("code").asInt())
        .isEqualTo(41);
  }
}
