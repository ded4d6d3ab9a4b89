package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TmcProperties.Mode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmcWebSocketClientTests {
  private static final Instant NOW = Instant.parse("2024-11-11T00:00:00Z");
  private static final ShopCredentials APP =
      new ShopCredentials(new ShopId(1), "http://unused/router/rest", "12345678", "tmc-secret", "session-1", "hmac");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private TmcStubServer server;
  private TmcWebSocketClient client;
  private final List<ChannelMessage> handled = new CopyOnWriteArrayList<>();
  private final List<ChannelException> refusals = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TmcStubServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  static TmcProperties properties(URI url, int workers, int queueCapacity) {
    return properties(url, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5), workers, queueCapacity);
  }

  static TmcProperties properties(URI url, Duration fetchPeriod, Duration heartbeat, Duration connectTimeout, int workers,
      int queueCapacity) {
    return new TmcProperties(true, Mode.WEBSOCKET, url, "default", fetchPeriod, heartbeat, connectTimeout,
        Duration.ofMillis(50), Duration.ofMillis(400), queueCapacity, workers, 100, Duration.ofMillis(20),
        Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  private TmcWebSocketClient connect(MessageHandler handler, int workers, int queueCapacity) {
    client = new TmcWebSocketClient(properties(server.url(), workers, queueCapacity), APP, handler, refusals::add,
        Clock.fixed(NOW, ZoneOffset.UTC)).start();
    await().atMost(WAIT).until(client::isConnected);
    return client;
  }

  @Test
  void connectsWithTheSignedHandshakeAndAsksForMessagesEveryFetchPeriod() throws Exception {
    connect(handled::add, 1, 10);

    TmcFrame connect = server.received().get(0).frame();
    assertThat(connect.messageType()).isEqualTo(TmcFrame.CONNECT);
    assertThat(connect.flag()).as("CONNECT carries a request flag").isNotNull().isNotZero();
    String timestamp = Long.toString(NOW.toEpochMilli());
    String plain = "tmc-secret" + "app_key12345678" + "group_namedefault" + "timestamp" + timestamp + "tmc-secret";
    String sign = HexFormat.of().withUpperCase().formatHex(
        MessageDigest.getInstance("MD5").digest(plain.getBytes(StandardCharsets.UTF_8)));
    assertThat(connect.headers())
        .containsEntry("app_key", "12345678")
        .containsEntry("group_name", "default")
        .containsEntry("timestamp", timestamp)
        .containsEntry("sign", sign)
        .containsKey("sdk");
    await().atMost(WAIT).until(() -> server.sent(TmcFrame.KIND_PULL_REQUEST).size() >= 3);
    assertThat(server.sent(TmcFrame.KIND_PULL_REQUEST)).allSatisfy(f -> {
      assertThat(f.token()).isEqualTo("token-1");
      assertThat(f.headers()).containsEntry(TmcFrame.KIND, (byte) TmcFrame.KIND_PULL_REQUEST);
    });
  }

  @Test
  void confirmsAHandledMessageAndFailsOneWhoseHandlerThrows() throws Exception {
    connect(message -> {
      if (message.topic().endsWith("RefundSuccess")) {
        throw new IllegalStateException("database is down");
      }
      handled.add(message);
    }, 2, 10);

    server.push(1001, "taobao_trade_TradeBuyerPay", "{\"tid\":192364827791084,\"oid\":192364827791084,\"payment\":\"120.00\"}");
    server.push(1002, "taobao_refund_RefundSuccess", "{\"refund_id\":\"88\",\"tid\":\"5\",\"oid\":\"6\"}");

    await().atMost(WAIT).until(() -> !server.sent(TmcFrame.KIND_CONFIRM).isEmpty() && !server.sent(TmcFrame.KIND_FAILED).isEmpty());
    TmcFrame confirm = server.sent(TmcFrame.KIND_CONFIRM).get(0);
    assertThat(confirm.headers()).containsEntry("id", 1001L).containsEntry(TmcFrame.KIND, (byte) TmcFrame.KIND_CONFIRM);
    assertThat(confirm.token()).isEqualTo("token-1");
    TmcFrame failed = server.sent(TmcFrame.KIND_FAILED).get(0);
    assertThat(failed.headers()).containsEntry("id", 1002L).containsEntry("msg", "database is down")
        .containsEntry(TmcFrame.KIND, (byte) TmcFrame.KIND_FAILED);
    assertThat(handled).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("1001");
      assertThat(m.tid()).isEqualTo("192364827791084");
      assertThat(m.oid()).isEqualTo("192364827791084");
      assertThat(m.isTradeEvent()).isTrue();
      assertThat(m.publishTime()).isEqualTo(Instant.parse("2024-11-11T00:00:01Z"));
      assertThat(m.userNick()).isEqualTo("shop-nick");
      assertThat(m.userId()).isEqualTo("77");
    });
  }

  @Test
  void reconnectsAfterTheServerDropsTheConnectionAndGoesOnConsuming() throws Exception {
    connect(handled::add, 1, 10);

    server.dropConnections();

    await().atMost(WAIT).until(() -> server.connections() == 2 && client.isConnected());
    server.push(7, "taobao_trade_TradeClose", "{\"tid\":1}");
    await().atMost(WAIT).until(() -> !server.sent(TmcFrame.KIND_CONFIRM).isEmpty());
    assertThat(server.received()).filteredOn(r -> r.frame().messageType() == TmcFrame.CONNECT)
        .extracting(TmcStubServer.Received::connection).containsExactly(1, 2);
    assertThat(server.sent(TmcFrame.KIND_CONFIRM).get(0).token()).isEqualTo("token-2");
    assertThat(handled).extracting(ChannelMessage::id).containsExactly("7");
  }

  @Test
  void reportsA401ConnectAckOnceAsTheAppsAuthorisationProblemAndKeepsRetryingWithBackOff() {
    server.answerConnect(n -> n < 3
        ? new TmcFrame(2, TmcFrame.CONNECT_ACK, 401, "invalid sign", null, null, Map.of())
        : new TmcFrame(2, TmcFrame.CONNECT_ACK, null, null, null, "token-" + n, Map.of()));

    connect(handled::add, 1, 10);

    assertThat(server.connections()).isEqualTo(3);
    assertThat(refusals).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ChannelException.Kind.NEEDS_REAUTHORISATION);
      assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TMC_CONNECT_REFUSED);
      assertThat(e.getMessage()).contains("401").contains("invalid sign");
    });
    assertThat(client.backoff(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(client.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(client.backoff(10)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void reportsTheRefusalAgainAfterAConnectionWasAccepted() throws Exception {
    server.answerConnect(n -> n == 2
        ? new TmcFrame(2, TmcFrame.CONNECT_ACK, null, null, null, "token-" + n, Map.of())
        : new TmcFrame(2, TmcFrame.CONNECT_ACK, 401, "invalid sign", null, null, Map.of()));
    client = new TmcWebSocketClient(properties(server.url(), 1, 10), APP, handled::add, refusals::add,
        Clock.fixed(NOW, ZoneOffset.UTC)).start();
    await().atMost(WAIT).until(client::isConnected);
    assertThat(refusals).hasSize(1);

    server.dropConnections();

    await().atMost(WAIT).until(() -> refusals.size() == 2);
    assertThat(client.isConnected()).isFalse();
  }

  @Test
  void failsMessagesBackToTopWhenTheLocalQueueIsFull() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<ChannelMessage> failedBack = new CopyOnWriteArrayList<>();
    connect(new MessageHandler() {
      @Override
      public void handle(ChannelMessage message) throws Exception {
        started.countDown();
        release.await(10, TimeUnit.SECONDS);
        handled.add(message);
      }

      @Override
      public void failedBack(ChannelMessage message) {
        failedBack.add(message);
      }
    }, 1, 1);

    server.push(1, "taobao_trade_TradeBuyerPay", "{\"tid\":1}");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    server.push(2, "taobao_trade_TradeBuyerPay", "{\"tid\":2}");
    server.push(3, "taobao_trade_TradeBuyerPay", "{\"tid\":3}");

    await().atMost(WAIT).until(() -> !server.sent(TmcFrame.KIND_FAILED).isEmpty());
    assertThat(server.sent(TmcFrame.KIND_FAILED)).singleElement()
        .satisfies(f -> assertThat(f.headers()).containsEntry("id", 3L).extractingByKey("msg").asString().contains("queue full"));
    assertThat(failedBack).as("the handler is told, so that it counts the fail-back").extracting(ChannelMessage::id).containsExactly("3");
    release.countDown();
    await().atMost(WAIT).until(() -> server.sent(TmcFrame.KIND_CONFIRM).size() == 2);
    assertThat(handled).extracting(ChannelMessage::id).containsExactly("1", "2");
  }

  @Test
  void staysConnectedForTenHeartbeatIntervalsToAServerThatNeverPongs() {
    Duration heartbeat = Duration.ofMillis(100);
    client = new TmcWebSocketClient(properties(server.url(), Duration.ofSeconds(30), heartbeat, Duration.ofSeconds(5), 1, 10),
        APP, handled::add, refusals::add, new MutableClock(NOW)).start();
    await().atMost(WAIT).until(client::isConnected);

    await().during(heartbeat.multipliedBy(10)).atMost(WAIT).until(() -> client.isConnected() && server.connections() == 1);

    assertThat(server.pings()).as("the client pinged, and heard no pong").isGreaterThanOrEqualTo(8);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void dropsAnAttemptThatGetsNoConnectAckAndTriesAgain() {
    server.answerConnectRaw(flag -> new byte[0]);
    client = new TmcWebSocketClient(properties(server.url(), Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofMillis(200), 1, 10), APP, handled::add, refusals::add, Clock.fixed(NOW, ZoneOffset.UTC)).start();

    await().atMost(WAIT).until(() -> server.connections() >= 2);

    assertThat(client.isConnected()).isFalse();
    assertThat(refusals).isEmpty();
  }

  @Test
  void stopsReconnectingOnceClosed() throws Exception {
    connect(handled::add, 1, 10);

    client.close();
    server.dropConnections();

    assertThat(client.isConnected()).isFalse();
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> server.connections() == 1);
  }
}
