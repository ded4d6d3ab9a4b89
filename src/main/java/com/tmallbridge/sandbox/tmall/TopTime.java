package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * TOP's wire time: {@code yyyy-MM-dd HH:mm:ss} wall time in GMT+8, second precision. Used for the
 * {@code timestamp} system parameter, date business parameters and every date in a response.
 */
final class TopTime {
  static final ZoneOffset GMT8 = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private TopTime() {}

  /** Formats an instant as GMT+8 wall time, dropping fractions of a second. */
  static String format(Instant instant) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, GMT8));
  }

  /**
   * Parses GMT+8 wall time.
   *
   * @throws DateTimeParseException when the text is not exactly {@code yyyy-MM-dd HH:mm:ss}
   */
  static Instant parse(String text) {
    return LocalDateTime.parse(text, FORMAT).toInstant(GMT8);
  }

  /** The instant cut to whole seconds, the precision of every time TOP reports. */
  static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
