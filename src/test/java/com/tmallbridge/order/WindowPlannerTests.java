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
