package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.ShopId;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;

/**
 * One Resilience4j {@link RateLimiter} per shop, so a busy shop cannot use up the calls of another:
 * {@code callsPerSecond} permits per one-second period, each call (and each retry) takes one,
 * waiting at most {@code rateLimitTimeout} for it. Thread-safe.
 */
final class ShopRateLimiters {
  private final RateLimiterRegistry registry;

  ShopRateLimiters(int callsPerSecond, Duration timeout) {
    this.registry =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(callsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(timeout)
                .build());
  }

  /**
   * Takes one permit for {@code shop}, waiting for it if needed.
   *
   * @throws RequestNotPermitted when no permit became free within the timeout
   */
  void acquire(ShopId shop) {
    RateLimiter limiter = registry.rateLimiter("tmall-shop-" + shop.value());
    if (!limiter.acquirePermission()) {
      throw RequestNotPermitted.createRequestNotPermitted(limiter);
    }
  }
}
