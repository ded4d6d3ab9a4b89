package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ControlEndpointTests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private TmallSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withSeed(23).withClock(Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode ok(String method, String path, String body) {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(HttpReply.JSON);
    return json.readTree(response.body());
  }

  @Test
  void generateAddsHistoryAndStateCountsItAsTheGroundTruthDoes() {
    JsonNode state = ok("POST", "/control/generate?count=300&hours=48", "");

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
    ok("POST", "/control/burst?count=50", "");
    JsonNode started = ok("POST", "/control/live?count=5&seconds=1", "");

    assertThat(started.path("started").asInt()).isEqualTo(5);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ok("GET", "/control/state", "").path("trades").asInt() == 55);
  }

  @Test
  void faultsCanBeReplacedAndReadBack() {
    JsonNode set =
        ok(
            "POST",
            "/control/faults",
            "{\"errorRate\":1.0,\"methodErrorRates\":{\"taobao.item.seller.get\":0.5},\"latencyMillis\":5}");

    assertThat(set.path("errorRate").asDouble()).isEqualTo(1.0);
    assertThat(set.path("banMaxSeconds").asInt()).isEqualTo(2);
    assertThat(
            ok("GET", "/control/faults", "")
                .path("methodErrorRates")
                .path("taobao.item.seller.get")
                .asDouble())
        .isEqualTo(0.5);
    assertThat(sandbox.faults().latencyMillis()).isEqualTo(5);
    JsonNode body =
        new TopTestClient(sandbox).call("taobao.items.onsale.get", Map.of("fields", "num_iid"));
    assertThat(body.path("error_response").path("code").asInt()).isIn(10, 15);
    assertThat(
            ok("GET", "/control/state", "").path("faultsInjected").path("delayedResponse").asInt())
        .isEqualTo(1);
  }

  @Test
  void credentialsAreServedWithTheGatewayUrl() {
    JsonNode credentials = ok("GET", "/control/credentials", "");

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
    assertThat(send("GET", "/control/nothing", "").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/control/burst?count=1", "").statusCode()).isEqualTo(405);
    assertThat(send("POST", "/control/state", "").statusCode()).isEqualTo(405);
    assertThat(send("POST", "/control/burst", "").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/control/generate?count=x", "").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/control/faults", "{\"errorRate\":2}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/control/faults", "{not json").statusCode()).isEqualTo(400);
    assertThat(sandbox.trades()).isEmpty();
  }
}
