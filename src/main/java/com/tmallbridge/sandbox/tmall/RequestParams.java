package com.tmallbridge.sandbox.tmall;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one gateway request: the URL query merged with an {@code
 * application/x-www-form-urlencoded} body, both decoded as UTF-8 (the official SDK puts system
 * parameters in the query and business parameters in the body). When a name occurs twice the first
 * occurrence wins, the query before the body.
 */
final class RequestParams {
  private final Map<String, String> values;

  private RequestParams(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Parses and merges query and body.
   *
   * @throws TopError 47 (Invalid encoding) when percent-encoding is malformed
   */
  static RequestParams parse(@Nullable String rawQuery, @Nullable String contentType, byte[] body) {
    Map<String, String> values = new LinkedHashMap<>();
    addPairs(rawQuery, values);
    if (contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      addPairs(new String(body, StandardCharsets.UTF_8), values);
    }
    return new RequestParams(values);
  }

  static RequestParams of(Map<String, String> values) {
    return new RequestParams(new LinkedHashMap<>(values));
  }

  /** The value, or null when absent or empty (TOP treats an empty value as absent). */
  @Nullable String get(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** All parameters as sent, including empty ones. */
  Map<String, String> all() {
    return values;
  }

  private static void addPairs(@Nullable String encoded, Map<String, String> values) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.putIfAbsent(name, value);
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw TopError.platform(
          47, "Invalid encoding", "malformed percent-encoding in '" + text + "'");
    }
  }
}
