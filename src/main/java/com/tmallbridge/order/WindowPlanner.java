package com.tmallbridge.order;

import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans the modified-time windows of one pull cycle, in contiguous windows of at most
 * {@code maxWindow} up to now. Bounds are whole seconds because TOP's timestamps are. Pure.
 *
 * <p>Where a cycle starts: before the first pull, at the shop's first-pull start. Otherwise most
 * cycles re-read only {@code recheck} before the checkpoint (the second the last window ended in,
 * and a little clock skew); every {@code sweepEvery} a <em>sweep</em> re-reads from {@code overlap}
 * before the point the previous sweep read up to, for trades TOP lists late. So a trade that shows
 * in the list at most {@code overlap} after its modified time is read by the first sweep after it
 * shows — the same promise as re-reading the whole overlap on every cycle, which with a poll every
 * second listed the last three minutes' trades 180 times over, spending the shop's call quota.
 */
final class WindowPlanner {
  private final Duration maxWindow;
  private final Duration overlap;
  private final Duration recheck;
  private final Duration sweepEvery;

  /** A planner whose every cycle is a sweep (re-reads the whole overlap). */
  WindowPlanner(Duration maxWindow, Duration overlap) {
    this(maxWindow, overlap, overlap, Duration.ZERO);
  }

  WindowPlanner(Duration maxWindow, Duration overlap, Duration recheck, Duration sweepEvery) {
    if (maxWindow.isNegative() || maxWindow.isZero() || maxWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("window must be between 1 s and 1 day, got " + maxWindow);
    }
    if (overlap.isNegative() || overlap.compareTo(maxWindow) >= 0) {
      throw new IllegalArgumentException("overlap must be at least 0 and shorter than the window, got " + overlap);
    }
    if (recheck.isNegative() || recheck.compareTo(overlap) > 0) {
      throw new IllegalArgumentException("recheck must be between 0 and the overlap, got " + recheck);
    }
    if (sweepEvery.isNegative()) {
      throw new IllegalArgumentException("sweep interval must not be negative, got " + sweepEvery);
    }
    this.maxWindow = maxWindow;
    this.overlap = overlap;
    this.recheck = recheck;
    this.sweepEvery = sweepEvery;
  }

  /**
   * The last completed sweep of a shop.
   *
   * @param at when the cycle that swept started
   * @param readTo the end of its last window: everything modified before it and listed by then was read
   */
  record Sweep(Instant at, Instant readTo) {}

  /**
   * A cycle's windows.
   *
   * @param windows in chronological order, possibly empty
   * @param sweep whether they re-read the overlap (the caller records a {@link Sweep} once they are all imported)
   */
  record Plan(List<TimeWindow> windows, boolean sweep) {
    /** The sweep this plan makes once all its windows are imported, or null when it makes none. */
    @Nullable Sweep completed(Instant at) {
      return sweep && !windows.isEmpty() ? new Sweep(at, windows.get(windows.size() - 1).end()) : null;
    }
  }

  /** A sweep from the checkpoint minus the overlap (or the first-pull start) up to now. */
  List<TimeWindow> plan(@Nullable Instant checkpoint, Instant firstPullFrom, Instant horizon, Instant now) {
    return plan(checkpoint, null, firstPullFrom, horizon, now).windows();
  }

  /**
   * @param checkpoint the end of the last committed window, or null before the first pull
   * @param lastSweep the shop's last completed sweep in this process, or null (a sweep is then due)
   * @param firstPullFrom where the first pull starts
   * @param horizon the oldest start TOP accepts (3 months back); starts are clamped to it
   * @param now the current time
   */
  Plan plan(@Nullable Instant checkpoint, @Nullable Sweep lastSweep, Instant firstPullFrom, Instant horizon, Instant now) {
    boolean sweep = checkpoint == null || lastSweep == null || !now.isBefore(lastSweep.at().plus(sweepEvery));
    Instant start;
    if (checkpoint == null) {
      start = firstPullFrom;
    } else if (sweep) {
      start = (lastSweep == null ? checkpoint : min(lastSweep.readTo(), checkpoint)).minus(overlap);
    } else {
      start = checkpoint.minus(recheck);
    }
    start = max(start, horizon).truncatedTo(ChronoUnit.SECONDS);
    Instant end = now.truncatedTo(ChronoUnit.SECONDS);
    List<TimeWindow> windows = new ArrayList<>();
    while (start.isBefore(end)) {
      Instant windowEnd = min(start.plus(maxWindow), end);
      windows.add(new TimeWindow(start, windowEnd));
      start = windowEnd;
    }
    return new Plan(windows, sweep);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
