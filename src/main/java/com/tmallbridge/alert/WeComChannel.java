package com.tmallbridge.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A WeCom group robot (企业微信群机器人): a Markdown message posted to its webhook. WeCom's group
 * robots have no signing; the key in the URL is the only secret. Their Markdown content is limited
 * to 4096 bytes, so a longer message is cut.
 */
final class WeComChannel implements AlertChannel {
  static final int MAX_BYTES = 4096;
  private final String webhook;
  private final WebhookPoster poster;

  WeComChannel(AlertProperties.WeCom settings, WebhookPoster poster) {
    this.webhook = settings.webhook();
    this.poster = poster;
  }

  @Override
  public String id() {
    return "wecom";
  }

  @Override
  public void send(AlertMessage message) throws AlertDeliveryException {
    Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", cut(message.markdown())));
    poster.post(id(), URI.create(webhook), AlertProperties.masked(webhook), body);
  }

  /** The text cut at a character boundary so that its UTF-8 form fits {@link #MAX_BYTES}. */
  static String cut(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES - 3) {
        break;
      }
      kept.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return kept.append('…').toString();
  }
}
