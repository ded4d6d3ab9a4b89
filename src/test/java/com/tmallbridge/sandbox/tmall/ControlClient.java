package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's client of a running sandbox's control API ({@code /control/...}): the raw response of a
 * call, or the JSON body of a call that must answer 200 with a JSON content type.
 */
final class ControlClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final TmallSandbox sandbox;

  ControlClient(TmallSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Sends {@code body} with {@code method} to {@code path} and returns the response, whatever its status. */
  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON answer of a call that must succeed; fails the test with the body otherwise. */
  JsonNode ok(String method, String path, String body) {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(HttpReply.JSON);
    return json.readTree(response.body());
  }

  /** {@link #ok(String, String, String)} with an empty body. */
  JsonNode ok(String method, String path) {
    return ok(method, path, "");
  }
}
