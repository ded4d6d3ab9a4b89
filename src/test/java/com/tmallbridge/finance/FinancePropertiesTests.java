package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** bridge.finance.*: each value out of range is refused with a message naming the property. */
class FinancePropertiesTests {
  private static final Duration M = Duration.ofMinutes(1);

  @Test
  void acceptsTheDefaultsAndRefusesValuesOutOfRangeNamingTheProperty() {
    assertThat(new FinanceProperties(Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofMinutes(5), M).window())
        .isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> new FinanceProperties(Duration.ZERO, Duration.ofDays(1), M, M))
        .hasMessageContaining("bridge.finance.import-interval");
    assertThatThrownBy(() -> new FinanceProperties(M, Duration.ofHours(25), M, M)).hasMessageContaining("bridge.finance.window");
    assertThatThrownBy(() -> new FinanceProperties(M, Duration.ofDays(1), Duration.ofSeconds(-1), M))
        .hasMessageContaining("bridge.finance.safety-lag");
    assertThatThrownBy(() -> new FinanceProperties(M, Duration.ofDays(1), M, Duration.ofMillis(500)))
        .hasMessageContaining("bridge.finance.min-split-window");
    assertThatThrownBy(() -> new FinanceProperties(M, Duration.ofHours(1), M, Duration.ofHours(2)))
        .hasMessageContaining("bridge.finance.min-split-window");
  }
}
