package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopClientRetryTests {
  private static final String OK = "{\"trades_sold_increment_get_response\":{\"total_results\":0}}";
  private static final Instant NOW = Instant.parse("2024-11-11T00:00:00Z");

  private TopStubServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws Exception {
    server = TopStubServer.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.close();
  }

  private static TopClient client(TestProperties properties) {
    return new TopClient(properties.build(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static TopRequest request() {
    return TopRequest.of("taobao.trades.sold.increment.get").with("fields", "tid");
  }

  private static Reply error(String fixture) {
    return Reply.json(Fixtures.text("error/" + fixture));
  }

  private static Reply ban(long seconds) {
    return Reply.json(
        "{\"error_response\":{\"code\":7,\"msg\":\"App Call Limited\",\"sub_code\":\"accesscontrol.limited-by-app-access-count\","
            + "\"sub_msg\":\"This ban will last for " + seconds + " more seconds\"}}");
  }

  private ChannelException failure(TopClient client, ShopCredentials shop) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.call(shop, request()));
    assertThat(thrown).isInstanceOf(ChannelException.class);
    return (ChannelException) thrown;
  }

  @Test
  void retriesAnIspErrorAndReturnsTheLaterSuccess() {
    server.reply(error("isp_timeout.json"), Reply.json(OK));

    TopResponse response = client(new TestProperties()).call(server.shop(1, "md5"), request());

    assertThat(response.totalResults()).isZero();
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void retriesServiceUnavailableAndHtmlPages() {
    server.reply(
        Reply.json("{\"error_response\":{\"code\":10,\"msg\":\"Service Currently Unavailable\"}}"),
        Reply.html(502, Fixtures.text("error/gateway_error.html")),
        Reply.html(200, Fixtures.text("error/gateway_error.html")),
        Reply.json(OK));

    client(new TestProperties()).call(server.shop(1, "md5"), request());

    assertThat(server.received()).hasSize(4);
  }

  @Test
  void waitsOutAShortBanBeforeTryingAgain() {
    server.reply(ban(1), Reply.json(OK));

    client(new TestProperties()).call(server.shop(1, "md5"), request());

    List<Received> received = server.received();
    assertThat(received).hasSize(2);
    assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBanOneCallLearntOfHoldsTheShopsOtherCallsUntilItEndsSoNoneCallsIntoIt() {
    long[] banEnd = {0};
    server.answer(r -> {
      synchronized (banEnd) {
        long now = System.nanoTime();
        if (banEnd[0] == 0) {
          banEnd[0] = now + TimeUnit.SECONDS.toNanos(2);
          return ban(2);
        }
        return now < banEnd[0] ? ban(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(banEnd[0] - now + 999_999_999))) : Reply.json(OK);
      }
    });
    TopClient client = client(new TestProperties());
    ShopCredentials shop = server.shop(1, "md5");
    CompletableFuture<TopResponse> first = CompletableFuture.supplyAsync(() -> client.call(shop, request()));
    await().atMost(Duration.ofSeconds(30)).until(() -> client.banLeft(shop.shop()).compareTo(Duration.ZERO) > 0);

    client.call(shop, request());
    first.join();

    assertThat(server.received()).as("the call that met the ban, then each call once after it: none refused").hasSize(3);
    assertThat(client.banLeft(shop.shop())).isZero();
  }

  /**
   * A stub gateway that bans every call for {@code banMillis} from the first one, announcing the
   * seconds left rounded up ({@code roundUp}) or down (at least 1), as a gateway might.
   */
  private void banFromTheFirstCall(long banMillis, boolean roundUp) {
    long[] banEnd = {0};
    server.answer(r -> {
      synchronized (banEnd) {
        long now = System.nanoTime();
        if (banEnd[0] == 0) {
          banEnd[0] = now + TimeUnit.MILLISECONDS.toNanos(banMillis);
        }
        long left = banEnd[0] - now;
        if (left <= 0) {
          return Reply.json(OK);
        }
        return ban(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(roundUp ? left + 999_999_999 : left)));
      }
    });
  }

  @Test
  void atTheEndOfABanOneCallGoesFirstAndTheOthersFollowItsAnswerNotTheMargin() {
    banFromTheFirstCall(1000, true);
    TopClient client = client(new TestProperties().banWaitMargin(Duration.ofSeconds(20)));
    ShopCredentials shop = server.shop(1, "md5");
    CompletableFuture<TopResponse> first = CompletableFuture.supplyAsync(() -> client.call(shop, request()));
    await().atMost(Duration.ofSeconds(30)).until(() -> client.banLeft(shop.shop()).compareTo(Duration.ZERO) > 0);
    CompletableFuture<TopResponse> second = CompletableFuture.supplyAsync(() -> client.call(shop, request()));

    client.call(shop, request());
    first.join();
    second.join();

    List<Received> received = server.received();
    assertThat(received).as("the call that met the ban, then each call once after it: none refused").hasSize(4);
    assertThat(Duration.between(received.get(0).at(), received.get(3).at()))
        .as("all went out when the ban ended (1 s), not after the 20 s margin").isLessThan(Duration.ofSeconds(10));
    assertThat(client.banLeft(shop.shop())).isZero();
  }

  @Test
  void aFirstCallRefusedAgainAtTheAnnouncedEndHoldsTheOthersForTheNewRemainder() {
    banFromTheFirstCall(1500, false); // announces "1 more seconds" at the start: the first end comes too early
    TopClient client = client(new TestProperties());
    ShopCredentials shop = server.shop(1, "md5");
    CompletableFuture<TopResponse> first = CompletableFuture.supplyAsync(() -> client.call(shop, request()));
    await().atMost(Duration.ofSeconds(30)).until(() -> client.banLeft(shop.shop()).compareTo(Duration.ZERO) > 0);

    client.call(shop, request());
    first.join();

    assertThat(server.received()).as("the call that met the ban, one refused at its announced end, then each call once").hasSize(4);
  }

  @Test
  void reportsALongBanAsBannedWithoutWaiting() {
    server.reply(ban(31062));

    ChannelException e = failure(client(new TestProperties()), server.shop(1, "md5"));

    assertThat(e.kind()).isEqualTo(Kind.BANNED);
    assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(31062));
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.FLOW_CONTROLLED);
    assertThat(e.retryable()).isTrue();
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void reportsABanThatOutlastsTheAttemptsAsBanned() {
    server.answer(r -> ban(0));

    ChannelException e = failure(client(new TestProperties().maxAttempts(3)), server.shop(1, "md5"));

    assertThat(e.kind()).isEqualTo(Kind.BANNED);
    assertThat(e.retryAfter()).isEqualTo(NOW);
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void givesUpAfterMaxAttemptsAsRetryable() {
    server.answer(r -> error("isp_timeout.json"));

    ChannelException e = failure(client(new TestProperties().maxAttempts(3)), server.shop(1, "md5"));

    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.SERVER_ERROR);
    assertThat(e.getMessage()).contains("isp.top-remote-connection-timeout").contains("shop 1");
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void failsAtOnceWithoutRetryOnAnIsvError() {
    server.reply(error("invalid_parameter.json"), Reply.json(OK));

    ChannelException e = failure(client(new TestProperties()), server.shop(1, "md5"));

    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.REJECTED);
    assertThat(e.retryable()).isFalse();
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void stopsCallingAShopWhoseSessionIsInvalid() {
    server.reply(error("invalid_session.json"));
    TopClient client = client(new TestProperties());
    ShopCredentials shop = server.shop(1, "md5");

    ChannelException first = failure(client, shop);
    ChannelException second = failure(client, shop);

    assertThat(first.kind()).isEqualTo(Kind.NEEDS_REAUTHORISATION);
    assertThat(first.errorCode()).isEqualTo(TmallErrorCode.SESSION_INVALID);
    assertThat(second.kind()).isEqualTo(Kind.NEEDS_REAUTHORISATION);
    assertThat(second.errorCode()).isEqualTo(TmallErrorCode.REAUTHORISATION_PENDING);
    assertThat(server.received()).hasSize(1);
    assertThat(client.needsReauthorisation(shop.shop())).isTrue();
  }

  @Test
  void callsAgainAfterTheReauthorisationIsClearedOrTheSessionChanges() {
    server.reply(error("invalid_session.json"), Reply.json(OK), error("invalid_session.json"), Reply.json(OK));
    TopClient client = client(new TestProperties());
    ShopCredentials shop = server.shop(1, "md5");
    failure(client, shop);

    client.clearReauthorisation(shop.shop());
    client.call(shop, request());
    failure(client, shop);
    ShopCredentials renewed = new ShopCredentials(shop.shop(), shop.gatewayUrl(), shop.appKey(), shop.appSecret(), "new-session", "md5");
    client.call(renewed, request());

    assertThat(server.received()).hasSize(4);
    assertThat(server.received().get(3).query()).containsEntry("session", "new-session");
    assertThat(client.needsReauthorisation(shop.shop())).isFalse();
  }

  @Test
  void keepsOtherShopsCallingWhenOneNeedsReauthorisation() {
    server.reply(error("invalid_session.json"), Reply.json(OK));
    TopClient client = client(new TestProperties());
    failure(client, server.shop(1, "md5"));

    client.call(server.shop(2, "md5"), request());

    assertThat(server.received()).extracting(r -> r.query().get("session")).containsExactly("session-1", "session-2");
  }

  @Test
  void retriesConnectionFailuresAndReportsThemAsTransportFailures() {
    ShopCredentials shop = server.shop(1, "md5");
    server.close();

    ChannelException e = failure(client(new TestProperties().maxAttempts(2)), shop);

    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TRANSPORT_FAILED);
  }

  @Test
  void treatsAReadTimeoutAsARetryableTransportFailure() {
    server.answer(r -> {
      awaitRelease();
      return Reply.json(OK);
    });

    ChannelException e =
        failure(client(new TestProperties().maxAttempts(1).readTimeout(Duration.ofMillis(300))), server.shop(1, "md5"));

    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TRANSPORT_FAILED);
    assertThat(e.getMessage()).containsIgnoringCase("timed out");
  }

  private void awaitRelease() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
