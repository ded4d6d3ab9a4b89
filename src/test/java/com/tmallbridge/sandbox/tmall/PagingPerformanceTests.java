package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scale checks: a shop of 100,000 trades is generated and paged through completely and in TOP's
 * order. Times are printed, never asserted; bench/ measures speed.
 */
class PagingPerformanceTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  @Test
  void generatesOneHundredThousandTradesOfHistoryInSeconds() {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      long started = System.nanoTime();
      sandbox.generateHistory(100_000, NOW.minus(Duration.ofDays(30)), NOW);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(sandbox.state().trades()).isEqualTo(100_000);
      System.out.println("generated 100,000 trades of history in " + took.toMillis() + " ms");
    }
  }

  @Test
  void pagesThroughOneHundredThousandTradesInOneThirtyMinuteWindow() {
    SandboxConfig config =
        SandboxConfig.defaults()
            .withClock(new MutableClock(NOW))
            .withBurstWindow(Duration.ofMinutes(29))
            .withMix(TradeMix.defaults().withTypeRates(0, 0.02));
    try (TmallSandbox sandbox = TmallSandbox.start(config)) {
      sandbox.burst(100_000);
      TopTestClient client = new TopTestClient(sandbox);
      Set<Long> seen = new HashSet<>();
      String previous = "9999-12-31 23:59:59";
      long started = System.nanoTime();
      for (int page = 1; page <= 1_000; page++) {
        JsonNode response =
            client
                .call(
                    "taobao.trades.sold.increment.get",
                    Map.of(
                        "fields",
                        "tid,modified",
                        "start_modified",
                        TopTestClient.timestamp(NOW.minus(Duration.ofMinutes(30))),
                        "end_modified",
                        TopTestClient.timestamp(NOW),
                        "page_no",
                        Integer.toString(page),
                        "page_size",
                        "100",
                        "use_has_next",
                        "true"))
                .path("trades_sold_increment_get_response");
        for (JsonNode trade : response.path("trades").path("trade")) {
          assertThat(seen.add(trade.path("tid").asLong())).isTrue();
          assertThat(trade.path("modified").asString()).isLessThanOrEqualTo(previous);
          previous = trade.path("modified").asString();
        }
        assertThat(response.path("has_next").asBoolean()).isEqualTo(page < 1_000);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(seen).hasSize(100_000);
      System.out.println("paged through 100,000 trades in " + took.toMillis() + " ms");
    }
  }
}
