package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class GatewayProtocolTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");
  private static final String ONSALE = "taobao.items.onsale.get";

  private static TmallSandbox sandbox;
  private static TopTestClient client;

  @BeforeAll
  static void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)));
    client = new TopTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Map<String, String> business() {
    return Map.of("fields", "num_iid,title");
  }

  /** A correct GET with one system parameter changed (null removes it), then signed. */
  private static JsonNode callWith(String name, String value) {
    Map<String, String> params = new LinkedHashMap<>(client.system(ONSALE, "md5"));
    params.putAll(business());
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return client.signedGet(params);
  }

  private static void assertError(JsonNode body, int code) {
    assertThat(body.path("error_response").path("code").asInt())
        .as(body.toString())
        .isEqualTo(code);
    assertThat(body.path("error_response").path("request_id").asString()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "hmac", "hmac-sha256"})
  void acceptsCallsSignedWithEachSignMethod(String signMethod) {
    JsonNode body = client.call(ONSALE, business(), signMethod);

    assertThat(body.path("items_onsale_get_response").path("total_results").asInt()).isPositive();
    assertThat(body.path("items_onsale_get_response").path("request_id").asString()).isNotBlank();
  }

  @Test
  void mergesQueryAndFormBodyBeforeCheckingTheSignature() {
    Map<String, String> system = client.system(ONSALE, "hmac");
    Map<String, String> all = new LinkedHashMap<>(system);
    all.putAll(business());
    system.put("sign", TopTestClient.sign(all, sandbox.credentials().appSecret(), "hmac"));

    var response = client.send("POST", system, business());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json;charset=utf-8");
    assertThat(client.parse(response.body()).has("items_onsale_get_response")).isTrue();
  }

  @Test
  void refusesLowerCaseHttpMethodsWithCode9() {
    var response = client.send("get", client.system(ONSALE, "md5"), Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertError(client.parse(response.body()), 9);
  }

  @Test
  void reportsMissingAndUnknownMethods() {
    assertError(callWith("method", null), 21);
    assertError(callWith("method", "taobao.nothing.get"), 22);
  }

  @Test
  void reportsMissingAndInvalidAppKeys() {
    assertError(callWith("app_key", null), 28);
    JsonNode invalid = callWith("app_key", "11111111");
    assertError(invalid, 29);
  }

  @Test
  void reportsMissingMalformedAndSkewedTimestamps() {
    assertError(callWith("timestamp", null), 30);
    assertError(callWith("timestamp", "2025/11/11 12:00:00"), 31);
    JsonNode skewed =
        callWith("timestamp", TopTestClient.timestamp(NOW.minus(Duration.ofMinutes(11))));
    assertError(skewed, 31);
    assertThat(skewed.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.timestamp-limit-error");
  }

  @Test
  void acceptsTimestampsWithinTenMinutesOfSkew() {
    JsonNode ahead =
        callWith("timestamp", TopTestClient.timestamp(NOW.plus(Duration.ofMinutes(9))));
    JsonNode behind =
        callWith("timestamp", TopTestClient.timestamp(NOW.minus(Duration.ofMinutes(9))));

    assertThat(ahead.has("items_onsale_get_response")).as(ahead.toString()).isTrue();
    assertThat(behind.has("items_onsale_get_response")).as(behind.toString()).isTrue();
  }

  @Test
  void reportsMissingAndUnsupportedVersions() {
    assertError(callWith("v", null), 32);
    assertError(callWith("v", "1.0"), 34);
  }

  @Test
  void answersOnlyJson() {
    assertError(callWith("format", "xml"), 23);
    assertError(callWith("format", null), 23);
  }

  @Test
  void reportsMissingAndInvalidSignatures() {
    Map<String, String> params = new LinkedHashMap<>(client.system(ONSALE, "md5"));
    params.putAll(business());
    assertError(client.parse(client.send("GET", params, Map.of()).body()), 24);

    params.put("sign", "0123456789ABCDEF0123456789ABCDEF");
    assertError(client.parse(client.send("GET", params, Map.of()).body()), 25);
    assertError(callWith("sign_method", "sha1"), 25);
  }

  @Test
  void rejectsAParameterChangedAfterSigning() {
    Map<String, String> system = client.system(ONSALE, "md5");
    Map<String, String> all = new LinkedHashMap<>(system);
    all.putAll(business());
    system.put("sign", TopTestClient.sign(all, sandbox.credentials().appSecret(), "md5"));

    var response = client.send("POST", system, Map.of("fields", "num_iid,title,price"));

    assertError(client.parse(response.body()), 25);
  }

  @Test
  void reportsMissingAndInvalidSessions() {
    assertError(callWith("session", null), 26);
    JsonNode invalid = callWith("session", "6100expired");
    assertError(invalid, 27);
    assertThat(invalid.path("error_response").path("sub_code").asString())
        .isEqualTo("invalid-sessionkey");
  }

  @Test
  void checksTheAppKeyBeforeTheSignature() {
    Map<String, String> params = new LinkedHashMap<>(client.system(ONSALE, "md5"));
    params.put("app_key", "11111111");
    params.put("sign", "BAD");

    assertError(client.parse(client.send("GET", params, Map.of()).body()), 29);
  }

  @Test
  void reportsMissingRequiredBusinessParametersWithCode40() {
    JsonNode body = client.call("taobao.trades.sold.increment.get", Map.of("fields", "tid"));

    assertError(body, 40);
    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.missing-parameter");
    assertThat(body.path("error_response").path("sub_msg").asString()).contains("start_modified");
  }

  @Test
  void reportsInvalidArgumentsWithTheParameterName() {
    JsonNode body = client.call(ONSALE, Map.of("fields", "num_iid", "page_size", "201"));

    assertError(body, 41);
    assertThat(body.path("error_response").path("sub_code").asString())
        .isEqualTo("isv.invalid-parameter:page_size");
  }
}
