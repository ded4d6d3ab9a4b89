package com.tmallbridge.order;

import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans the modified-time windows of one pull cycle: from the checkpoint minus the overlap (or the
 * shop's first-pull start) up to now, in contiguous windows of at most {@code maxWindow}. Bounds are
 * whole seconds because TOP's timestamps are. Pure.
 */
final class WindowPlanner {
  private final Duration maxWindow;
  private final Duration overlap;

  WindowPlanner(Duration maxWindow, Duration overlap) {
    if (maxWindow.isNegative() || maxWindow.isZero() || maxWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("window must be between 1 s and 1 day, got " + maxWindow);
    }
    if (overlap.isNegative() || overlap.compareTo(maxWindow) >= 0) {
      throw new IllegalArgumentException("overlap must be at least 0 and shorter than the window, got " + overlap);
    }
    this.maxWindow = maxWindow;
    this.overlap = overlap;
  }

  /**
   * @param checkpoint the end of the last committed window, or null before the first pull
   * @param firstPullFrom where the first pull starts
   * @param horizon the oldest start TOP accepts (3 months back); starts are clamped to it
   * @param now the current time
   * @return windows in chronological order, possibly empty
   */
  List<TimeWindow> plan(@Nullable Instant checkpoint, Instant firstPullFrom, Instant horizon, Instant now) {
    Instant start = checkpoint == null ? firstPullFrom : checkpoint.minus(overlap);
    start = max(start, horizon).truncatedTo(ChronoUnit.SECONDS);
    Instant end = now.truncatedTo(ChronoUnit.SECONDS);
    List<TimeWindow> windows = new ArrayList<>();
    while (start.isBefore(end)) {
      Instant windowEnd = min(start.plus(maxWindow), end);
      windows.add(new TimeWindow(start, windowEnd));
      start = windowEnd;
    }
    return windows;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
