package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.ShopId;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One Resilience4j {@link RateLimiter} per shop, so a busy shop cannot use up the calls of another:
 * {@code callsPerSecond} permits per one-second period, each call (and each retry) takes one,
 * waiting at most {@code rateLimitTimeout} for it.
 *
 * <p>Calls come in two lanes ({@link Lane}). An {@link Lane#URGENT urgent} call (reading the
 * trades that pushed messages name: a payment waits for it) takes a permit of the shop's limiter
 * only. While the shop made an urgent call within the last {@link #URGENT_RECENT}, a {@link
 * Lane#BACKGROUND background} call (polling, write-backs, everything else) first takes a permit of
 * a second limiter of {@code callsPerSecond − reserve} a period, so background calls leave about
 * {@code reserve} permits of each period to the urgent ones; otherwise it has every permit, and a
 * shop without pushed messages loses nothing. The reserve is at most {@code callsPerSecond − 1}; 0
 * turns the priority off. Thread-safe.
 */
final class ShopRateLimiters {
  /** How long after a shop's last urgent call its background calls still leave the reserve. */
  static final Duration URGENT_RECENT = Duration.ofSeconds(1);

  /** Who waits for a call. */
  enum Lane {
    /** A payment waits for it: the reads of pushed messages. */
    URGENT,
    /** Nobody waits for it by the second: polling, write-backs, subscriptions, everything else. */
    BACKGROUND
  }

  private final RateLimiterConfig all;
  private final RateLimiterConfig background;
  private final int reserve;
  private final LongSupplier nanos;
  private final Map<ShopId, Limiters> shops = new ConcurrentHashMap<>();

  ShopRateLimiters(int callsPerSecond, Duration timeout) {
    this(callsPerSecond, 0, timeout, Duration.ofSeconds(1), System::nanoTime);
  }

  ShopRateLimiters(int callsPerSecond, int reserve, Duration timeout) {
    this(callsPerSecond, reserve, timeout, Duration.ofSeconds(1), System::nanoTime);
  }

  /** @param period the limiters' period (one second outside tests); @param nanos the clock of {@link #URGENT_RECENT} */
  ShopRateLimiters(int callsPerSecond, int reserve, Duration timeout, Duration period, LongSupplier nanos) {
    this.reserve = Math.max(0, Math.min(reserve, callsPerSecond - 1));
    this.all = config(callsPerSecond, period, timeout);
    this.background = config(callsPerSecond - this.reserve, period, timeout);
    this.nanos = nanos;
  }

  private static RateLimiterConfig config(int permits, Duration period, Duration timeout) {
    return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(timeout).build();
  }

  /**
   * Takes one permit for a background call of {@code shop}, waiting for it if needed.
   *
   * @throws RequestNotPermitted when no permit became free within the timeout
   */
  void acquire(ShopId shop) {
    acquire(shop, Lane.BACKGROUND);
  }

  /**
   * Takes one permit for a call of {@code shop} in {@code lane}, waiting for it if needed (a
   * background call while urgent calls go on may wait twice: for its lane's permit, then for the
   * shop's).
   *
   * @throws RequestNotPermitted when no permit became free within the timeout
   */
  void acquire(ShopId shop, Lane lane) {
    Limiters limiters = shops.computeIfAbsent(shop, s -> new Limiters(
        RateLimiter.of("tmall-shop-" + s.value(), all), RateLimiter.of("tmall-shop-" + s.value() + "-background", background)));
    long now = nanos.getAsLong();
    if (lane == Lane.URGENT) {
      limiters.lastUrgent = now;
      limiters.urgentSeen = true;
    } else if (reserve > 0 && limiters.urgentSeen && now - limiters.lastUrgent < URGENT_RECENT.toNanos()) {
      take(limiters.background);
    }
    take(limiters.all);
  }

  private static void take(RateLimiter limiter) {
    if (!limiter.acquirePermission()) {
      throw RequestNotPermitted.createRequestNotPermitted(limiter);
    }
  }

  /** A shop's limiters and when it last made an urgent call. */
  private static final class Limiters {
    final RateLimiter all;
    final RateLimiter background;
    volatile long lastUrgent;
    volatile boolean urgentSeen;

    Limiters(RateLimiter all, RateLimiter background) {
      this.all = all;
      this.background = background;
    }
  }
}
