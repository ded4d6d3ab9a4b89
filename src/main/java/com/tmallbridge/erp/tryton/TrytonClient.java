package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transport to Tryton's JSON-RPC API, nothing else: {@code POST /<database>/} with {@code
 * {"id","method","params"}}; a session from {@code common.db.login} sent as {@code Authorization:
 * Session base64(login:userId:key)}; the user's company (from {@code res.user.get_preferences}) as
 * the context every model call ends with. On HTTP 401 (session expired or cleared) it logs in again
 * once and repeats the call; a 401 before the server ran the call means repeating it is safe.
 * Failures become {@link ConnectorException}s classified as retryable or permanent; it never
 * sleeps or retries otherwise. Thread-safe.
 */
class TrytonClient {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final TrytonProperties properties;
  private final HttpClient http;
  private final URI endpoint;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong logins = new AtomicLong();
  private final Object loginLock = new Object();
  private volatile @Nullable Session session;

  /** A logged-in session and the context that goes with it. */
  record Session(String authorization, Map<String, Object> context) {}

  TrytonClient(TrytonProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    String base = properties.url().toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + properties.database() + "/");
  }

  /**
   * Calls {@code model.<model>.<method>} with {@code args} and the session's context.
   *
   * @throws ConnectorException retryable for I/O, timeouts, 5xx, 429, locks and concurrent
   *     updates; permanent for refused logins, user and validation errors and other server faults
   */
  JsonNode call(String model, String method, List<?> args) {
    return call(model, method, Map.of(), args);
  }

  /** As {@link #call(String, String, List)} with {@code extraContext} merged into the context. */
  JsonNode call(String model, String method, Map<String, ?> extraContext, List<?> args) {
    Session current = session();
    try {
      return post("model." + model + "." + method, params(args, current, extraContext), current.authorization());
    } catch (SessionExpired e) {
      Session renewed = renew(current);
      try {
        return post("model." + model + "." + method, params(args, renewed, extraContext), renewed.authorization());
      } catch (SessionExpired again) {
        throw new ConnectorException(TrytonErrorCode.LOGIN_REFUSED, false,
            "Tryton refused the fresh session of user '" + properties.user() + "' (HTTP 401)");
      }
    }
  }

  /** Positional arguments of a call; unlike {@code List.of} they may hold {@code null} (e.g. no limit). */
  static List<@Nullable Object> args(@Nullable Object... values) {
    return java.util.Arrays.asList(values);
  }

  /** How many times this client logged in (for tests and diagnostics). */
  long logins() {
    return logins.get();
  }

  /** The company id of the session's context. */
  long company() {
    Object company = session().context().get("company");
    return company instanceof Number n ? n.longValue() : 0;
  }

  private Session session() {
    Session current = session;
    return current != null ? current : renew(null);
  }

  private Session renew(@Nullable Session stale) {
    synchronized (loginLock) {
      Session current = session;
      if (current != null && current != stale) {
        return current;
      }
      Session fresh = login();
      session = fresh;
      return fresh;
    }
  }

  private Session login() {
    JsonNode result;
    try {
      result = post("common.db.login", List.of(properties.user(), Map.of("password", properties.password()), "en"), null);
    } catch (SessionExpired e) {
      throw new ConnectorException(TrytonErrorCode.LOGIN_REFUSED, false,
          "Tryton refused the login of user '" + properties.user() + "' to database '" + properties.database() + "'");
    }
    logins.incrementAndGet();
    String token = properties.user() + ":" + result.get(0).asLong() + ":" + result.get(1).asString();
    String authorization = "Session " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    JsonNode preferences;
    try {
      preferences = post("model.res.user.get_preferences", List.of(properties.company() == null, Map.of()), authorization);
    } catch (SessionExpired e) {
      throw new ConnectorException(TrytonErrorCode.LOGIN_REFUSED, false, "Tryton refused a session it just opened");
    }
    JsonNode company = preferences.get("company");
    if (company == null || !company.isNumber()) {
      throw new ConnectorException(TrytonErrorCode.LOGIN_REFUSED, false,
          "Tryton user '" + properties.user() + "' has no current company");
    }
    long companyId = company.asLong();
    if (properties.company() != null) {
      companyId = properties.company();
      boolean allowed = companyId == company.asLong();
      for (JsonNode c : preferences.path("companies")) {
        allowed |= c.asLong() == companyId;
      }
      if (!allowed) {
        throw new ConnectorException(TrytonErrorCode.LOGIN_REFUSED, false, "Tryton user '" + properties.user()
            + "' may not work in company " + companyId + " (bridge.erp.tryton.company): add it to the user's companies in Tryton");
      }
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("company", companyId);
    context.put("language", "en");
    return new Session(authorization, Map.copyOf(context));
  }

  private static List<Object> params(List<?> args, Session session, Map<String, ?> extraContext) {
    List<Object> params = new ArrayList<>(args);
    Map<String, Object> context = new LinkedHashMap<>(session.context());
    context.putAll(extraContext);
    params.add(context);
    return params;
  }

  private JsonNode post(String method, List<?> params, @Nullable String authorization) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", ids.incrementAndGet());
    body.put("method", method);
    body.put("params", params);
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(properties.readTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = send(method, request.build());
    int status = response.statusCode();
    if (status == 401) {
      throw new SessionExpired();
    }
    if (status == 429 || status >= 500) {
      throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "Tryton " + method + " answered HTTP " + status);
    }
    if (status != 200) {
      throw new ConnectorException(status == 403 || status == 404 ? TrytonErrorCode.LOGIN_REFUSED : TrytonErrorCode.SERVER_FAULT, false,
          "Tryton " + method + " answered HTTP " + status + (status == 404 ? " (unknown database?)" : ""));
    }
    JsonNode reply;
    try {
      reply = JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new ConnectorException(TrytonErrorCode.SERVER_FAULT, false, "Tryton " + method + " answered no JSON", e);
    }
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      throw failure(method, error);
    }
    JsonNode result = reply.get("result");
    if (result == null) {
      throw new ConnectorException(TrytonErrorCode.SERVER_FAULT, false, "Tryton " + method + " answered neither result nor error");
    }
    return result;
  }

  private HttpResponse<String> send(String method, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "Tryton " + method + " timed out", e);
    } catch (IOException e) {
      throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "Tryton " + method + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "interrupted while calling Tryton " + method, e);
    }
  }

  /**
   * Classifies a JSON-RPC error. Tryton's own exceptions arrive as {@code [name, args]}: {@code
   * UserError} (also validation and access errors) and {@code UserWarning} are permanent, {@code
   * ConcurrencyException} and rate limits retryable. Any other exception arrives as {@code [text,
   * traceback]}; database locks and operational errors (SQLite's "database is locked", PostgreSQL's
   * serialization failures and deadlocks, which the dispatcher already retried) are retryable, the
   * rest are server faults.
   */
  static ConnectorException failure(String method, JsonNode error) {
    String name = error.isArray() && !error.isEmpty() ? error.get(0).asString("") : error.toString();
    JsonNode args = error.isArray() && error.size() > 1 ? error.get(1) : null;
    String detail = args == null ? "" : args.isArray() && !args.isEmpty() ? args.get(0).asString(args.toString()) : args.asString("");
    switch (name) {
      case "UserError", "UserWarning", "AccessError", "LoginException" -> {
        return new ConnectorException(TrytonErrorCode.REJECTED, false, "Tryton refused " + method + ": " + firstLine(detail));
      }
      case "ConcurrencyException", "RateLimitException" -> {
        return new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "Tryton " + method + ": " + name + " " + firstLine(detail));
      }
      default -> {
        String text = (name + " " + detail).toLowerCase(java.util.Locale.ROOT);
        boolean transientFault = text.contains("database is locked") || text.contains("databaseoperationalerror")
            || text.contains("could not serialize") || text.contains("deadlock") || text.contains("lock not available")
            || text.contains("timeout");
        return new ConnectorException(transientFault ? TrytonErrorCode.UNAVAILABLE : TrytonErrorCode.SERVER_FAULT, transientFault,
            "Tryton " + method + " failed: " + firstLine(name));
      }
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** HTTP 401: the session is unknown or expired (or, for the login itself, the credentials are wrong). */
  private static final class SessionExpired extends RuntimeException {
    SessionExpired() {
      super(null, null, false, false);
    }
  }
}
