package com.tmallbridge.erp.tryton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.testsupport.RunsAlongside;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport against the real server: session renewal and the classification of failures. */
@RunsAlongside("waits for the shared Tryton server")
class TrytonClientTests {

  @Test
  void logsInAgainOnceWhenTheSessionExpired() {
    // A server of its own whose sessions live two seconds ([session] max_age).
    TrytonServer.Settings defaults = TrytonServer.Settings.defaults();
    SharedTrytonServer.get();
    try (TrytonServer shortSessions = new TrytonServer(new TrytonServer.Settings(defaults.cacheDir(), Duration.ofSeconds(2))).start()) {
      TrytonClient client = new TrytonClient(
          TrytonProperties.of(shortSessions.url(), TrytonServer.DATABASE, TrytonServer.USER, TrytonServer.PASSWORD, Map.of()));
      client.call("party.party", "search_count", List.of(List.of()));
      assertThat(client.logins()).isEqualTo(1);

      await().pollDelay(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(10)).until(() -> true);

      assertThat(client.call("party.party", "search_count", List.of(List.of())).asLong()).isNotNegative();
      assertThat(client.logins()).isEqualTo(2);
    }
  }

  @Test
  void aWrongPasswordIsAPermanentLoginRefusal() {
    TrytonClient client = new TrytonClient(TrytonTestConnection.properties("not-the-password"));

    assertThatThrownBy(() -> client.call("party.party", "search_count", List.of(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorCode()).isEqualTo(TrytonErrorCode.LOGIN_REFUSED);
        });
  }

  @Test
  void aServerThatDoesNotListenIsRetryable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    TrytonClient client = new TrytonClient(TrytonProperties.of(URI.create("http://127.0.0.1:" + port + "/"), "erp", "u", "p", Map.of()));

    assertThatThrownBy(() -> client.call("party.party", "search_count", List.of(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.errorCode()).isEqualTo(TrytonErrorCode.UNAVAILABLE);
        });
  }

  @Test
  void aUserErrorIsPermanentAndCarriesTrytonsMessage() {
    TrytonClient client = new TrytonClient(TrytonTestConnection.properties());

    assertThatThrownBy(() -> client.call("party.address", "create", List.of(List.of(Map.of("street", "nowhere")))))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errorCode()).isEqualTo(TrytonErrorCode.REJECTED);
        })
        .hasMessageContaining("Party");
  }

  @Test
  void propertiesNeverPrintThePassword() {
    assertThat(TrytonProperties.of(URI.create("http://127.0.0.1:1/"), "erp", "u", "s3cret-Value", Map.of()).toString())
        .doesNotContain("s3cret-Value").contains("****");
  }
}
