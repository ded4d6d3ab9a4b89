package com.tmallbridge.sandbox.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberately small JSON-RPC client for driving a Tryton server from the sandbox side: setting
 * up a database and playing the merchant's warehouse in tests. Logs in once ({@code
 * common.db.login}) and sends {@code Authorization: Session base64(login:id:key)}; model calls get
 * the user's preferences as context. Errors become {@link IllegalStateException}s; nothing is
 * retried. Thread-safe after {@link #login()}.
 */
public final class TrytonRpc {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI server;
  private final URI endpoint;
  private final String login;
  private final String password;
  private final AtomicLong ids = new AtomicLong();
  private volatile @Nullable String authorization;
  private volatile Map<String, Object> context = Map.of();

  /**
   * @param server e.g. {@code http://127.0.0.1:8000/}
   * @param database the database name
   */
  public TrytonRpc(URI server, String database, String login, String password) {
    this.server = server.resolve("/");
    this.endpoint = server.resolve("/" + database + "/");
    this.login = login;
    this.password = password;
  }

  /** Logs in and loads the user's context (company). Returns this. */
  public TrytonRpc login() {
    JsonNode session = post("common.db.login", List.of(login, Map.of("password", password), "en"), null);
    String token = login + ":" + session.get(0).asLong() + ":" + session.get(1).asString();
    authorization = "Session " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    JsonNode preferences = post("model.res.user.get_preferences", List.of(true, Map.of()), authorization);
    Map<String, Object> ctx = new LinkedHashMap<>();
    if (preferences.hasNonNull("company")) {
      ctx.put("company", preferences.get("company").asLong());
    }
    context = Map.copyOf(ctx);
    return this;
  }

  /** The context sent with model calls, e.g. {@code {company=1}}. */
  public Map<String, Object> context() {
    return context;
  }

  /** Calls {@code model.<model>.<method>} with {@code args} followed by the user's context. */
  public JsonNode model(String model, String method, @Nullable Object... args) {
    return modelWithContext(model, method, Map.of(), args);
  }

  /** As {@link #model} with {@code extra} merged into the context (e.g. {@code locations}). */
  public JsonNode modelWithContext(String model, String method, Map<String, Object> extra, @Nullable Object... args) {
    List<Object> params = new ArrayList<>(java.util.Arrays.asList(args));
    Map<String, Object> ctx = new LinkedHashMap<>(context);
    ctx.putAll(extra);
    params.add(ctx);
    return post("model." + model + "." + method, params, authorization);
  }

  /** Calls a server-wide method such as {@code common.server.version} on the server root, without a session. */
  public JsonNode anonymous(String method, List<Object> params) {
    return post(server, method, params, null);
  }

  /** Tryton's wire form of a decimal. */
  public static Map<String, Object> decimal(BigDecimal value) {
    return Map.of("__class__", "Decimal", "decimal", value.toPlainString());
  }

  private JsonNode post(String method, List<Object> params, @Nullable String auth) {
    return post(endpoint, method, params, auth);
  }

  private JsonNode post(URI target, String method, List<Object> params, @Nullable String auth) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", ids.incrementAndGet());
    body.put("method", method);
    body.put("params", params);
    HttpRequest.Builder request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Tryton " + method + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling Tryton " + method, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Tryton " + method + " answered HTTP " + response.statusCode());
    }
    JsonNode reply = JSON.readTree(response.body());
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      throw new IllegalStateException("Tryton " + method + " failed: " + abbreviate(error.toString()));
    }
    return reply.get("result");
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }
}
