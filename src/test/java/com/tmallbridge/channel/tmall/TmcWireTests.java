package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bridge's TMC client puts on the wire and what it accepts from it, byte for byte. Every
 * expected frame is written here by hand from the spec's top-link layout (§3.6: byte version 2,
 * byte message type, int16 header records — 1 custom, 2 status code, 3 status phrase, 4 flag, 5
 * token —, int32-counted UTF-8 strings, custom values behind a type byte, all little-endian), not
 * with the client's codec: the client's frames are captured raw by a stub server, and the server's
 * frames are sent to the client as raw bytes.
 */
class TmcWireTests {
  private static final HexFormat HEX = HexFormat.of();
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

  private void startClient() {
    client = new TmcWebSocketClient(
        TmcWebSocketClientTests.properties(server.url(), Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(5), 1, 10),
        APP, handled::add, refusals::add, Clock.fixed(NOW, ZoneOffset.UTC)).start();
  }

  private static String string(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return le(bytes.length, 4) + HEX.formatHex(bytes);
  }

  private static String le(long value, int size) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < size; i++) {
      s.append(String.format("%02x", (value >>> (8 * i)) & 0xff));
    }
    return s.toString();
  }

  private static String custom(String name, String typedValue) {
    return "0100" + string(name) + typedValue;
  }

  private static byte[] bytes(String hex) {
    return HEX.parseHex(hex);
  }

  private static String acceptWithToken(int flag, String token) {
    return "02" + "01" + "0400" + le(flag, 4) + "0500" + string(token) + "0000";
  }

  private String rawSent(int index) {
    return HEX.formatHex(server.received().get(index).raw());
  }

  @Test
  void connectIsWrittenWithAFlagAndTheSignedHeaders() throws Exception {
    server.answerConnectRaw(flag -> bytes(acceptWithToken(flag, "tk")));
    startClient();
    await().atMost(WAIT).until(client::isConnected);

    String timestamp = Long.toString(NOW.toEpochMilli());
    String sign = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(
        ("tmc-secret" + "app_key12345678" + "group_namedefault" + "timestamp" + timestamp + "tmc-secret")
            .getBytes(StandardCharsets.UTF_8)));
    String expected = "02" + "00"                                  // version 2, CONNECT
        + "0400" + le(1, 4)                                        // flag of the first request
        + custom("app_key", "01" + string("12345678"))
        + custom("group_name", "01" + string("default"))
        + custom("timestamp", "01" + string(timestamp))            // epoch ms as a string
        + custom("sign", "01" + string(sign))                      // upper-hex md5
        + custom("sdk", "01" + string("tmallbridge"))
        + "0000";
    assertThat(rawSent(0)).isEqualTo(expected);
  }

  @Test
  void aHandWrittenConnectAckIsAcceptedAndItsTokenGoesOnThePullRequest() throws Exception {
    server.answerConnectRaw(flag -> bytes(acceptWithToken(flag, "tok-天猫")));
    startClient();
    await().atMost(WAIT).until(client::isConnected);

    await().atMost(WAIT).until(() -> server.received().size() >= 2);
    String pull = "02" + "02"                                      // SEND
        + "0500" + string("tok-天猫")                               // the connection's token
        + custom("__kind", "02" + "01")                            // byte 1: pull request
        + "0000";
    assertThat(rawSent(1)).isEqualTo(pull);
  }

  @Test
  void aHandWritten401ConnectAckIsTheAppsAuthorisationProblem() {
    server.answerConnectRaw(flag -> bytes("02" + "01"
        + "0200" + le(401, 4)                                      // status code 401
        + "0300" + string("invalid sign")                          // status phrase
        + "0400" + le(flag, 4)
        + "0000"));
    startClient();

    await().atMost(WAIT).until(() -> !refusals.isEmpty() && server.connections() >= 2);

    assertThat(client.isConnected()).isFalse();
    assertThat(refusals).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ChannelException.Kind.NEEDS_REAUTHORISATION);
      assertThat(e.getMessage()).contains("401 invalid sign");
    });
  }

  @Test
  void aHandWrittenPushedMessageIsHandledThenConfirmedWithAByteKind() throws Exception {
    server.answerConnectRaw(flag -> bytes(acceptWithToken(flag, "tk")));
    startClient();
    await().atMost(WAIT).until(client::isConnected);
    long published = Instant.parse("2024-11-10T16:00:01Z").toEpochMilli();
    String content = "{\"tid\":192364827791084,\"oid\":192364827791085,\"payment\":\"120.00\"}";

    server.pushRaw(bytes("02" + "02"
        + "0500" + string("tk")
        + custom("__kind", "02" + "03")                            // byte 3: data
        + custom("id", "05" + le(4242L, 8))                        // int64 message id
        + custom("topic", "01" + string("taobao_trade_TradeBuyerPay"))
        + custom("content", "01" + string(content))
        + custom("time", "06" + le(published, 8))                  // date as epoch ms
        + custom("dataid", "05" + le(192364827791084L, 8))
        + custom("publisher", "01" + string("12345678"))
        + custom("nick", "01" + string("旗舰店"))
        + custom("userid", "05" + le(77L, 8))
        + "0000"));

    await().atMost(WAIT).until(() -> server.sent(TmcFrame.KIND_CONFIRM).size() == 1);
    assertThat(handled).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("4242");
      assertThat(m.topic()).isEqualTo("taobao_trade_TradeBuyerPay");
      assertThat(m.tid()).isEqualTo("192364827791084");
      assertThat(m.oid()).isEqualTo("192364827791085");
      assertThat(m.publishTime()).isEqualTo(Instant.ofEpochMilli(published));
      assertThat(m.userNick()).isEqualTo("旗舰店");
      assertThat(m.userId()).isEqualTo("77");
    });
    String confirm = "02" + "02"
        + "0500" + string("tk")
        + custom("__kind", "02" + "02")                            // byte 2: confirm
        + custom("id", "05" + le(4242L, 8))
        + "0000";
    assertThat(server.received()).filteredOn(r -> r.frame().kind() == TmcFrame.KIND_CONFIRM)
        .singleElement().satisfies(r -> assertThat(HEX.formatHex(r.raw())).isEqualTo(confirm));
  }

  @Test
  void aMessageWhoseHandlerFailsIsAnsweredWithAByteKindFailAndTheReason() throws Exception {
    server.answerConnectRaw(flag -> bytes(acceptWithToken(flag, "tk")));
    client = new TmcWebSocketClient(
        TmcWebSocketClientTests.properties(server.url(), Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(5), 1, 10),
        APP, message -> {
          throw new IllegalStateException("ERP busy");
        }, refusals::add, Clock.fixed(NOW, ZoneOffset.UTC)).start();
    await().atMost(WAIT).until(client::isConnected);

    server.pushRaw(bytes("02" + "02" + "0500" + string("tk")
        + custom("__kind", "02" + "03")
        + custom("id", "05" + le(9L, 8))
        + custom("topic", "01" + string("taobao_trade_TradeClose"))
        + custom("content", "01" + string("{\"tid\":1}"))
        + "0000"));

    await().atMost(WAIT).until(() -> server.sent(TmcFrame.KIND_FAILED).size() == 1);
    String fail = "02" + "02"
        + "0500" + string("tk")
        + custom("__kind", "02" + "14")                            // byte 20: failed
        + custom("id", "05" + le(9L, 8))
        + custom("msg", "01" + string("ERP busy"))
        + "0000";
    assertThat(server.received()).filteredOn(r -> r.frame().kind() == TmcFrame.KIND_FAILED)
        .singleElement().satisfies(r -> assertThat(HEX.formatHex(r.raw())).isEqualTo(fail));
  }
}
