package com.tmallbridge.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A group robot's webhook on 127.0.0.1 (JDK HttpServer): records every request (URI and body) and
 * answers {@code {"errcode":0,"errmsg":"ok"}} unless answers were queued with {@link #answerNext}.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Request(URI uri, String body) {
    /** A query parameter, decoded; null when absent. */
    public String param(String name) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestURI(), body));
      Answer answer = answers.poll();
      if (answer == null) {
        answer = new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** The webhook's URL with {@code path} and {@code query}, e.g. {@code /robot/send}, {@code access_token=t1}. */
  public String url(String path, String query) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path + "?" + query;
  }

  /** The next request gets this answer instead of success. */
  public void answerNext(int status, String body) {
    answers.add(new Answer(status, body));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
