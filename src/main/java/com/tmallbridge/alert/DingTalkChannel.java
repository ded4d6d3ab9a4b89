package com.tmallbridge.alert;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DingTalk custom robot (钉钉自定义机器人): a Markdown message posted to its webhook, signed when a
 * secret is configured ({@link DingTalkSigner}, timestamp from the injected clock).
 */
final class DingTalkChannel implements AlertChannel {
  private final String webhook;
  private final @Nullable DingTalkSigner signer;
  private final WebhookPoster poster;
  private final Clock clock;

  DingTalkChannel(AlertProperties.DingTalk settings, WebhookPoster poster, Clock clock) {
    this.webhook = settings.webhook();
    this.signer = settings.secret() == null ? null : new DingTalkSigner(settings.secret());
    this.poster = poster;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "dingtalk";
  }

  @Override
  public void send(AlertMessage message) throws AlertDeliveryException {
    String url = signer == null ? webhook : webhook + signer.query(clock.millis());
    Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("title", message.title(), "text", message.markdown()));
    poster.post(id(), URI.create(url), AlertProperties.masked(webhook), body);
  }
}
