package com.tmallbridge.demo;

import java.time.Duration;

/**
 * How to run the demo.
 *
 * @param orders trades the sandbox generates (about 90% as a day of history, the rest live)
 * @param seed seed of the sandbox's data and faults
 * @param faultRate share of API calls the sandbox fails (isp errors, short bans, broken bodies)
 * @param timeout how long to wait for the bridge to catch up before giving up
 */
public record DemoOptions(int orders, long seed, double faultRate, Duration timeout) {
  public DemoOptions {
    if (orders < 1 || orders > 1_000_000) {
      throw new IllegalArgumentException("--orders must be between 1 and 1000000, got " + orders);
    }
    if (!(faultRate >= 0 && faultRate <= 0.9)) {
      throw new IllegalArgumentException("--faults must be between 0 and 0.9, got " + faultRate);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
    }
  }

  int liveOrders() {
    return orders - historyOrders();
  }

  int historyOrders() {
    return (int) Math.round(orders * 0.9);
  }

  /** Live trades arrive over a few seconds to a minute, depending on how many there are. */
  Duration liveSpan() {
    return Duration.ofSeconds(Math.max(5, Math.min(60, liveOrders() / 20)));
  }
}
