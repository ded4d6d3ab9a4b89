package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopClientRequestTests {
  private static final Clock NOON_IN_HANGZHOU = Clock.fixed(Instant.parse("2016-01-01T04:00:00Z"), ZoneOffset.UTC);
  private static final String OK = "{\"trade_fullinfo_get_response\":{\"trade\":{\"tid\":123456789}}}";

  private TopStubServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = TopStubServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private TopClient client(TmallProperties properties) {
    return new TopClient(properties, NOON_IN_HANGZHOU);
  }

  private static TopRequest fullinfo() {
    return TopRequest.of("taobao.trade.fullinfo.get").with("fields", "tid,type,status").with("tid", "123456789");
  }

  @Test
  void sendsSystemParamsInTheQueryAndBusinessParamsInTheBody() {
    server.reply(Reply.json(OK));

    client(new TestProperties().build()).call(server.shop(1, "md5"), fullinfo());

    Received request = server.received().get(0);
    assertThat(request.query())
        .containsEntry("method", "taobao.trade.fullinfo.get")
        .containsEntry("app_key", "12345678")
        .containsEntry("session", "session-1")
        .containsEntry("timestamp", "2016-01-01 12:00:00")
        .containsEntry("v", "2.0")
        .containsEntry("sign_method", "md5")
        .containsEntry("format", "json")
        .containsEntry("partner_id", "tmallbridge-test")
        .containsKey("sign")
        .doesNotContainKeys("fields", "tid", "simplify");
    assertThat(request.form()).containsOnly(Map.entry("fields", "tid,type,status"), Map.entry("tid", "123456789"));
    assertThat(request.headers().get("Content-type")).containsExactly("application/x-www-form-urlencoded;charset=utf-8");
    assertThat(request.headers().get("Accept-encoding")).containsExactly("gzip");
  }

  @Test
  void signsQueryAndBodyTogether() throws Exception {
    server.reply(Reply.json(OK));

    client(new TestProperties().build()).call(server.shop(1, "md5"), fullinfo().with("note", "天猫 & 双11"));

    Received request = server.received().get(0);
    TreeMap<String, String> signed = new TreeMap<>(request.query());
    signed.putAll(request.form());
    String sign = signed.remove("sign");
    StringBuilder text = new StringBuilder(TopStubServer.SECRET);
    signed.forEach((k, v) -> text.append(k).append(v));
    text.append(TopStubServer.SECRET);
    byte[] md5 = MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(sign).isEqualTo(HexFormat.of().withUpperCase().formatHex(md5));
    assertThat(request.form()).containsEntry("note", "天猫 & 双11");
  }

  @Test
  void signsWithTheShopsSignMethod() {
    server.reply(Reply.json(OK));

    client(new TestProperties().build()).call(server.shop(1, "hmac-sha256"), fullinfo());

    Received request = server.received().get(0);
    Map<String, String> all = new TreeMap<>(request.query());
    all.putAll(request.form());
    assertThat(request.query().get("sign")).hasSize(64).isEqualTo(TopSigner.sign(all, TopStubServer.SECRET, "hmac-sha256"));
  }

  @Test
  void asksForSimplifiedJsonWhenConfiguredAndReadsIt() {
    server.reply(Reply.json("{\"trade\":{\"tid\":123456789},\"request_id\":\"r\"}"));

    TopResponse response = client(new TestProperties().simplify(true).build()).call(server.shop(1, "md5"), fullinfo());

    assertThat(server.received().get(0).query()).containsEntry("simplify", "true");
    assertThat(response.object("trade")).isPresent();
  }

  @Test
  void decodesGzippedAnswers() {
    server.reply(Reply.json(OK).gzipped());

    TopResponse response = client(new TestProperties().build()).call(server.shop(1, "md5"), fullinfo());

    assertThat(TradeMapper.tid(response.object("trade").orElseThrow())).isEqualTo("123456789");
  }

  @Test
  void honoursTheErrorEnvelopeOfANon200Answer() {
    server.reply(new Reply(400, Fixtures.text("error/invalid_parameter.json"), "application/json", false));

    assertThatThrownBy(() -> client(new TestProperties().build()).call(server.shop(1, "md5"), fullinfo()))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT))
        .hasMessageContaining("isv.invalid-parameter:tid");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void rejectsAnUnknownSignMethodWithoutCallingTheGateway() {
    ShopCredentials shop = server.shop(1, "sha1");

    assertThatThrownBy(() -> client(new TestProperties().build()).call(shop, fullinfo()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.INVALID_CREDENTIALS);
        });
    assertThat(server.received()).isEmpty();
  }

  @Test
  void neverPutsSecretsInExceptionMessages() {
    server.answer(r -> Reply.html(503, "busy"));

    assertThatThrownBy(() -> client(new TestProperties().maxAttempts(1).build()).call(server.shop(1, "md5"), fullinfo()))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageNotContaining(TopStubServer.SECRET)
        .hasMessageNotContaining("session-1");
  }
}
