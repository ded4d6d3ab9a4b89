package com.tmallbridge.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a JSON body to a group robot's webhook and reads its {@code {"errcode":0,"errmsg":"ok"}}
 * answer (DingTalk and WeCom answer alike). HTTP 2xx with errcode 0 is success; a network
 * failure, HTTP 5xx/429 or a rate-limit errcode is retryable; anything else is not. Thread-safe.
 */
final class WebhookPoster {
  /** Rate-limit errcodes: DingTalk 130101 (20 a minute), WeCom 45009 (API limit). */
  private static final Set<Integer> RATE_LIMITED = Set.of(130_101, 45_009);
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http;
  private final Duration timeout;

  WebhookPoster(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Posts {@code body} as JSON to {@code url}.
   *
   * @param channel the channel's id, for the exception's message
   * @param shownUrl the URL as it may be shown (without its token)
   */
  void post(String channel, URI url, String shownUrl, Map<String, Object> body) throws AlertDeliveryException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AlertDeliveryException(channel + ": " + shownUrl + " not reached: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlertDeliveryException(channel + ": interrupted", false, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new AlertDeliveryException(channel + ": " + shownUrl + " answered HTTP " + status, status >= 500 || status == 429);
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JacksonException e) {
      throw new AlertDeliveryException(channel + ": " + shownUrl + " answered no JSON: " + abbreviated(response.body()), false, e);
    }
    int errcode = answer.path("errcode").isNumber() ? answer.path("errcode").asInt() : -1;
    if (errcode != 0) {
      throw new AlertDeliveryException(channel + ": refused with errcode " + errcode + " (" + answer.path("errmsg").asString("") + ")",
          RATE_LIMITED.contains(errcode) || errcode == -1 && answer.has("errcode"));
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
