package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LiveGenerationTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  @Test
  void liveTradesAreCreatedThenPaidOrClosedWithinTheSpan() throws InterruptedException {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(Clock.systemUTC()))) {
      Instant started = Instant.now().minusSeconds(1);
      LiveRun run = sandbox.generateLive(40, Duration.ofSeconds(2));

      await().atMost(Duration.ofSeconds(20)).until(run::isDone);

      assertThat(run.awaitDone(Duration.ZERO)).isTrue();
      assertThat(run.completed()).isEqualTo(40);
      List<SandboxTrade> trades = sandbox.trades();
      assertThat(trades).hasSize(40);
      assertThat(trades)
          .allSatisfy(
              trade -> {
                assertThat(trade.created()).isAfterOrEqualTo(started.minusSeconds(1));
                assertThat(trade.modified())
                    .isAfterOrEqualTo(trade.created())
                    .isBeforeOrEqualTo(Instant.now());
                assertThat(trade.status())
                    .isIn("WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "TRADE_CLOSED_BY_TAOBAO");
                assertThat(trade.everPaid())
                    .isEqualTo(trade.status().equals("WAIT_SELLER_SEND_GOODS"));
              });
      assertThat(trades).filteredOn(SandboxTrade::everPaid).hasSizeGreaterThan(20);
    }
  }

  @Test
  void liveTradesCanBeReadOverHttpWhileTheyArrive() {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(Clock.systemUTC()))) {
      TopTestClient client = new TopTestClient(sandbox);
      LiveRun run = sandbox.generateLive(10, Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(20)).until(run::isDone);

      Instant now = Instant.now();
      JsonNode response =
          client
              .call(
                  "taobao.trades.sold.increment.get",
                  Map.of(
                      "fields", "tid,status",
                      "start_modified", TopTestClient.timestamp(now.minusSeconds(120)),
                      "end_modified", TopTestClient.timestamp(now.plusSeconds(1))))
              .path("trades_sold_increment_get_response");

      assertThat(response.path("total_results").asInt()).isEqualTo(10);
    }
  }

  @Test
  void aBurstCreatesTradesPaidWithinTheLastMinutes() {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      sandbox.burst(500);

      assertThat(sandbox.trades())
          .hasSize(500)
          .allSatisfy(
              trade -> {
                assertThat(trade.status()).isEqualTo("WAIT_SELLER_SEND_GOODS");
                assertThat(trade.created())
                    .isBetween(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1), NOW);
                assertThat(trade.payTime()).isBetween(trade.created(), NOW);
                assertThat(Duration.between(trade.created(), trade.payTime()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(60));
              });
    }
  }

  @Test
  void historyNeedsAWindowBeforeNow() {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      assertThatThrownBy(() -> sandbox.generateHistory(10, NOW, NOW.plusSeconds(60)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sandbox.generateHistory(-1, NOW.minusSeconds(60), NOW))
          .isInstanceOf(IllegalArgumentException.class);
      sandbox.generateHistory(10, NOW.minusSeconds(60), NOW.plusSeconds(3_600));
      assertThat(sandbox.trades()).allMatch(t -> !t.modified().isAfter(NOW));
    }
  }
}
