package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlannerTests {
  private final WindowPlanner planner = new WindowPlanner(Duration.ofMinutes(30), Duration.ofMinutes(3));
  /** Cycles re-read 10 s; a sweep every minute re-reads the 3-minute overlap. */
  private final WindowPlanner sweeping = new WindowPlanner(Duration.ofMinutes(30), Duration.ofMinutes(3), Duration.ofSeconds(10), Duration.ofMinutes(1));
  private final Instant firstPull = Instant.parse("2026-11-01T00:00:00Z");
  private final Instant now = Instant.parse("2026-11-11T04:00:00.750Z");
  private final Instant horizon = Instant.parse("2026-08-11T00:00:00Z");

  @Test
  void startsAtTheFirstPullTimeAndCoversUpToNowInContiguousWindows() {
    List<TimeWindow> windows = planner.plan(null, Instant.parse("2026-11-11T02:50:00Z"), horizon, now);
    assertThat(windows).containsExactly(
        new TimeWindow(Instant.parse("2026-11-11T02:50:00Z"), Instant.parse("2026-11-11T03:20:00Z")),
        new TimeWindow(Instant.parse("2026-11-11T03:20:00Z"), Instant.parse("2026-11-11T03:50:00Z")),
        new TimeWindow(Instant.parse("2026-11-11T03:50:00Z"), Instant.parse("2026-11-11T04:00:00Z")));
  }

  @Test
  void reReadsTheOverlapBeforeTheCheckpoint() {
    List<TimeWindow> windows = planner.plan(Instant.parse("2026-11-11T03:59:00Z"), Instant.parse("2026-11-01T00:00:00Z"), horizon, now);
    assertThat(windows).containsExactly(new TimeWindow(Instant.parse("2026-11-11T03:56:00Z"), Instant.parse("2026-11-11T04:00:00Z")));
  }

  @Test
  void betweenSweepsACycleReReadsOnlyTheRecheck() {
    Instant checkpoint = Instant.parse("2026-11-11T03:59:59Z");
    var lastSweep = new WindowPlanner.Sweep(now.minusSeconds(30), Instant.parse("2026-11-11T03:59:30Z"));

    WindowPlanner.Plan plan = sweeping.plan(checkpoint, lastSweep, firstPull, horizon, now);

    assertThat(plan.sweep()).isFalse();
    assertThat(plan.windows()).containsExactly(new TimeWindow(Instant.parse("2026-11-11T03:59:49Z"), Instant.parse("2026-11-11T04:00:00Z")));
    assertThat(plan.completed(now)).isNull();
  }

  @Test
  void aSweepReReadsTheOverlapBeforeWhatTheLastSweepReadSoNoLateTradeFallsBetweenSweeps() {
    Instant checkpoint = Instant.parse("2026-11-11T03:59:59Z");
    var lastSweep = new WindowPlanner.Sweep(now.minusSeconds(60), Instant.parse("2026-11-11T03:59:00Z"));

    WindowPlanner.Plan plan = sweeping.plan(checkpoint, lastSweep, firstPull, horizon, now);

    // a trade modified at 03:56:00 and listed just after the last sweep (03:59:00) is read now
    assertThat(plan.sweep()).isTrue();
    assertThat(plan.windows()).containsExactly(new TimeWindow(Instant.parse("2026-11-11T03:56:00Z"), Instant.parse("2026-11-11T04:00:00Z")));
    assertThat(plan.completed(now)).isEqualTo(new WindowPlanner.Sweep(now, Instant.parse("2026-11-11T04:00:00Z")));
  }

  @Test
  void theFirstCycleOfAProcessIsASweepFromTheCheckpoint() {

    WindowPlanner.Plan plan = sweeping.plan(Instant.parse("2026-11-11T03:59:00Z"), null, firstPull, horizon, now);

    assertThat(plan.sweep()).isTrue();
    assertThat(plan.windows()).containsExactly(new TimeWindow(Instant.parse("2026-11-11T03:56:00Z"), Instant.parse("2026-11-11T04:00:00Z")));
  }

  @Test
  void everyLateTradeWithinTheOverlapIsReadBySomeCycle() {
    // cycles every 7 s for an hour; a trade modified at t shows in TOP's list d ≤ overlap later
    Instant start = Instant.parse("2026-11-11T03:00:00Z");
    List<TimeWindow> reads = new java.util.ArrayList<>();
    List<Instant> readAt = new java.util.ArrayList<>();
    Instant checkpoint = start;
    WindowPlanner.Sweep last = null;
    for (Instant t = start.plusSeconds(7); t.isBefore(start.plusSeconds(3600)); t = t.plusSeconds(7)) {
      WindowPlanner.Plan plan = sweeping.plan(checkpoint, last, start, horizon, t);
      for (TimeWindow w : plan.windows()) {
        reads.add(w);
        readAt.add(t);
        checkpoint = w.end();
      }
      WindowPlanner.Sweep swept = plan.completed(t);
      last = swept == null ? last : swept;
    }
    for (int modified = 0; modified < 3000; modified += 13) {
      for (int delay = 0; delay <= 180; delay += 9) {
        Instant m = start.plusSeconds(modified);
        Instant listed = m.plusSeconds(delay);
        boolean read = false;
        for (int i = 0; i < reads.size() && !read; i++) {
          TimeWindow w = reads.get(i);
          read = !readAt.get(i).isBefore(listed) && !m.isBefore(w.start()) && m.isBefore(w.end());
        }
        assertThat(read).as("modified at +%d s, listed %d s later", modified, delay).isTrue();
      }
    }
  }

  @Test
  void neverPlansAWindowLongerThanTheMaximum() {
    List<TimeWindow> windows = planner.plan(null, Instant.parse("2026-11-10T04:00:00Z"), horizon, now);
    assertThat(windows).hasSize(48).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(Duration.ofMinutes(30)));
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
    }
  }

  @Test
  void clampsTheStartToTheThreeMonthHorizon() {
    List<TimeWindow> windows = planner.plan(null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-11-11T03:00:00Z"), now);
    assertThat(windows.get(0).start()).isEqualTo(Instant.parse("2026-11-11T03:00:00Z"));
  }

  @Test
  void plansNothingWhenCaughtUp() {
    assertThat(planner.plan(now.plusSeconds(600), Instant.parse("2026-11-01T00:00:00Z"), horizon, now)).isEmpty();
  }

  @Test
  void rejectsWindowsOverOneDayAndOverlapsAsLongAsTheWindow() {
    assertThatThrownBy(() -> new WindowPlanner(Duration.ofHours(25), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WindowPlanner(Duration.ofMinutes(5), Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
  }
}
