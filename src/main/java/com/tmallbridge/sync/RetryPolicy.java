package com.tmallbridge.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again, and when to give up. The delay after the n-th failure is
 * {@code base * 2^(n-1)}, capped at {@code cap}, then spread by a random factor in {@code [1 -
 * jitter, 1 + jitter]} so that messages failing together do not all come back together. The cap is
 * applied before the jitter, so a delay may exceed it by at most the jitter fraction.
 *
 * <p>Thread-safe when {@code random} is (e.g. {@link java.util.Random}).
 */
final class RetryPolicy {
  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final double jitter;
  private final RandomGenerator random;

  /**
   * @param maxAttempts deliveries tried before a message is blocked, at least 1
   * @param base delay after the first failure, positive
   * @param cap longest delay before jitter, not shorter than {@code base}
   * @param jitter fraction in {@code [0, 1)} by which a delay is spread either way
   * @param random source of the jitter
   */
  RetryPolicy(int maxAttempts, Duration base, Duration cap, double jitter, RandomGenerator random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap, got base " + base + ", cap " + cap);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.jitter = jitter;
    this.random = random;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a message that has failed {@code failures} times must be blocked. */
  boolean exhausted(int failures) {
    return failures >= maxAttempts;
  }

  /** The delay before the next attempt after {@code failures} failures (at least 1). */
  Duration backoff(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, got " + failures);
    }
    return jittered(capped(failures));
  }

  /** The instant of the next attempt after {@code failures} failures, counted from {@code now}. */
  Instant nextAttempt(Instant now, int failures) {
    return now.plus(backoff(failures));
  }

  private Duration capped(int failures) {
    int exponent = failures - 1;
    if (exponent >= 62) {
      return cap;
    }
    long factor = 1L << exponent;
    return base.compareTo(cap.dividedBy(factor)) > 0 ? cap : base.multipliedBy(factor);
  }

  private Duration jittered(Duration delay) {
    if (jitter == 0) {
      return delay;
    }
    double factor = 1 + random.nextDouble(-jitter, jitter);
    return Duration.ofMillis(Math.round(delay.toMillis() * factor));
  }
}
