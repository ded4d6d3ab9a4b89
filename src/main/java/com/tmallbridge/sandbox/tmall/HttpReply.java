package com.tmallbridge.sandbox.tmall;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A complete HTTP answer, written at once (possibly later, for injected latency). */
record HttpReply(int status, String contentType, byte[] body) {
  static final String JSON = "application/json;charset=utf-8";

  static HttpReply json(int status, byte[] body) {
    return new HttpReply(status, JSON, body);
  }

  static HttpReply html(int status, String page) {
    return new HttpReply(status, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the answer and closes the exchange. */
  void sendTo(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("client went away before the answer was sent", e);
    }
  }
}
