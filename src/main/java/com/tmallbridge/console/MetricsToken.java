package com.tmallbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * {@code bridge.console.metrics-token}: a request presents it as {@code Authorization: Bearer <token>}.
 * Compared in constant time. Without a configured token nothing is ever presented.
 */
final class MetricsToken {
  private static final String BEARER = "Bearer ";
  private final byte @Nullable [] expected;

  MetricsToken(@Nullable String token) {
    this.expected = token == null ? null : token.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code request} carries the configured token. */
  boolean presentedBy(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (expected == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return MessageDigest.isEqual(expected, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.US_ASCII));
  }
}
