package com.tmallbridge.channel.tmall;

import java.time.Duration;

/** Builds {@link TmallProperties} for tests: the defaults with fast back-off, changed one by one. */
final class TestProperties {
  private int maxAttempts = 4;
  private Duration retryBaseDelay = Duration.ofMillis(10);
  private Duration maxBanWait = Duration.ofSeconds(10);
  private Duration banWaitMargin = Duration.ofMillis(100);
  private int callsPerSecond = 1000;
  private Duration rateLimitTimeout = Duration.ofSeconds(5);
  private int pageSize = 100;
  private boolean simplify;
  private Duration readTimeout = Duration.ofSeconds(10);

  TestProperties maxAttempts(int value) {
    maxAttempts = value;
    return this;
  }

  TestProperties maxBanWait(Duration value) {
    maxBanWait = value;
    return this;
  }

  TestProperties banWaitMargin(Duration value) {
    banWaitMargin = value;
    return this;
  }

  TestProperties callsPerSecond(int value) {
    callsPerSecond = value;
    return this;
  }

  TestProperties rateLimitTimeout(Duration value) {
    rateLimitTimeout = value;
    return this;
  }

  TestProperties pageSize(int value) {
    pageSize = value;
    return this;
  }

  TestProperties simplify(boolean value) {
    simplify = value;
    return this;
  }

  TestProperties readTimeout(Duration value) {
    readTimeout = value;
    return this;
  }

  TmallProperties build() {
    return new TmallProperties(
        Duration.ofSeconds(2), readTimeout, maxAttempts, retryBaseDelay, Duration.ofMillis(100), maxBanWait,
        banWaitMargin, callsPerSecond, rateLimitTimeout, 30, pageSize, simplify, "tmallbridge-test",
        TmallProperties.DEFAULT_TRADE_TYPES);
  }
}
