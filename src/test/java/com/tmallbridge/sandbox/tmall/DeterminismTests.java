package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeterminismTests {
  private static final Instant NOW = Instant.parse("2025-11-11T04:00:00Z");

  private static TmallSandbox started(long seed) {
    TmallSandbox sandbox =
        TmallSandbox.start(
            SandboxConfig.defaults().withSeed(seed).withClock(new MutableClock(NOW)));
    sandbox.generateHistory(500, NOW.minus(Duration.ofDays(3)), NOW);
    sandbox.burst(100);
    return sandbox;
  }

  @Test
  void theSameSeedAndClockGiveTheSameShopAndTrades() {
    try (TmallSandbox first = started(99);
        TmallSandbox second = started(99)) {
      assertThat(second.credentials()).isEqualTo(first.credentials());
      assertThat(second.items()).isEqualTo(first.items());
      assertThat(second.trades()).hasSize(600).isEqualTo(first.trades());
    }
  }

  @Test
  void differentSeedsGiveDifferentShops() {
    try (TmallSandbox first = started(1);
        TmallSandbox second = started(2)) {
      assertThat(second.credentials().appSecret()).isNotEqualTo(first.credentials().appSecret());
      assertThat(second.trades()).isNotEqualTo(first.trades());
    }
  }

  @Test
  void credentialsLookLikeTopCredentials() {
    try (TmallSandbox sandbox = started(5)) {
      SandboxCredentials credentials = sandbox.credentials();

      assertThat(credentials.appKey()).matches("[1-9]\\d{7}");
      assertThat(credentials.appSecret()).matches("[0-9a-f]{32}");
      assertThat(credentials.sellerNick()).endsWith("旗舰店");
      assertThat(credentials.toString()).doesNotContain(credentials.appSecret());
    }
  }
}
