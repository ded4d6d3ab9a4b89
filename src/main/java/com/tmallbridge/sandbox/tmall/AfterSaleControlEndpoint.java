package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Control API for shipments, after-sale and TMC under {@code /control/aftersale/}, loopback only,
 * JSON out. Bad parameters answer 400, a step the case or trade does not allow 409, unknown paths
 * 404, a wrong HTTP method 405, remote callers 403.
 *
 * <ul>
 *   <li>{@code GET refunds} — every case; {@code POST refunds?tid=&oid=&kind=&feeFen=&reason=} opens
 *       one ({@code kind} REFUND_ONLY, RETURN or EXCHANGE; no feeFen = all)
 *   <li>{@code POST refunds/{id}/agree|refuse|confirm|close}, {@code POST
 *       refunds/{id}/return?company=&sid=}
 *   <li>{@code POST address?tid=}, {@code POST memo?tid=&memo=&flag=}
 *   <li>{@code POST random?perSecond=R} — random after-sale traffic (0 stops)
 *   <li>{@code GET parcels?tid=}
 *   <li>{@code GET tmc} — URL, settings, counters, permitted users; {@code POST tmc/permit}; {@code
 *       POST tmc/settings} with {@code {"redeliveryTimeoutMillis","duplicateRate","reorderWindow",
 *       "dropRate"}}
 * </ul>
 *
 * Everything except {@code tmc} and {@code tmc/settings} (TMC is one hub for the app) acts on the
 * default shop, or on the shop named by {@code ?shop=<seller nick>}: {@code tmc/permit?shop=}
 * permits that shop's seller, and a refund id or tid of another shop is unknown (400).
 */
final class AfterSaleControlEndpoint implements HttpHandler {
  private static final String BASE = "/control/aftersale/";

  private final TmallSandbox sandbox;
  private final JsonMapper json = JsonMapper.builder().build();

  AfterSaleControlEndpoint(TmallSandbox sandbox) {
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
    } catch (IllegalArgumentException | JacksonException e) {
      reply = problem(400, e.getMessage());
    } catch (IllegalStateException e) {
      reply = problem(409, e.getMessage());
    }
    reply.sendTo(exchange);
  }

  private HttpReply route(HttpExchange exchange, byte[] body) {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return problem(403, "the control API answers loopback callers only");
    }
    String path = exchange.getRequestURI().getPath().substring(BASE.length());
    String method = exchange.getRequestMethod();
    RequestParams query =
        RequestParams.parse(exchange.getRequestURI().getRawQuery(), null, new byte[0]);
    String[] parts = path.split("/");
    String expected = expected(parts, method);
    if (expected == null) {
      return problem(404, "no control resource " + BASE + path);
    }
    if (!expected.equals(method)) {
      return problem(405, BASE + path + " takes " + expected);
    }
    return HttpReply.json(200, json.writeValueAsBytes(dispatch(parts, method, query, body)));
  }

  private static @Nullable String expected(String[] parts, String method) {
    return switch (parts[0]) {
      case "refunds" -> parts.length == 1 ? ("GET".equals(method) ? "GET" : "POST") : parts.length == 3 ? "POST" : null;
      case "address", "memo", "random" -> parts.length == 1 ? "POST" : null;
      case "parcels" -> parts.length == 1 ? "GET" : null;
      case "tmc" -> parts.length == 1 ? "GET" : parts.length == 2 ? "POST" : null;
      default -> null;
    };
  }

  private JsonNode dispatch(String[] parts, String method, RequestParams query, byte[] body) {
    SandboxShop shop = shop(query);
    switch (parts[0]) {
      case "refunds":
        if (parts.length == 1 && method.equals("GET")) {
          return json.valueToTree(shop.refunds());
        }
        if (parts.length == 1) {
          String fee = query.get("feeFen");
          return json.valueToTree(
              shop.openRefund(
                  number(query, "tid"),
                  number(query, "oid"),
                  kind(required(query, "kind")),
                  fee == null ? null : number(query, "feeFen"),
                  query.get("reason") == null ? "不想要了" : query.get("reason")));
        }
        return json.valueToTree(step(shop, refundId(parts[1]), parts[2], query));
      case "address":
        shop.changeAddress(number(query, "tid"));
        return ok();
      case "memo":
        shop.changeMemo(
            number(query, "tid"), required(query, "memo"), (int) number(query, "flag"));
        return ok();
      case "random":
        shop.randomAfterSale(Double.parseDouble(required(query, "perSecond")));
        return ok();
      case "parcels":
        return json.valueToTree(shop.parcels(number(query, "tid")));
      default:
        return tmc(parts, body, shop);
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

  private static long refundId(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("refund id must be a whole number, got '" + value + "'", e);
    }
  }

  private static SandboxRefund step(
      SandboxShop shop, long refundId, String action, RequestParams query) {
    return switch (action) {
      case "agree" -> shop.agreeRefund(refundId);
      case "refuse" -> shop.refuseRefund(refundId);
      case "confirm" -> shop.confirmReturn(refundId);
      case "close" -> shop.closeRefund(refundId);
      case "return" ->
          shop.returnGoods(refundId, required(query, "company"), required(query, "sid"));
      default -> throw new IllegalArgumentException("unknown refund step " + action);
    };
  }

  private JsonNode tmc(String[] parts, byte[] body, SandboxShop shop) {
    if (parts.length == 2 && parts[1].equals("permit")) {
      shop.tmcPermit();
    } else if (parts.length == 2 && parts[1].equals("settings")) {
      JsonNode node = json.readTree(body.length == 0 ? "{}".getBytes() : body);
      TmcSettings current = sandbox.tmcSettings();
      sandbox.tmcSettings(
          new TmcSettings(
              node.has("redeliveryTimeoutMillis")
                  ? Duration.ofMillis(node.get("redeliveryTimeoutMillis").asLong())
                  : current.redeliveryTimeout(),
              node.has("duplicateRate") ? node.get("duplicateRate").asDouble() : current.duplicateRate(),
              node.has("reorderWindow") ? node.get("reorderWindow").asInt() : current.reorderWindow(),
              node.has("dropRate") ? node.get("dropRate").asDouble() : current.dropRate()));
    } else if (parts.length == 2) {
      throw new IllegalArgumentException("unknown TMC action " + parts[1]);
    }
    ObjectNode state = ResponseShape.object();
    state.put("url", sandbox.tmcUrl());
    TmcSettings settings = sandbox.tmcSettings();
    ObjectNode knobs = state.putObject("settings");
    knobs.put("redeliveryTimeoutMillis", settings.redeliveryTimeout().toMillis());
    knobs.put("duplicateRate", settings.duplicateRate());
    knobs.put("reorderWindow", settings.reorderWindow());
    knobs.put("dropRate", settings.dropRate());
    state.set("counters", json.valueToTree(sandbox.tmcCounters()));
    ArrayNode users = state.putArray("users");
    for (TmcHub.User user : sandbox.tmcUsers()) {
      ObjectNode node = users.addObject();
      node.put("nick", user.nick());
      node.put("userId", user.userId());
      node.put("group", user.group());
      node.set("topics", json.valueToTree(List.copyOf(user.topics())));
    }
    return state;
  }

  private static RefundKind kind(String value) {
    try {
      return RefundKind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind must be REFUND_ONLY, RETURN or EXCHANGE", e);
    }
  }

  private static String required(RequestParams query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static long number(RequestParams query, String name) {
    String value = required(query, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static ObjectNode ok() {
    ObjectNode node = ResponseShape.object();
    node.put("ok", true);
    return node;
  }

  private HttpReply problem(int status, @Nullable String message) {
    ObjectNode node = ResponseShape.object();
    node.put("error", message == null ? "bad request" : message);
    return HttpReply.json(status, json.writeValueAsBytes(node));
  }

}
