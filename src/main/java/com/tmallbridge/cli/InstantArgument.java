package com.tmallbridge.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time: an ISO instant ({@code 2026-11-11T00:00:00Z}), or a Tmall wall time in
 * GMT+8 ({@code 2026-11-11 08:00:00}, {@code 2026-11-11T08:00}, {@code 2026-11-11}).
 */
final class InstantArgument implements ITypeConverter<Instant> {
  private static final ZoneId TMALL = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TOP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public Instant convert(String value) {
    String v = value.trim();
    try {
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(v).toInstant();
      }
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(TMALL).toInstant();
      }
      if (v.contains(" ")) {
        return LocalDateTime.parse(v, TOP).atZone(TMALL).toInstant();
      }
      return LocalDateTime.parse(v).atZone(TMALL).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a time: use 2026-11-11, '2026-11-11 08:00:00' (GMT+8) or 2026-11-11T00:00:00Z");
    }
  }
}
