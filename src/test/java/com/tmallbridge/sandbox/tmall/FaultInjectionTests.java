package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class FaultInjectionTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String ONSALE = "taobao.items.onsale.get";
  private static final Map<String, String> FIELDS = Map.of("fields", "num_iid");

  private MutableClock clock;
  private TmallSandbox sandbox;
  private TopTestClient client;

  @BeforeEach
  void start() {
    clock = new MutableClock(NOW);
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(17).withClock(clock));
    sandbox.generateHistory(100, NOW.minus(Duration.ofHours(1)), NOW);
    client = new TopTestClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static int code(JsonNode body) {
    return body.path("error_response").path("code").asInt(0);
  }

  @Test
  void injectsServerErrorsAtRoughlyTheConfiguredRate() {
    sandbox.faults(FaultSettings.none().withErrorRate(0.3));
    int errors = 0;
    for (int i = 0; i < 400; i++) {
      JsonNode body = client.call(ONSALE, FIELDS);
      if (code(body) != 0) {
        errors++;
        assertThat(code(body)).isIn(10, 15);
        assertThat(body.path("error_response").path("sub_code").asString()).startsWith("isp.");
      }
    }

    assertThat(errors).isBetween(90, 150);
    Map<String, Long> injected = sandbox.faultsInjected();
    assertThat(injected.get("ispError") + injected.get("serviceUnavailable")).isEqualTo(errors);
    assertThat(sandbox.apiCalls()).containsEntry(ONSALE, 400L);
  }

  @Test
  void aMethodRateOverridesTheOverallRate() {
    sandbox.faults(FaultSettings.none().withErrorRate(1.0).withMethodErrorRate(ONSALE, 0.0));

    assertThat(code(client.call(ONSALE, FIELDS))).isZero();
    assertThat(code(client.call("taobao.trade.fullinfo.get", Map.of("fields", "tid", "tid", "1"))))
        .isIn(10, 15);
  }

  @Test
  void aBanRefusesEveryCallUntilItsSecondsHavePassedOnTheSandboxClock() {
    sandbox.faults(FaultSettings.none().withBans(1.0, 2, 2));

    JsonNode first = client.call(ONSALE, FIELDS);
    clock.advance(Duration.ofMillis(1_200));
    JsonNode during = client.call(ONSALE, FIELDS);
    clock.advance(Duration.ofMillis(900));
    JsonNode after = client.call(ONSALE, FIELDS);

    assertThat(code(first)).isEqualTo(7);
    assertThat(first.path("error_response").path("sub_code").asString())
        .isEqualTo("accesscontrol.limited-by-app-api-access-count");
    assertThat(first.path("error_response").path("sub_msg").asString())
        .isEqualTo("This ban will last for 2 more seconds");
    assertThat(during.path("error_response").path("sub_msg").asString())
        .isEqualTo("This ban will last for 1 more seconds");
    assertThat(after.path("error_response").path("sub_msg").asString())
        .as("the first ban is over, so the certain ban rate starts a new one")
        .isEqualTo("This ban will last for 2 more seconds");
    assertThat(sandbox.faultsInjected())
        .containsEntry("banStarted", 2L)
        .containsEntry("banRefused", 1L);
  }

  @Test
  void replacingTheSettingsLiftsABan() {
    sandbox.faults(FaultSettings.none().withBans(1.0, 2, 2));
    assertThat(code(client.call(ONSALE, FIELDS))).isEqualTo(7);

    sandbox.faults(FaultSettings.none());

    assertThat(code(client.call(ONSALE, FIELDS))).isZero();
  }

  @Test
  void malformedBodiesAreTruncatedJsonOrAnHtml502Page() {
    sandbox.faults(FaultSettings.none().withMalformedRate(1.0));
    int html = 0;
    int truncated = 0;
    for (int i = 0; i < 40; i++) {
      var response = client.send("POST", signed(), FIELDS);
      if (response.statusCode() == 502) {
        html++;
        assertThat(response.body()).contains("502 Bad Gateway");
      } else {
        truncated++;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.parse(response.body()))
            .isInstanceOf(JacksonException.class);
      }
    }

    assertThat(html).isPositive();
    assertThat(truncated).isPositive();
    assertThat(sandbox.faultsInjected())
        .containsEntry("htmlErrorPage", (long) html)
        .containsEntry("truncatedBody", (long) truncated);
  }

  private Map<String, String> signed() {
    Map<String, String> system = client.system(ONSALE, "md5");
    Map<String, String> all = new java.util.HashMap<>(system);
    all.putAll(FIELDS);
    system.put("sign", TopTestClient.sign(all, sandbox.credentials().appSecret(), "md5"));
    return system;
  }

  @Test
  void addsTheConfiguredLatency() {
    sandbox.faults(FaultSettings.none().withLatencyMillis(300));

    long started = System.nanoTime();
    JsonNode body = client.call(ONSALE, FIELDS);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(code(body)).isZero();
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    assertThat(sandbox.faultsInjected().get("delayedResponse")).isEqualTo(1);
  }

  @Test
  void partialListEntriesLackOrdersThatFullinfoStillHas() {
    sandbox.faults(FaultSettings.none().withPartialListRate(1.0));
    JsonNode trades =
        client
            .call(
                "taobao.trades.sold.increment.get",
                Map.of(
                    "fields", "tid,orders",
                    "start_modified", TopTestClient.timestamp(NOW.minus(Duration.ofHours(1))),
                    "end_modified", TopTestClient.timestamp(NOW)))
            .path("trades_sold_increment_get_response")
            .path("trades")
            .path("trade");

    assertThat(trades.size()).isPositive();
    trades.forEach(trade -> assertThat(trade.has("orders")).isFalse());
    JsonNode full =
        client.call(
            "taobao.trade.fullinfo.get",
            Map.of("fields", "tid,orders", "tid", trades.get(0).path("tid").asString()));
    assertThat(
            full.path("trade_fullinfo_get_response")
                .path("trade")
                .path("orders")
                .path("order")
                .size())
        .isPositive();
    assertThat(sandbox.faultsInjected().get("partialList")).isEqualTo(trades.size());
  }

  @Test
  void listsWithoutOrdersAreNotCountedAsPartial() {
    sandbox.faults(FaultSettings.none().withPartialListRate(1.0));

    client.call(
        "taobao.trades.sold.increment.get",
        Map.of(
            "fields", "tid,status",
            "start_modified", TopTestClient.timestamp(NOW.minus(Duration.ofHours(1))),
            "end_modified", TopTestClient.timestamp(NOW)));

    assertThat(sandbox.faultsInjected().get("partialList")).isZero();
  }

  @Test
  void faultSettingsRejectImpossibleValues() {
    assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultSettings.none().withBans(0.1, 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
