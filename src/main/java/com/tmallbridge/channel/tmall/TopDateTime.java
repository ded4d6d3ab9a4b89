package com.tmallbridge.channel.tmall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
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
  /** {@link #epochSecondOf}'s answer for a text that is not a plain TOP time. */
  private static final long NOT_PLAIN = Long.MIN_VALUE;

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
    long seconds = epochSecondOf(text);
    if (seconds != NOT_PLAIN) {
      return Instant.ofEpochSecond(seconds);
    }
    try {
      return LocalDateTime.parse(text.trim(), FORMAT).toInstant(GMT_PLUS_8);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a TOP time (yyyy-MM-dd HH:mm:ss)", e);
    }
  }

  /**
   * The epoch second of a plain TOP time (exactly 19 characters, ASCII digits, a valid date and a
   * time of 00:00:00–23:59:59), read without the formatter; {@link #NOT_PLAIN} for anything else,
   * which the formatter then parses or rejects, so both paths agree on every text.
   */
  private static long epochSecondOf(String text) {
    if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' ' || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return NOT_PLAIN;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_PLAIN;
    }
    return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second - GMT_PLUS_8.getTotalSeconds();
  }

  /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
