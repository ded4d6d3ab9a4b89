package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock, new ConsoleProperties(5, Duration.ofMinutes(15), 3,
      Duration.ofMinutes(10), null));

  @Test
  void anAddressIsRefusedFromItsLimitUntilItsOldestFailureLeavesTheWindow() {
    throttle.failed("10.0.0.1");
    clock.advance(Duration.ofMinutes(2));
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusedFor("10.0.0.1")).as("under the limit").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    throttle.failed("10.0.0.1");

    assertThat(throttle.refusedFor("10.0.0.1")).contains(Duration.ofMinutes(7));
    assertThat(throttle.refusedFor("10.0.0.2")).as("another address").isEmpty();
    clock.advance(Duration.ofMinutes(7).minusSeconds(1));
    assertThat(throttle.refusedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusedFor("10.0.0.1")).as("the first failure left the window").isEmpty();
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusedFor("10.0.0.1")).as("three in the window again: the 2nd, 3rd and this one")
        .contains(Duration.ofMinutes(2));
  }

  @Test
  void aRefusalIsRecordedFirstAndThenAtMostOnceAMinute() {
    assertThat(throttle.recordRefusal("10.0.0.1")).isTrue();
    assertThat(throttle.recordRefusal("10.0.0.1")).isFalse();
    assertThat(throttle.recordRefusal("10.0.0.2")).isTrue();
    clock.advance(Duration.ofSeconds(59));
    assertThat(throttle.recordRefusal("10.0.0.1")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.recordRefusal("10.0.0.1")).isTrue();
  }

  @Test
  void theLeastRecentlyFailingAddressesAreForgottenBeyondTheBound() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.refusedFor("10.0.0.1")).isPresent();
    for (int i = 0; i < LoginThrottle.MAX_ADDRESSES; i++) {
      throttle.failed("192.168." + (i / 256) + "." + (i % 256));
    }
    assertThat(throttle.refusedFor("10.0.0.1")).isEmpty();
  }
}
