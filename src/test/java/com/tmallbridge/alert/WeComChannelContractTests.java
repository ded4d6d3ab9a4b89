package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import com.tmallbridge.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The WeCom group robot channel against a local webhook: the contract, the key kept in the URL and the 4096-byte limit. */
class WeComChannelContractTests extends AlertChannelContract {
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
    return new WeComChannel(new AlertProperties.WeCom(receiver.url("/cgi-bin/webhook/send", "key=693a91f6-key")),
        new WebhookPoster(Duration.ofSeconds(5)));
  }

  @Override
  List<String> received() {
    return receiver.requests().stream().map(r -> json.readTree(r.body()).path("markdown").path("content").asString()).toList();
  }

  @Override
  void refuseNext() {
    receiver.answerNext(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
  }

  @Override
  void failNextTemporarily() {
    receiver.answerNext(502, "bad gateway");
  }

  @Override
  AlertChannel unreachable() {
    try {
      return new WeComChannel(new AlertProperties.WeCom("http://127.0.0.1:" + freePort() + "/cgi-bin/webhook/send?key=k"),
          new WebhookPoster(Duration.ofSeconds(2)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void postsMarkdownToTheUrlWithItsKeyAndNothingElse() throws Exception {
    channel().send(message("12 open exceptions"));

    WebhookReceiver.Request request = receiver.requests().get(0);
    assertThat(request.uri().getRawQuery()).isEqualTo("key=693a91f6-key");
    assertThat(json.readTree(request.body()).path("msgtype").asString()).isEqualTo("markdown");
  }

  @Test
  void aMessageOverTheLimitIsCutToFitItsUtf8Bytes() throws Exception {
    channel().send(message("缺货".repeat(1500)));

    String content = received().get(0);
    assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WeComChannel.MAX_BYTES);
    assertThat(content).startsWith("### [TmallBridge] RAISED SYNC_LAG").endsWith("…");
  }
}
