package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlEndpointTests {
  private ControlClient control;
  private TmallSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withSeed(23).withClock(Clock.systemUTC()));
    control = new ControlClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }



  @Test
  void generateAddsHistoryAndStateCountsItAsTheGroundTruthDoes() {
    JsonNode state = control.ok("POST", "/control/generate?count=300&hours=48", "");

    long paid = sandbox.trades().stream().filter(SandboxTrade::everPaid).count();
    long payment =
        sandbox.trades().stream()
            .filter(SandboxTrade::everPaid)
            .mapToLong(SandboxTrade::paymentFen)
            .sum();
    assertThat(state.path("trades").asInt()).isEqualTo(300);
    assertThat(state.path("paidTrades").asLong()).isEqualTo(paid);
    assertThat(state.path("paymentFen").asLong()).isEqualTo(payment);
    int byStatus = 0;
    for (String status : state.path("byStatus").propertyNames()) {
      byStatus += state.path("byStatus").path(status).asInt();
    }
    assertThat(byStatus).isEqualTo(300);
    assertThat(state.path("byStatus").has("TRADE_CLOSED_BY_TAOBAO")).isTrue();
  }

  @Test
  void burstAndLiveAddTrades() {
    control.ok("POST", "/control/burst?count=50", "");
    JsonNode started = control.ok("POST", "/control/live?count=5&seconds=1", "");

    assertThat(started.path("started").asInt()).isEqualTo(5);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> control.ok("GET", "/control/state", "").path("trades").asInt() == 55);
  }

  @Test
  void faultsCanBeReplacedAndReadBack() {
    JsonNode set =
        control.ok(
            "POST",
            "/control/faults",
            "{\"errorRate\":1.0,\"methodErrorRates\":{\"taobao.item.seller.get\":0.5},\"latencyMillis\":5}");

    assertThat(set.path("errorRate").asDouble()).isEqualTo(1.0);
    assertThat(set.path("banMaxSeconds").asInt()).isEqualTo(2);
    assertThat(
            control.ok("GET", "/control/faults", "")
                .path("methodErrorRates")
                .path("taobao.item.seller.get")
                .asDouble())
        .isEqualTo(0.5);
    assertThat(sandbox.faults().latencyMillis()).isEqualTo(5);
    JsonNode body =
        new TopTestClient(sandbox).call("taobao.items.onsale.get", Map.of("fields", "num_iid"));
    assertThat(body.path("error_response").path("code").asInt()).isIn(10, 15);
    assertThat(
            control.ok("GET", "/control/state", "").path("faultsInjected").path("delayedResponse").asInt())
        .isEqualTo(1);
  }

  @Test
  void credentialsAreServedWithTheGatewayUrl() {
    JsonNode credentials = control.ok("GET", "/control/credentials", "");

    assertThat(credentials.path("url").asString()).isEqualTo(sandbox.url());
    assertThat(credentials.path("appKey").asString()).isEqualTo(sandbox.credentials().appKey());
    assertThat(credentials.path("appSecret").asString())
        .isEqualTo(sandbox.credentials().appSecret());
    assertThat(credentials.path("sessionKey").asString())
        .isEqualTo(sandbox.credentials().sessionKey());
    assertThat(credentials.path("sellerNick").asString())
        .isEqualTo(sandbox.credentials().sellerNick());
  }

  @Test
  void answersMistakesWithHttpStatuses() {
    assertThat(control.send("GET", "/control/nothing", "").statusCode()).isEqualTo(404);
    assertThat(control.send("GET", "/control/burst?count=1", "").statusCode()).isEqualTo(405);
    assertThat(control.send("POST", "/control/state", "").statusCode()).isEqualTo(405);
    assertThat(control.send("POST", "/control/burst", "").statusCode()).isEqualTo(400);
    assertThat(control.send("POST", "/control/generate?count=x", "").statusCode()).isEqualTo(400);
    assertThat(control.send("POST", "/control/faults", "{\"errorRate\":2}").statusCode()).isEqualTo(400);
    assertThat(control.send("POST", "/control/faults", "{not json").statusCode()).isEqualTo(400);
    assertThat(sandbox.trades()).isEmpty();
  }
}
