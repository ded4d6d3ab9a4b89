package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's TMC server byte for byte, as Taobao's official client expects it on the wire (spec
 * §3.6): the expected frames are written here by hand from the spec's layout — byte version 2,
 * byte type, int16 header records, int32-counted UTF-8 strings, typed custom values, all
 * little-endian — and compared with the raw bytes the server sent.
 */
class TopLinkWireTests {
  private static final HexFormat HEX = HexFormat.of();
  private TmallSandbox sandbox;
  private SandboxCredentials credentials;

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(3));
    credentials = sandbox.credentials();
    new TopTestClient(sandbox).call("taobao.tmc.user.permit", Map.of());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private TopLinkTestClient connect(String secret, long timestamp, int flag) throws Exception {
    return TopLinkTestClient.connect(sandbox.tmcUrl(), credentials.appKey(), secret, "default", timestamp, flag);
  }

  private static String string(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return int32(bytes.length) + HEX.formatHex(bytes);
  }

  private static String int32(int value) {
    return le(value, 4);
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

  private static String hex(byte[] raw) {
    return HEX.formatHex(raw);
  }

  @Test
  void connectAckEchoesTheConnectFlagAndCarriesTheToken() throws Exception {
    try (TopLinkTestClient tmc = connect(credentials.appSecret(), sandbox.clock().millis(), 7)) {
      TopLinkTestClient.Received ack = tmc.next();

      assertThat(ack.token()).isNotBlank();
      String expected = "02" + "01"                   // version 2, CONNECTACK
          + "0400" + int32(7)                         // flag of the CONNECT
          + "0500" + string(ack.token())              // the connection's token
          + "0000";                                   // end of headers
      assertThat(hex(ack.raw())).isEqualTo(expected);
    }
  }

  @Test
  void refusedConnectsGetA401ConnectAckWithTheReasonAndTheFlagThenTheSocketCloses() throws Exception {
    long now = sandbox.clock().millis();
    try (TopLinkTestClient badSign = connect("wrong-secret", now, 9)) {
      TopLinkTestClient.Received ack = badSign.next();
      String expected = "02" + "01"
          + "0200" + int32(401)                        // status code
          + "0300" + string("invalid sign")            // status phrase
          + "0400" + int32(9)                          // flag of the CONNECT
          + "0000";
      assertThat(hex(ack.raw())).isEqualTo(expected);
      await().atMost(Duration.ofSeconds(5)).until(badSign::closedByServer);
    }
    try (TopLinkTestClient expired = connect(credentials.appSecret(), now - 3_600_000, 3)) {
      TopLinkTestClient.Received ack = expired.next();
      assertThat(ack.status()).isEqualTo(401);
      assertThat(ack.flag()).isEqualTo(3);
      assertThat(ack.phrase()).contains("timestamp");
      assertThat(ack.token()).isEmpty();
    }
    try (TopLinkTestClient unknown = TopLinkTestClient.connect(
        sandbox.tmcUrl(), "99999999", credentials.appSecret(), "default", now, 4)) {
      TopLinkTestClient.Received ack = unknown.next();
      assertThat(ack.status()).isEqualTo(401);
      assertThat(ack.flag()).isEqualTo(4);
      assertThat(ack.phrase()).contains("app_key");
    }
  }

  @Test
  void aPushedMessageIsASendWithTheTokenAndAByteKind() throws Exception {
    try (TopLinkTestClient tmc = connect(credentials.appSecret(), sandbox.clock().millis(), 1)) {
      String token = tmc.next().token();
      sandbox.burst(1);

      TopLinkTestClient.Received data = tmc.next();

      Map<String, Object> h = data.headers();
      String expected = "02" + "02"                                          // SEND
          + "0500" + string(token)                                           // token on every server frame
          + custom("__kind", "02" + "03")                                    // byte 3: data
          + custom("id", "05" + le((Long) h.get("id"), 8))                   // int64
          + custom("topic", "01" + string("taobao_trade_TradeCreate"))
          + custom("content", "01" + string((String) h.get("content")))
          + custom("time", "06" + le(((Instant) h.get("time")).toEpochMilli(), 8))   // date
          + custom("dataid", "05" + le((Long) h.get("dataid"), 8))
          + custom("publisher", "01" + string(credentials.appKey()))
          + custom("nick", "01" + string(credentials.sellerNick()))
          + custom("userid", "05" + le((Long) h.get("userid"), 8))
          + custom("outtime", "06" + le(((Instant) h.get("outtime")).toEpochMilli(), 8))
          + "0000";
      assertThat(hex(data.raw())).isEqualTo(expected);
      assertThat((String) h.get("content")).contains("\"tid\":");
    }
  }

  @Test
  void aFlaggedSendIsAnsweredByASendAckWithTheFlagAndTheToken() throws Exception {
    try (TopLinkTestClient tmc = connect(credentials.appSecret(), sandbox.clock().millis(), 1)) {
      String token = tmc.next().token();

      tmc.send(2, 5, Map.of("__kind", (byte) 1));

      TopLinkTestClient.Received ack = tmc.next();
      assertThat(hex(ack.raw())).isEqualTo("02" + "03" + "0400" + int32(5) + "0500" + string(token) + "0000");
    }
  }

  @Test
  void takesTheKindAsAByteOrA16BitInteger() throws Exception {
    sandbox.tmcSettings(TmcSettings.defaults().withRedeliveryTimeout(Duration.ofMillis(300)));
    try (TopLinkTestClient tmc = connect(credentials.appSecret(), sandbox.clock().millis(), 1)) {
      tmc.next();
      sandbox.burst(1);
      long create = (Long) tmc.next().headers().get("id");
      long pay = (Long) tmc.next().headers().get("id");

      tmc.send(2, Map.of("__kind", (byte) 2, "id", create));
      tmc.send(2, Map.of("__kind", (short) 2, "id", pay));

      await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.tmcCounters().get("confirmed") == 2L);
      assertThat(sandbox.tmcCounters()).containsEntry("inFlight", 0L);
    }
  }

  @Test
  void pingsGetNoPongAndTheConnectionStaysUp() throws Exception {
    try (TopLinkTestClient tmc = connect(credentials.appSecret(), sandbox.clock().millis(), 1)) {
      tmc.next();

      tmc.ping();
      tmc.ping();
      tmc.ping();

      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
          .until(() -> tmc.pongs() == 0 && !tmc.closedByServer());
      sandbox.burst(1);
      assertThat(tmc.next().headers()).containsEntry("topic", "taobao_trade_TradeCreate");
    }
  }
}
