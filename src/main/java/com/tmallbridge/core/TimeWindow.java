package com.tmallbridge.core;

import java.time.Duration;
import java.time.Instant;

/** A closed interval of instants {@code [start, end]}; {@code start} must not be after {@code end}. */
public record TimeWindow(Instant start, Instant end) {
  public TimeWindow {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("window start " + start + " is after its end " + end);
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && !t.isAfter(end);
  }
}
