package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {
  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofMinutes(5);

  private static RetryPolicy policy(double jitter, long seed) {
    return new RetryPolicy(8, BASE, CAP, jitter, new Random(seed));
  }

  @Test
  void doublesTheDelayWithEachFailure() {
    RetryPolicy policy = policy(0, 1);

    assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::backoff))
        .containsExactly(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));
  }

  @Test
  void capsTheDelay() {
    RetryPolicy policy = policy(0, 1);

    assertThat(policy.backoff(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(policy.backoff(10)).isEqualTo(CAP);
    assertThat(policy.backoff(63)).isEqualTo(CAP);
    assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(CAP);
  }

  @Test
  void keepsJitteredDelaysWithinTheJitterFraction() {
    RetryPolicy policy = policy(0.2, 7);

    var delays = IntStream.range(0, 5_000).mapToObj(i -> policy.backoff(3).toMillis()).toList();

    assertThat(delays).allSatisfy(ms -> assertThat(ms).isBetween(3_200L, 4_800L));
    assertThat(delays).anySatisfy(ms -> assertThat(ms).isLessThan(3_400L));
    assertThat(delays).anySatisfy(ms -> assertThat(ms).isGreaterThan(4_600L));
  }

  @Test
  void spreadsCappedDelaysToo() {
    RetryPolicy policy = policy(0.2, 7);

    var delays = IntStream.range(0, 1_000).mapToObj(i -> policy.backoff(20).toMillis()).toList();

    assertThat(delays).allSatisfy(ms -> assertThat(ms).isBetween(240_000L, 360_000L));
    assertThat(delays.stream().distinct().count()).isGreaterThan(500);
  }

  @Test
  void repeatsItsDelaysForTheSameSeed() {
    var first = IntStream.rangeClosed(1, 8).mapToObj(policy(0.2, 42)::backoff).toList();
    var second = IntStream.rangeClosed(1, 8).mapToObj(policy(0.2, 42)::backoff).toList();
    var otherSeed = IntStream.rangeClosed(1, 8).mapToObj(policy(0.2, 43)::backoff).toList();

    assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
  }

  @Test
  void schedulesTheNextAttemptFromNow() {
    Instant now = Instant.parse("2025-11-11T00:00:00Z");

    assertThat(policy(0, 1).nextAttempt(now, 3)).isEqualTo(now.plusSeconds(4));
  }

  @Test
  void isExhaustedAtMaxAttempts() {
    RetryPolicy policy = policy(0, 1);

    assertThat(policy.exhausted(7)).isFalse();
    assertThat(policy.exhausted(8)).isTrue();
    assertThat(policy.exhausted(9)).isTrue();
  }

  @Test
  void rejectsSettingsThatMakeNoSense() {
    Random random = new Random(1);
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, BASE, CAP, 0.2, random));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(8, Duration.ZERO, CAP, 0.2, random));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(8, CAP, BASE, 0.2, random));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(8, BASE, CAP, 1.0, random));
    assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(8, BASE, CAP, -0.1, random));
    assertThatIllegalArgumentException().isThrownBy(() -> policy(0, 1).backoff(0));
  }
}
