package com.tmallbridge.sandbox.tmall;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' own minimal TOP client, written apart from the sandbox's verifier so that the two
 * check each other: system parameters in the query, business parameters in a form body, signed with
 * md5, hmac or hmac-sha256.
 */
final class TopTestClient {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final TmallSandbox sandbox;
  private final String session;

  TopTestClient(TmallSandbox sandbox) {
    this(sandbox, sandbox.credentials().sessionKey());
  }

  /** A client calling with another seller's session key (several shops in one sandbox). */
  TopTestClient(TmallSandbox sandbox, String session) {
    this.sandbox = sandbox;
    this.session = session;
  }

  /** Calls a method signed with md5 and returns the parsed body. */
  JsonNode call(String method, Map<String, String> business) {
    return call(method, business, "md5");
  }

  JsonNode call(String method, Map<String, String> business, String signMethod) {
    Map<String, String> system = system(method, signMethod);
    Map<String, String> all = new LinkedHashMap<>(system);
    all.putAll(business);
    system.put("sign", sign(all, sandbox.credentials().appSecret(), signMethod));
    return parse(send("POST", system, business).body());
  }

  /** System parameters for a correct call, without sign. */
  Map<String, String> system(String method, String signMethod) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put("method", method);
    system.put("app_key", sandbox.credentials().appKey());
    system.put("session", session);
    system.put("timestamp", timestamp(sandbox.clock().instant()));
    system.put("format", "json");
    system.put("v", "2.0");
    system.put("sign_method", signMethod);
    return system;
  }

  /** Signs the given parameters (as they will be sent) and sends them all in the query. */
  JsonNode signedGet(Map<String, String> params) {
    Map<String, String> signed = new LinkedHashMap<>(params);
    String signMethod = params.getOrDefault("sign_method", "md5");
    signed.put("sign", sign(params, sandbox.credentials().appSecret(), signMethod));
    return parse(send("GET", signed, Map.of()).body());
  }

  HttpResponse<String> send(
      String httpMethod, Map<String, String> query, Map<String, String> form) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.url() + "?" + encode(query)))
            .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
            .method(httpMethod, HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode parse(String body) {
    return json.readTree(body);
  }

  static String timestamp(java.time.Instant instant) {
    return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.ofHours(8)));
  }

  /** TOP signing, independently written: sorted non-empty pairs, digest, upper-case hex. */
  static String sign(Map<String, String> params, String secret, String signMethod) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(params)
        .forEach(
            (k, v) -> {
              if (!k.equals("sign") && !v.isEmpty()) {
                text.append(k).append(v);
              }
            });
    try {
      byte[] digest;
      if (signMethod.equals("md5")) {
        digest =
            MessageDigest.getInstance("MD5")
                .digest((secret + text + secret).getBytes(StandardCharsets.UTF_8));
      } else {
        String algorithm = signMethod.equals("hmac") ? "HmacMD5" : "HmacSHA256";
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        digest = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02X", b));
      }
      return hex.toString();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
