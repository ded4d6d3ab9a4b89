package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelMessage;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@link ChannelMessage}s from the two TMC delivery forms: a top-link Data frame's custom
 * headers ({@code id}, {@code topic}, {@code content}, {@code time}, {@code nick}, {@code userid})
 * and an entry of taobao.tmc.messages.consume ({@code id}, {@code topic}, {@code content},
 * {@code pub_time}, {@code user_nick}, {@code user_id}). {@code tid}, {@code oid} and {@code
 * refund_id} are read from the content when it is a JSON object; a content that is not JSON leaves
 * them null and is passed on as it came. Pure functions.
 */
final class TmcMessageMapper {
  private TmcMessageMapper() {}

  /**
   * Maps a Data frame's headers.
   *
   * @throws IllegalArgumentException when {@code id} or {@code topic} is missing
   */
  static ChannelMessage fromFrame(Map<String, @Nullable Object> headers) {
    String id = text(headers.get("id"));
    String topic = text(headers.get("topic"));
    if (id == null || topic == null) {
      throw new IllegalArgumentException("TMC data message without " + (id == null ? "id" : "topic") + ": " + headers.keySet());
    }
    String content = text(headers.get("content"));
    return message(id, topic, content == null ? "" : content, time(headers.get("time")), text(headers.get("nick")),
        text(headers.get("userid")));
  }

  /**
   * Maps an entry of taobao.tmc.messages.consume.
   *
   * @throws IllegalArgumentException when {@code id} or {@code topic} is missing or a time is malformed
   */
  static ChannelMessage fromJson(JsonNode entry) {
    String id = TopValues.requiredText(entry, "id");
    String topic = TopValues.requiredText(entry, "topic");
    String content = TopValues.text(entry, "content");
    return message(id, topic, content == null ? "" : content, TopValues.instant(entry, "pub_time"),
        TopValues.nonEmptyText(entry, "user_nick"), TopValues.nonEmptyText(entry, "user_id"));
  }

  private static ChannelMessage message(
      String id, String topic, String content, @Nullable Instant published, @Nullable String nick, @Nullable String userId) {
    JsonNode body = contentObject(content);
    return new ChannelMessage(
        id,
        topic,
        body == null ? null : TopValues.nonEmptyText(body, "tid"),
        body == null ? null : TopValues.nonEmptyText(body, "oid"),
        body == null ? null : TopValues.nonEmptyText(body, "refund_id"),
        content,
        published,
        nick,
        userId);
  }

  private static @Nullable JsonNode contentObject(String content) {
    if (content.isBlank()) {
      return null;
    }
    try {
      return TopJson.readObject(content);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    return text.isEmpty() ? null : text;
  }

  /** A publish time sent as a date, epoch milliseconds or TOP's GMT+8 text; null when unreadable. */
  private static @Nullable Instant time(@Nullable Object value) {
    if (value instanceof Instant t) {
      return t;
    }
    if (value instanceof Long || value instanceof Integer) {
      return Instant.ofEpochMilli(((Number) value).longValue());
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return s.strip().chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(s.strip())) : TopDateTime.parse(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
