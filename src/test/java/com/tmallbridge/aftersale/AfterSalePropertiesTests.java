package com.tmallbridge.aftersale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AfterSalePropertiesTests {

  @Test
  void refusesAPollIntervalThatIsNotPositive() {
    Duration window = Duration.ofMinutes(30);
    Duration overlap = Duration.ofMinutes(3);

    assertThat(new AfterSaleProperties(window, overlap, Duration.ofMinutes(1), Duration.ofMinutes(30)).pollInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> new AfterSaleProperties(window, overlap, Duration.ZERO, Duration.ZERO)).hasMessageContaining("bridge.aftersale.poll-interval");
    assertThatThrownBy(() -> new AfterSaleProperties(window, overlap, Duration.ofSeconds(-1), Duration.ZERO)).hasMessageContaining("poll-interval");
  }

  @Test
  void refusesANegativeCaseOrderWait() {
    assertThatThrownBy(() -> new AfterSaleProperties(Duration.ofMinutes(30), Duration.ofMinutes(3), Duration.ofMinutes(1),
        Duration.ofSeconds(-1))).hasMessageContaining("bridge.aftersale.case-order-wait");
  }
}
