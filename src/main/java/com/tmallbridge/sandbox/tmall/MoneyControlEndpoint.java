package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Control API for settlement (bills) under {@code /control/money/}, loopback only, JSON out: the
 * ground truth the demo's independent checks read, and the money faults it injects. Bad parameters
 * answer 400, a trade that cannot take the fault 409, unknown paths 404, a wrong HTTP method 405,
 * remote callers 403.
 *
 * <ul>
 *   <li>{@code GET bills[?tid=]} — every settlement line ({@link SandboxBill}) as TOP shows it now
 *   <li>{@code GET accounts} — the fee account ids by account type
 *   <li>{@code GET faults} — the injected faults ({@link SandboxMoneyFault}: kind, tid, amountFen, billIds, at)
 *   <li>{@code POST faults/fee-out-of-rate?tid=} — 12% commission on a finished trade
 *   <li>{@code POST faults/unknown-trade} — a settled income line for a tid the shop does not have
 *   <li>{@code POST confirm?tid=} — the buyer confirms receipt (TRADE_FINISHED, bills written)
 *   <li>{@code POST auto-confirm?afterSeconds=&settleWithinSeconds=} — buyers confirm every trade
 *       shipped from now on that much later, settled within that many seconds
 * </ul>
 *
 * Each acts on the default shop, or on the shop named by {@code ?shop=<seller nick>}.
 */
final class MoneyControlEndpoint implements HttpHandler {
  private static final String BASE = "/control/money/";

  private final TmallSandbox sandbox;
  private final JsonMapper json = JsonMapper.builder().build();

  MoneyControlEndpoint(TmallSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    HttpReply reply;
    try {
      reply = route(exchange);
    } catch (IllegalArgumentException e) {
      reply = problem(400, e.getMessage());
    } catch (IllegalStateException e) {
      reply = problem(409, e.getMessage());
    }
    reply.sendTo(exchange);
  }

  private HttpReply route(HttpExchange exchange) {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return problem(403, "the control API answers loopback callers only");
    }
    String path = exchange.getRequestURI().getPath().substring(BASE.length());
    String method = exchange.getRequestMethod();
    RequestParams query = RequestParams.parse(exchange.getRequestURI().getRawQuery(), null, new byte[0]);
    String expected = switch (path) {
      case "bills", "accounts", "faults" -> "GET";
      case "faults/fee-out-of-rate", "faults/unknown-trade", "confirm", "auto-confirm" -> "POST";
      default -> null;
    };
    if (expected == null) {
      return problem(404, "no control resource " + BASE + path);
    }
    if (!expected.equals(method)) {
      return problem(405, BASE + path + " takes " + expected);
    }
    return HttpReply.json(200, json.writeValueAsBytes(dispatch(path, query)));
  }

  private JsonNode dispatch(String path, RequestParams query) {
    SandboxShop shop = shop(query);
    return switch (path) {
      case "bills" -> query.get("tid") == null
          ? json.valueToTree(shop.bills())
          : json.valueToTree(shop.bills(number(query, "tid")));
      case "accounts" -> json.valueToTree(shop.billAccounts());
      case "faults" -> json.valueToTree(shop.moneyFaults());
      case "faults/fee-out-of-rate" -> json.valueToTree(shop.injectFeeOutOfRate(number(query, "tid")));
      case "confirm" -> json.valueToTree(shop.confirmReceipt(number(query, "tid")));
      case "auto-confirm" -> {
        shop.buyersConfirmReceipt(Duration.ofSeconds(number(query, "afterSeconds")),
            Duration.ofSeconds(number(query, "settleWithinSeconds")));
        ObjectNode ok = ResponseShape.object();
        ok.put("ok", true);
        yield ok;
      }
      default -> json.valueToTree(shop.injectUnknownTradeSettlement());
    };
  }

  private SandboxShop shop(RequestParams query) {
    String nick = query.get("shop");
    if (nick == null) {
      return sandbox.defaultShop();
    }
    return sandbox.shop(nick).orElseThrow(() -> new IllegalArgumentException("no shop with seller nick " + nick));
  }

  private static long number(RequestParams query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private HttpReply problem(int status, @Nullable String message) {
    ObjectNode node = ResponseShape.object();
    node.put("error", message == null ? "bad request" : message);
    return HttpReply.json(status, json.writeValueAsBytes(node));
  }
}
