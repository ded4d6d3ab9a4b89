package com.tmallbridge.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * One message to the people on call, whatever the channel.
 *
 * @param event raised, repeated, resolved or a test
 * @param kind what it is about (null for a test message)
 * @param subject the alert's subject, e.g. {@code TM01} or {@code TM01 tmall/trades}
 * @param text the finding's line with its figures
 * @param since when the condition started
 * @param at when the message was made
 */
public record AlertMessage(AlertEvent event, @Nullable AlertKind kind, String subject, String text, Instant since, Instant at) {
  /** Times in messages are China Standard Time, as the merchant's team reads them. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  /** A test message from {@code bridge alerts test}. */
  public static AlertMessage test(Instant now) {
    return new AlertMessage(AlertEvent.TEST, null, "test", "TmallBridge alert test: this channel reaches you.", now, now);
  }

  /** One line: {@code [TmallBridge] RAISED SYNC_LAG TM01 tmall/trades}. */
  public String title() {
    return "[TmallBridge] " + event + (kind == null ? "" : " " + kind) + " " + subject;
  }

  /** The body as Markdown (DingTalk's and WeCom's subset: headings, bold, quotes). */
  public String markdown() {
    return "### " + title() + "\n\n" + text + "\n\n> since " + TIME.format(since) + " (UTC+8), sent " + TIME.format(at) + "\n";
  }

  /** The body as plain text (e-mail). */
  public String plainText() {
    return title() + "\n\n" + text + "\n\nSince " + TIME.format(since) + " (UTC+8), sent " + TIME.format(at) + ".\n";
  }
}
