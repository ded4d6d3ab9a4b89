package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's protocol checks, in TOP's order: method (21/22), app key (28/29), timestamp and ±10
 * minutes of skew against the sandbox clock (30/31), version (32/34), format (23: the sandbox
 * answers JSON only), signature (24/25), session (26/27). Every shop of the sandbox is a seller who
 * authorised the same app, so the app key and secret are shared and the session names the seller.
 * Thread-safe.
 */
final class RequestVerifier {
  private static final Duration MAX_SKEW = Duration.ofMinutes(10);

  private final SandboxCredentials credentials;
  private final Clock clock;
  private final Set<String> methods;
  private final Predicate<String> knownSession;

  /**
   * @param credentials the app key and secret (of the default shop; shared by every shop)
   * @param knownSession whether a session key belongs to a shop of the sandbox
   */
  RequestVerifier(
      SandboxCredentials credentials,
      Clock clock,
      Set<String> methods,
      Predicate<String> knownSession) {
    this.credentials = credentials;
    this.clock = clock;
    this.methods = Set.copyOf(methods);
    this.knownSession = knownSession;
  }

  /** Passes silently or throws the first failing check as a {@link TopError}. */
  void verify(RequestParams params) {
    checkMethod(params.get("method"));
    checkAppKey(params.get("app_key"));
    checkTimestamp(params.get("timestamp"));
    checkVersion(params.get("v"));
    checkFormat(params.get("format"));
    checkSignature(params);
    if (params.get("session") != null || !SESSIONLESS.contains(params.get("method"))) {
      checkSession(params.get("session"));
    }
  }

  /** App-level methods TOP serves without a seller session (a session given is still checked). */
  private static final Set<String> SESSIONLESS = Set.copyOf(SandboxShop.APP_METHODS);

  private void checkMethod(@Nullable String method) {
    if (method == null) {
      throw TopError.platform(21, "Missing Method", "parameter method is required");
    }
    if (!methods.contains(method)) {
      throw TopError.platform(22, "Invalid Method", "the sandbox does not serve " + method);
    }
  }

  private void checkAppKey(@Nullable String appKey) {
    if (appKey == null) {
      throw TopError.platform(28, "Missing App Key", "parameter app_key is required");
    }
    if (!appKey.equals(credentials.appKey())) {
      throw TopError.of(
          29, "Invalid App Key", "isv.appkey-not-exists", "unknown app_key " + appKey);
    }
  }

  private void checkTimestamp(@Nullable String timestamp) {
    if (timestamp == null) {
      throw TopError.platform(30, "Missing Timestamp", "parameter timestamp is required");
    }
    Instant sent;
    try {
      sent = TopTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw TopError.platform(
          31, "Invalid Timestamp", "timestamp must be yyyy-MM-dd HH:mm:ss in GMT+8: " + timestamp);
    }
    Duration skew = Duration.between(sent, clock.instant()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      throw TopError.of(
          31,
          "Invalid Timestamp",
          "isv.timestamp-limit-error",
          "timestamp "
              + timestamp
              + " differs from server time "
              + TopTime.format(clock.instant())
              + " by more than 10 minutes");
    }
  }

  private static void checkVersion(@Nullable String version) {
    if (version == null) {
      throw TopError.platform(32, "Missing Version", "parameter v is required");
    }
    if (!"2.0".equals(version)) {
      throw TopError.platform(34, "Unsupported Version", "only v=2.0 is supported, got " + version);
    }
  }

  private static void checkFormat(@Nullable String format) {
    if (!"json".equals(format)) {
      throw TopError.platform(
          23,
          "Invalid Format",
          "the sandbox answers only format=json (got "
              + (format == null ? "none, i.e. xml" : format)
              + ")");
    }
  }

  private void checkSignature(RequestParams params) {
    String sign = params.get("sign");
    if (sign == null) {
      throw TopError.platform(24, "Missing Signature", "parameter sign is required");
    }
    String signMethod = params.get("sign_method");
    String method = signMethod == null ? "md5" : signMethod;
    if (!SignatureVerifier.supports(method)) {
      throw TopError.platform(25, "Invalid Signature", "unsupported sign_method " + method);
    }
    if (!SignatureVerifier.verify(params.all(), credentials.appSecret(), method, sign)) {
      throw TopError.platform(25, "Invalid Signature", "sign does not match (" + method + ")");
    }
  }

  private void checkSession(@Nullable String session) {
    if (session == null) {
      throw TopError.platform(26, "Missing Session", "this method needs the seller's session");
    }
    if (!knownSession.test(session)) {
      throw TopError.of(
          27, "Invalid session", "invalid-sessionkey", "session key is invalid or expired");
    }
  }
}
