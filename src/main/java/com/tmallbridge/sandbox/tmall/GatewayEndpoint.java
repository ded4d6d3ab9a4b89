package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /router/rest}: upper-case GET or POST only (else code 9), parameters from query and form
 * body, the protocol checks of {@link RequestVerifier}, then the injected fault if any, then the
 * method of the shop the session belongs to (app-level methods called without a session go to the
 * default shop's table, see {@link SandboxShop#APP_METHODS}). Every answer is JSON with HTTP 200
 * ({@code error_response} for errors) except the injected HTML 502 page; injected latency delays
 * the answer without holding a server thread.
 */
final class GatewayEndpoint implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayEndpoint.class);
  private static final String BAD_GATEWAY_PAGE =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n"
          + "</body>\r\n</html>\r\n";

  private final Set<String> methodNames;
  private final Function<String, Map<String, ApiMethod>> methodsBySession;
  private final RequestVerifier verifier;
  private final FaultInjector faults;
  private final CallCounters calls;
  private final ScheduledExecutorService scheduler;
  private final boolean idsAsStrings;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicLong requests = new AtomicLong();

  /**
   * @param methodNames every method served
   * @param methodsBySession the methods of the shop a (verified) session key belongs to; called
   *     with null for an app-level method called without a session
   */
  GatewayEndpoint(
      Set<String> methodNames,
      Function<String, Map<String, ApiMethod>> methodsBySession,
      RequestVerifier verifier,
      FaultInjector faults,
      CallCounters calls,
      ScheduledExecutorService scheduler,
      boolean idsAsStrings) {
    this.methodNames = Set.copyOf(methodNames);
    this.methodsBySession = methodsBySession;
    this.verifier = verifier;
    this.faults = faults;
    this.calls = calls;
    this.scheduler = scheduler;
    this.idsAsStrings = idsAsStrings;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpReply reply = answer(exchange);
    long delay = faults.latencyMillis();
    if (delay > 0) {
      scheduler.schedule(() -> reply.sendTo(exchange), delay, TimeUnit.MILLISECONDS);
    } else {
      reply.sendTo(exchange);
    }
  }

  private HttpReply answer(HttpExchange exchange) throws IOException {
    String requestId = nextRequestId();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    try {
      return call(exchange, body, requestId);
    } catch (TopError e) {
      return HttpReply.json(200, json.writeValueAsBytes(ResponseShape.error(e, requestId)));
    } catch (RuntimeException e) {
      LOG.error("sandbox failed to answer request {}", requestId, e);
      TopError error = TopError.of(15, "Remote service error", "isp.unknown-error", e.toString());
      return HttpReply.json(200, json.writeValueAsBytes(ResponseShape.error(error, requestId)));
    }
  }

  private HttpReply call(HttpExchange exchange, byte[] body, String requestId) {
    String httpMethod = exchange.getRequestMethod();
    if (!"GET".equals(httpMethod) && !"POST".equals(httpMethod)) {
      throw TopError.platform(
          9, "Http Action Not Allowed", "use upper-case GET or POST, not " + httpMethod);
    }
    RequestParams params =
        RequestParams.parse(
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body);
    String method = params.get("method");
    if (method != null && methodNames.contains(method)) {
      calls.increment(method);
    }
    verifier.verify(params);
    FaultInjector.Decision fault = faults.decide(method);
    if (fault.error() != null) {
      throw fault.error();
    }
    ResponseShape shape = new ResponseShape("true".equals(params.get("simplify")), idsAsStrings);
    ObjectNode result =
        methodsBySession
            .apply(params.get("session"))
            .get(method)
            .handle(new ApiCall(new BusinessParams(params), shape));
    byte[] bytes = json.writeValueAsBytes(shape.success(method, result, requestId));
    return switch (fault.malformation()) {
      case NONE -> HttpReply.json(200, bytes);
      case TRUNCATED_JSON ->
          HttpReply.json(200, Arrays.copyOf(bytes, faults.cutPoint(bytes.length)));
      case HTML_502 -> HttpReply.html(502, BAD_GATEWAY_PAGE);
    };
  }

  /** Request ids look like TOP's: a dozen lower-case letters and digits. */
  private String nextRequestId() {
    long mixed = requests.incrementAndGet() * 0x9E3779B97F4A7C15L;
    return Long.toString(mixed >>> 4, 36);
  }
}
