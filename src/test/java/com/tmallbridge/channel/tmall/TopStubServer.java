package com.tmallbridge.channel.tmall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny scripted HTTP server standing in for the TOP gateway: records every request (time, query,
 * form body, headers) and answers with queued replies, or with a function of the request when no
 * reply is queued. Not a TOP simulator: it checks nothing.
 */
final class TopStubServer implements AutoCloseable {
  static final String SECRET = "stub-secret";

  /** A request as the server saw it. */
  record Received(Instant at, Map<String, String> query, Map<String, String> form, Map<String, List<String>> headers) {
    String method() {
      return query.get("method");
    }

    String param(String name) {
      return form.containsKey(name) ? form.get(name) : query.get(name);
    }
  }

  /** A scripted answer. */
  record Reply(int status, String body, String contentType, boolean gzip) {
    static Reply json(String body) {
      return new Reply(200, body, "application/json;charset=UTF-8", false);
    }

    static Reply html(int status, String body) {
      return new Reply(status, body, "text/html", false);
    }

    Reply gzipped() {
      return new Reply(status, body, contentType, true);
    }
  }

  private final HttpServer server;
  private final Queue<Reply> queued = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Reply> fallback = r -> Reply.html(500, "no scripted reply");

  private TopStubServer(HttpServer server) {
    this.server = server;
  }

  static TopStubServer start() throws IOException {
    return start(false);
  }

  /** @param concurrent answer requests on threads of their own (the default answers one at a time) */
  static TopStubServer start(boolean concurrent) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    TopStubServer stub = new TopStubServer(server);
    server.createContext("/router/rest", stub::handle);
    if (concurrent) {
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    }
    server.start();
    return stub;
  }

  synchronized TopStubServer reply(Reply... replies) {
    queued.addAll(List.of(replies));
    return this;
  }

  TopStubServer answer(Function<Received, Reply> responder) {
    fallback = responder;
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  ShopCredentials shop(long id, String signMethod) {
    return new ShopCredentials(new ShopId(id), gatewayUrl(), "12345678", SECRET, "session-" + id, signMethod);
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/router/rest";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request =
        new Received(
            Instant.now(), decode(exchange.getRequestURI().getRawQuery()), decode(body), Map.copyOf(exchange.getRequestHeaders()));
    received.add(request);
    Reply reply;
    synchronized (this) {
      reply = queued.poll();
    }
    send(exchange, reply != null ? reply : fallback.apply(request));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    if (reply.gzip()) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write(bytes);
      }
      bytes = zipped.toByteArray();
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, String> decode(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form == null || form.isEmpty()) {
      return params;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}
