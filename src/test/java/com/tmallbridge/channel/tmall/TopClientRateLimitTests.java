package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopClientRateLimitTests {
  private static final String OK = "{\"trades_sold_increment_get_response\":{\"total_results\":0}}";

  private TopStubServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = TopStubServer.start().answer(r -> Reply.json(OK));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static TopClient client(TestProperties properties) {
    return new TopClient(properties.build(), Clock.systemUTC());
  }

  private static TopRequest request() {
    return TopRequest.of("taobao.trades.sold.increment.get").with("fields", "tid");
  }

  private static Duration span(List<Received> received) {
    return Duration.between(received.get(0).at(), received.get(received.size() - 1).at());
  }

  @Test
  void spreadsCallsOfOneShopOverTheConfiguredRate() {
    TopClient client = client(new TestProperties().callsPerSecond(2));
    ShopCredentials shop = server.shop(1, "md5");

    for (int i = 0; i < 6; i++) {
      client.call(shop, request());
    }

    assertThat(server.received()).hasSize(6);
    assertThat(span(server.received())).as("6 calls at 2/s need three one-second periods").isGreaterThan(Duration.ofMillis(1500));
  }

  @Test
  void doesNotSlowDownCallsWithinTheRate() {
    // with no time to wait for a permit, any throttling would refuse a call instead of delaying it
    TopClient client = client(new TestProperties().callsPerSecond(1000).rateLimitTimeout(Duration.ZERO));
    ShopCredentials shop = server.shop(1, "md5");

    for (int i = 0; i < 6; i++) {
      client.call(shop, request());
    }

    assertThat(server.received()).hasSize(6);
  }

  @Test
  void refusesACallThatFindsNoPermitInTimeWithoutSendingIt() {
    TopClient client = client(new TestProperties().callsPerSecond(1).rateLimitTimeout(Duration.ZERO));
    ShopCredentials shop = server.shop(1, "md5");

    ChannelException refused = callUntilRefused(client, shop);

    assertThat(refused.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(refused.errorCode()).isEqualTo(TmallErrorCode.LOCAL_RATE_LIMIT);
    assertThat(server.received()).hasSizeBetween(1, 2);
  }

  @Test
  void limitsEachShopSeparately() {
    TopClient client = client(new TestProperties().callsPerSecond(1).rateLimitTimeout(Duration.ZERO));
    callUntilRefused(client, server.shop(1, "md5"));
    int before = server.received().size();

    client.call(server.shop(2, "md5"), request());

    assertThat(server.received()).hasSize(before + 1);
    assertThat(server.received().get(before).query()).containsEntry("session", "session-2");
  }

  /** Calls at full speed until the limiter refuses (at most two calls fit in any second). */
  private ChannelException callUntilRefused(TopClient client, ShopCredentials shop) {
    for (int i = 0; i < 5; i++) {
      Throwable thrown = catchThrowable(() -> client.call(shop, request()));
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(ChannelException.class);
        return (ChannelException) thrown;
      }
    }
    throw new AssertionError("five quick calls at one call per second were all let through");
  }
}
