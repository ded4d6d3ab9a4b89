package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TmallSandboxTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheGatewayOnLoopbackAtAFreePort() throws Exception {
    try (TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      assertThat(sandbox.port()).isPositive();
      assertThat(sandbox.url()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/router/rest");
      assertThat(get(sandbox.url()).body()).contains("\"code\":21");
    }
  }

  @Test
  void refusesAPortThatIsTaken() {
    try (TmallSandbox first =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)))) {
      SandboxConfig same = SandboxConfig.defaults().withPort(first.port());

      assertThatThrownBy(() -> TmallSandbox.start(same)).isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void stopsAnsweringWhenClosed() {
    TmallSandbox sandbox =
        TmallSandbox.start(SandboxConfig.defaults().withClock(new MutableClock(NOW)));
    String url = sandbox.url();

    sandbox.close();

    assertThatThrownBy(() -> get(url)).isInstanceOf(ConnectException.class);
  }
}
