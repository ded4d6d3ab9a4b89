package com.tmallbridge.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * The days a report covers: {@code from} to {@code to}, both included, as calendar days of the
 * shops' zone ({@link #ZONE}, China Standard Time, UTC+8 all year). A trade counts on the day its
 * payment was made there.
 *
 * @param from the first day
 * @param to the last day, not before {@code from} and at most {@link #MAX_DAYS} days after it
 */
public record ReportRange(LocalDate from, LocalDate to) {
  /** The shops' zone: Tmall's times and the accountant's days are Beijing time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Longest range a report accepts, in days: a year and a day covers any year and its leap day. */
  public static final int MAX_DAYS = 366;

  /** @throws IllegalArgumentException when {@code to} is before {@code from} or the range is longer than {@link #MAX_DAYS} */
  public ReportRange {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from + ": give the first day, then the last");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new IllegalArgumentException("the range " + from + " to " + to + " is longer than " + MAX_DAYS
          + " days: report a year at most at a time");
    }
  }

  /** The first instant of {@code from} in {@link #ZONE}. */
  public Instant start() {
    return from.atStartOfDay(ZONE).toInstant();
  }

  /** The first instant after {@code to} in {@link #ZONE} (exclusive end). */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** Every day of the range, in order. */
  public List<LocalDate> days() {
    return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1)).toList();
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
