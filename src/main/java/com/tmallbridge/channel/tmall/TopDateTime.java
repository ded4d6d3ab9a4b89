package com.tmallbridge.channel.tmall;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * TOP's wire form of a point in time: {@code yyyy-MM-dd HH:mm:ss} wall time in GMT+8 (China has no
 * daylight saving, so a fixed offset is exact). Used for the {@code timestamp} system parameter,
 * date-typed business parameters and every date in responses.
 */
final class TopDateTime {
  static final ZoneOffset GMT_PLUS_8 = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private TopDateTime() {}

  /** Formats an instant as GMT+8 wall time; sub-second precision is truncated. */
  static String format(Instant instant) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, GMT_PLUS_8));
  }

  /**
   * Parses GMT+8 wall time.
   *
   * @throws IllegalArgumentException when the text is not {@code yyyy-MM-dd HH:mm:ss}
   */
  static Instant parse(String text) {
    try {
      return LocalDateTime.parse(text.trim(), FORMAT).toInstant(GMT_PLUS_8);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a TOP time (yyyy-MM-dd HH:mm:ss)", e);
    }
  }
}
