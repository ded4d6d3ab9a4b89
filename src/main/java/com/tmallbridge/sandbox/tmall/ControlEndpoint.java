package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's control API under {@code /control/}, JSON in and out, loopback callers only:
 *
 * <ul>
 *   <li>{@code GET /control/state} — counts by status, trades, paid, payment, API calls, faults
 *   <li>{@code GET /control/credentials} — gateway URL, app key, secret, session, seller nick
 *   <li>{@code POST /control/generate?count=N&hours=H} — history over the last H hours (24)
 *   <li>{@code POST /control/live?count=N&seconds=S} — live trades over the next S seconds (60)
 *   <li>{@code POST /control/burst?count=N} — a Double 11 burst
 *   <li>{@code GET|POST /control/faults} — read or replace the fault settings
 *   <li>{@code GET /control/stock} — every stock position's quantity and the quantity-update counts;
 *       {@code POST /control/stock} sets quantities ({@code {"quantities":[{"numIid","skuId",
 *       "quantity"}]}} or {@code {"all":N}}) and answers the same
 *   <li>{@code GET /control/shops} — every shop; {@code POST /control/shops} adds one ({@code
 *       {"sellerNick":"..","catalog":{..}}})
 * </ul>
 *
 * {@code state}, {@code credentials}, {@code generate}, {@code live}, {@code burst} and {@code
 * stock} act on the default shop, or on the shop named by {@code ?shop=<seller nick>}.
 *
 * Bad parameters answer 400, unknown paths 404, a wrong HTTP method 405, remote callers 403.
 */
final class ControlEndpoint implements HttpHandler {
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final TmallSandbox sandbox;
  private final JsonMapper json = JsonMapper.builder().build();

  ControlEndpoint(TmallSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpReply reply;
    try {
      reply = route(exchange, body);
    } catch (IllegalArgumentException | JacksonException | TopError e) {
      reply = problem(400, e.getMessage());
    }
    reply.sendTo(exchange);
  }

  private HttpReply route(HttpExchange exchange, byte[] body) {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return problem(403, "the control API answers loopback callers only");
    }
    String path = exchange.getRequestURI().getPath();
    String httpMethod = exchange.getRequestMethod();
    RequestParams query =
        RequestParams.parse(exchange.getRequestURI().getRawQuery(), null, new byte[0]);
    String expected = allowedMethod(path, httpMethod);
    if (expected == null) {
      return problem(404, "no control resource " + path);
    }
    if (!expected.equals(httpMethod)) {
      return problem(405, path + " takes " + expected);
    }
    return ok(dispatch(path, httpMethod, query, body));
  }

  private ObjectNode dispatch(String path, String httpMethod, RequestParams query, byte[] body) {
    SandboxShop shop = shop(query);
    switch (path) {
      case "/control/credentials":
        return ControlJson.credentials(shop.credentials(), sandbox.url())
            .put("tmcUrl", sandbox.tmcUrl());
      case "/control/generate":
        {
          Instant now = sandbox.clock().instant();
          long hours = number(query, "hours", 24);
          shop.generateHistory(count(query), now.minus(Duration.ofHours(hours)), now);
          return state(shop);
        }
      case "/control/live":
        {
          int count = count(query);
          long seconds = number(query, "seconds", 60);
          shop.generateLive(count, Duration.ofSeconds(seconds));
          ObjectNode started = ResponseShape.object();
          started.put("started", count);
          started.put("seconds", seconds);
          return started;
        }
      case "/control/burst":
        shop.burst(count(query));
        return state(shop);
      case "/control/faults":
        if (httpMethod.equals("POST")) {
          sandbox.faults(ControlJson.faults(json.readTree(body.length == 0 ? EMPTY_OBJECT : body)));
        }
        return ControlJson.faults(sandbox.faults());
      case "/control/stock":
        if (httpMethod.equals("POST")) {
          ControlJson.setStock(shop, json.readTree(body.length == 0 ? EMPTY_OBJECT : body));
        }
        return ControlJson.stock(shop);
      case "/control/shops":
        if (httpMethod.equals("POST")) {
          return ControlJson.shop(
              ControlJson.addShop(sandbox, json.readTree(body.length == 0 ? EMPTY_OBJECT : body)),
              sandbox.url());
        }
        return ControlJson.shops(sandbox.shops(), sandbox.url());
      default:
        return state(shop);
    }
  }

  private SandboxShop shop(RequestParams query) {
    String nick = query.get("shop");
    if (nick == null) {
      return sandbox.defaultShop();
    }
    return sandbox
        .shop(nick)
        .orElseThrow(() -> new IllegalArgumentException("no shop with seller nick " + nick));
  }

  private ObjectNode state(SandboxShop shop) {
    return ControlJson.state(shop.state(sandbox.apiCalls(), sandbox.faultsInjected()));
  }

  /** The HTTP method a resource takes, null for unknown resources. */
  private static @Nullable String allowedMethod(String path, String httpMethod) {
    return switch (path) {
      case "/control/state", "/control/credentials" -> "GET";
      case "/control/generate", "/control/live", "/control/burst" -> "POST";
      case "/control/faults", "/control/stock", "/control/shops" ->
          "GET".equals(httpMethod) ? "GET" : "POST";
      default -> null;
    };
  }

  private static int count(RequestParams query) {
    long count = number(query, "count", -1);
    if (count < 0 || count > 10_000_000) {
      throw new IllegalArgumentException("count is required, 0..10000000");
    }
    return (int) count;
  }

  private static long number(RequestParams query, String name, long defaultValue) {
    @Nullable String value = query.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private HttpReply ok(ObjectNode node) {
    return HttpReply.json(200, json.writeValueAsBytes(node));
  }

  private HttpReply problem(int status, @Nullable String message) {
    ObjectNode node = ResponseShape.object();
    node.put("error", message == null ? "bad request" : message);
    return HttpReply.json(status, json.writeValueAsBytes(node));
  }
}
