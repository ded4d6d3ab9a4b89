package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TradeSoldTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String SOLD = "taobao.trades.sold.get";

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults()
                .withSeed(5)
                .withClock(new MutableClock(NOW))
                .withMix(TradeMix.defaults().withTypeRates(0, 0.02)));
    sandbox.generateHistory(300, NOW.minus(Duration.ofDays(120)), NOW.minus(Duration.ofDays(95)));
    sandbox.generateHistory(600, NOW.minus(Duration.ofDays(3)), NOW);
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<Long> readAll(Map<String, String> params) {
    List<Long> tids = new ArrayList<>();
    for (int page = 1; ; page++) {
      Map<String, String> paged = new java.util.HashMap<>(params);
      paged.put("page_no", String.valueOf(page));
      paged.put("page_size", "100");
      JsonNode trades =
          client.call(SOLD, paged).path("trades_sold_get_response").path("trades").path("trade");
      trades.forEach(trade -> tids.add(trade.path("tid").asLong()));
      if (trades.size() < 100) {
        return tids;
      }
    }
  }

  @Test
  void selectsByCreatedAndSortsNewestFirst() {
    Instant from = NOW.minus(Duration.ofDays(2));
    Instant to = NOW.minus(Duration.ofDays(1));

    List<Long> read =
        readAll(
            Map.of(
                "fields",
                "tid,created",
                "start_created",
                TopTestClient.timestamp(from),
                "end_created",
                TopTestClient.timestamp(to)));

    List<Long> expected =
        sandbox.trades().stream()
            .filter(t -> !t.created().isBefore(from) && !t.created().isAfter(to))
            .sorted(
                Comparator.comparing(SandboxTrade::created)
                    .reversed()
                    .thenComparingLong(SandboxTrade::tid))
            .map(SandboxTrade::tid)
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(read).containsExactlyElementsOf(expected);
  }

  @Test
  void withoutAWindowReturnsOnlyTheLastThreeMonths() {
    JsonNode response = client.call(SOLD, Map.of("fields", "tid")).path("trades_sold_get_response");

    assertThat(response.path("total_results").asInt()).isEqualTo(600);
  }

  @Test
  void clampsAStartOlderThanThreeMonthsToTheHorizon() {
    JsonNode response =
        client
            .call(
                SOLD,
                Map.of(
                    "fields",
                    "tid",
                    "start_created",
                    TopTestClient.timestamp(NOW.minus(Duration.ofDays(200)))))
            .path("trades_sold_get_response");

    assertThat(response.path("total_results").asInt()).isEqualTo(600);
  }

  @Test
  void aWindowEndingBeforeTheHorizonIsEmpty() {
    JsonNode response =
        client
            .call(
                SOLD,
                Map.of(
                    "fields", "tid",
                    "end_created", TopTestClient.timestamp(NOW.minus(Duration.ofDays(100)))))
            .path("trades_sold_get_response");

    assertThat(response.path("total_results").asInt()).isZero();
    assertThat(response.has("trades")).isFalse();
  }

  @Test
  void rejectsAnEndBeforeTheStart() {
    JsonNode body =
        client.call(
            SOLD,
            Map.of(
                "fields",
                "tid",
                "start_created",
                TopTestClient.timestamp(NOW),
                "end_created",
                TopTestClient.timestamp(NOW.minusSeconds(1))));

    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:end_created");
  }

  @Test
  void refusesFiltersItDoesNotSimulate() {
    JsonNode body = client.call(SOLD, Map.of("fields", "tid", "buyer_nick", "t**1"));

    assertThat(body.path("error_response").path("code").asInt()).isEqualTo(41);
    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:buyer_nick");
  }
}
