package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DemoPhasesTests {
  private final AtomicLong nanos = new AtomicLong();
  private final DemoPhases phases = new DemoPhases(nanos::get);

  @Test
  void eachPhaseLastsUntilTheNextBegins() {
    phases.begin(DemoPhases.SEEDING);
    advanceMillis(1_500);
    phases.begin(DemoPhases.CATCH_UP);
    advanceMillis(20_000);
    phases.end();
    advanceMillis(9_000);

    assertThat(phases.millis()).containsExactly(
        entry(DemoPhases.SEEDING, 1_500L), entry(DemoPhases.CATCH_UP, 20_000L));
  }

  @Test
  void aPhaseBegunAgainAddsToItsFirstTotalAndKeepsItsPlace() {
    phases.begin(DemoPhases.CHECKS);
    advanceMillis(300);
    phases.begin(DemoPhases.FINAL_PASS);
    advanceMillis(2_000);
    phases.begin(DemoPhases.CHECKS);
    advanceMillis(700);
    phases.end();

    assertThat(phases.millis()).containsExactly(
        entry(DemoPhases.CHECKS, 1_000L), entry(DemoPhases.FINAL_PASS, 2_000L));
  }

  @Test
  void theRunningPhaseCountsUpToNow() {
    phases.begin(DemoPhases.SETTLE);
    advanceMillis(4_000);

    assertThat(phases.millis()).containsEntry(DemoPhases.SETTLE, 4_000L);
  }

  private void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000);
  }
}
