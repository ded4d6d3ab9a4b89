package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ShopCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;

/**
 * Sends one signed TOP request over HTTP the way the official Java SDK does: POST to the shop's
 * gateway, system parameters (method, app_key, session, timestamp, v, sign_method, sign, format,
 * simplify, partner_id) in the URL query, business parameters in an {@code
 * application/x-www-form-urlencoded;charset=utf-8} body, {@code Accept-Encoding: gzip}. Does not
 * interpret the answer beyond decoding it to text. Thread-safe.
 */
final class TopTransport {
  static final String API_VERSION = "2.0";
  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8";

  private final HttpClient http;
  private final Duration readTimeout;
  private final Clock clock;
  private final boolean simplify;
  private final String partnerId;

  /** What came back: the HTTP status and the decoded body text. */
  record Answer(int status, String body) {}

  TopTransport(Duration connectTimeout, Duration readTimeout, Clock clock, boolean simplify, String partnerId) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.simplify = simplify;
    this.partnerId = partnerId;
  }

  boolean simplify() {
    return simplify;
  }

  /**
   * Signs and sends the request.
   *
   * @throws TopTransportException on connection, timeout or decoding failures
   * @throws IllegalArgumentException when the shop's sign method or gateway URL is invalid
   */
  Answer send(ShopCredentials shop, TopRequest request) {
    Map<String, String> business = nonEmpty(request.params());
    Map<String, String> system = systemParams(shop, request.method());
    Map<String, String> all = new LinkedHashMap<>(business);
    all.putAll(system);
    system.put("sign", TopSigner.sign(all, shop.appSecret(), shop.signMethod()));
    HttpRequest httpRequest =
        HttpRequest.newBuilder(gatewayUri(shop.gatewayUrl(), system))
            .timeout(readTimeout)
            .header("Content-Type", FORM_CONTENT_TYPE)
            .header("Accept-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(business), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), decode(response));
    } catch (IOException e) {
      throw new TopTransportException(request.method() + " to " + shop.gatewayUrl() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopTransportException(request.method() + " was interrupted", e);
    }
  }

  private Map<String, String> systemParams(ShopCredentials shop, String method) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put("method", method);
    system.put("app_key", shop.appKey());
    system.put("session", shop.sessionKey());
    system.put("timestamp", TopDateTime.format(clock.instant()));
    system.put("v", API_VERSION);
    system.put("sign_method", shop.signMethod().toLowerCase(Locale.ROOT));
    system.put("format", "json");
    if (simplify) {
      system.put("simplify", "true");
    }
    system.put("partner_id", partnerId);
    return nonEmpty(system);
  }

  private static Map<String, String> nonEmpty(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            out.put(name, value);
          }
        });
    return out;
  }

  private static URI gatewayUri(String gatewayUrl, Map<String, String> query) {
    String separator = gatewayUrl.contains("?") ? "&" : "?";
    return URI.create(gatewayUrl + separator + formEncode(query));
  }

  static String formEncode(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (name, value) ->
            joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  private static String decode(HttpResponse<byte[]> response) throws IOException {
    byte[] bytes = response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("");
    if (encoding.toLowerCase(Locale.ROOT).contains("gzip") && bytes.length > 0) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new String(bytes, charsetOf(response));
  }

  private static Charset charsetOf(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    for (String part : type.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
