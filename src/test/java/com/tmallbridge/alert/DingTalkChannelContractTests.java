package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.tmallbridge.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The DingTalk robot channel against a local webhook: the contract, the Markdown body and the signature of every request. */
class DingTalkChannelContractTests extends AlertChannelContract {
  private static final String SECRET = "SEC0123456789abcdef";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_733_385_600_000L), ZoneOffset.UTC);
  private final JsonMapper json = JsonMapper.builder().build();
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Override
  AlertChannel channel() {
    return new DingTalkChannel(new AlertProperties.DingTalk(receiver.url("/robot/send", "access_token=t0ken"), SECRET),
        new WebhookPoster(Duration.ofSeconds(5)), CLOCK);
  }

  @Override
  List<String> received() {
    return receiver.requests().stream().map(r -> {
      JsonNode body = json.readTree(r.body());
      return body.path("markdown").path("title").asString() + "\n" + body.path("markdown").path("text").asString();
    }).toList();
  }

  @Override
  void refuseNext() {
    receiver.answerNext(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
  }

  @Override
  void failNextTemporarily() {
    receiver.answerNext(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
  }

  @Override
  AlertChannel unreachable() {
    try {
      return new DingTalkChannel(new AlertProperties.DingTalk("http://127.0.0.1:" + freePort() + "/robot/send?access_token=t", SECRET),
          new WebhookPoster(Duration.ofSeconds(2)), CLOCK);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void postsAMarkdownMessageSignedWithTheSecret() throws Exception {
    channel().send(message("45 min behind"));

    WebhookReceiver.Request request = receiver.requests().get(0);
    assertThat(request.uri().getPath()).isEqualTo("/robot/send");
    assertThat(request.param("access_token")).isEqualTo("t0ken");
    assertThat(request.param("timestamp")).isEqualTo("1733385600000");
    assertThat(request.param("sign")).isEqualTo(independentSign(SECRET, 1_733_385_600_000L));
    assertThat(json.readTree(request.body()).path("msgtype").asString()).isEqualTo("markdown");
  }

  @Test
  void withoutASecretTheUrlIsPostedAsConfigured() throws Exception {
    new DingTalkChannel(new AlertProperties.DingTalk(receiver.url("/robot/send", "access_token=t0ken"), null),
        new WebhookPoster(Duration.ofSeconds(5)), CLOCK).send(message("unsigned"));

    assertThat(receiver.requests().get(0).uri().getRawQuery()).isEqualTo("access_token=t0ken");
  }

  @Test
  void anHttpServerErrorIsRetryable() {
    receiver.answerNext(503, "busy");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> channel().send(message("x")))
        .isInstanceOfSatisfying(AlertDeliveryException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("HTTP 503").hasMessageNotContaining("t0ken");
  }

  /** DingTalk's signature computed here with the JDK alone: Base64(HmacSHA256(secret, timestamp + "\n" + secret)). */
  private static String independentSign(String secret, long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
  }
}
