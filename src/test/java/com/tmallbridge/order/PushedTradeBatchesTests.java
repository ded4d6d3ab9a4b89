package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@link PushedTradeBatches} spaces a shop's rounds: by the interval, or by the calls the last round made. */
class PushedTradeBatchesTests {
  private static final Duration INTERVAL = Duration.ofMillis(50);

  @Test
  void aRoundOfOneCallIsFollowedAfterTheInterval() {
    assertThat(PushedTradeBatches.spacing(INTERVAL, 1, 20)).isEqualTo(INTERVAL);
    assertThat(PushedTradeBatches.spacing(INTERVAL, 0, 20)).isEqualTo(INTERVAL);
  }

  @Test
  void aRoundOfManyCallsIsFollowedOnlyWhenTheCallBudgetAllows() {
    assertThat(PushedTradeBatches.spacing(INTERVAL, 10, 20)).isEqualTo(Duration.ofMillis(500));
    assertThat(PushedTradeBatches.spacing(INTERVAL, 3, 20)).isEqualTo(Duration.ofMillis(150));
  }
}
