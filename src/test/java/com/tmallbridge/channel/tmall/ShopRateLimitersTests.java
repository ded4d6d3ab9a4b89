package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.tmall.ShopRateLimiters.Lane;
import com.tmallbridge.core.ShopId;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The urgent lane's reserve of a shop's permits: while pushed messages are read, background calls
 * leave it to them; otherwise background calls have every permit. One period lasts an hour here and
 * no call waits for a permit, so that a refusal shows exactly what the period had left.
 */
class ShopRateLimitersTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ShopRateLimiters limiters = new ShopRateLimiters(5, 3, Duration.ZERO, HOUR, nanos::get);

  @Test
  void withoutUrgentCallsBackgroundCallsHaveEveryPermit() {
    for (int i = 0; i < 5; i++) {
      limiters.acquire(SHOP, Lane.BACKGROUND);
    }
    assertThatThrownBy(() -> limiters.acquire(SHOP, Lane.BACKGROUND)).isInstanceOf(RequestNotPermitted.class);
  }

  @Test
  void whileUrgentCallsGoOnBackgroundCallsLeaveTheReserveToThem() {
    limiters.acquire(SHOP, Lane.URGENT);
    limiters.acquire(SHOP, Lane.BACKGROUND);
    limiters.acquire(SHOP, Lane.BACKGROUND);

    assertThatThrownBy(() -> limiters.acquire(SHOP, Lane.BACKGROUND)).as("5 − 3 background permits taken")
        .isInstanceOf(RequestNotPermitted.class);
    limiters.acquire(SHOP, Lane.URGENT);
    limiters.acquire(SHOP, Lane.URGENT);
    assertThatThrownBy(() -> limiters.acquire(SHOP, Lane.URGENT)).as("the shop's 5 taken").isInstanceOf(RequestNotPermitted.class);
  }

  @Test
  void aSecondAfterTheLastUrgentCallBackgroundCallsHaveEveryPermitAgain() {
    limiters.acquire(SHOP, Lane.URGENT);
    limiters.acquire(SHOP, Lane.BACKGROUND);
    limiters.acquire(SHOP, Lane.BACKGROUND);
    nanos.addAndGet(ShopRateLimiters.URGENT_RECENT.toNanos());

    assertThatCode(() -> limiters.acquire(SHOP, Lane.BACKGROUND)).as("the 4th of the shop's 5").doesNotThrowAnyException();
    limiters.acquire(SHOP, Lane.BACKGROUND);
    assertThatThrownBy(() -> limiters.acquire(SHOP, Lane.BACKGROUND)).isInstanceOf(RequestNotPermitted.class);
  }

  @Test
  void oneShopsUrgentCallsTakeNothingFromAnother() {
    limiters.acquire(SHOP, Lane.URGENT);
    ShopId other = new ShopId(2);
    for (int i = 0; i < 5; i++) {
      limiters.acquire(other, Lane.BACKGROUND);
    }
  }

  @Test
  void aReserveOfTheWholeRateStillLeavesBackgroundCallsOnePermitAPeriod() {
    ShopRateLimiters whole = new ShopRateLimiters(3, 50, Duration.ZERO, HOUR, nanos::get);
    whole.acquire(SHOP, Lane.URGENT);
    whole.acquire(SHOP, Lane.BACKGROUND);

    assertThatThrownBy(() -> whole.acquire(SHOP, Lane.BACKGROUND)).isInstanceOf(RequestNotPermitted.class);
    whole.acquire(SHOP, Lane.URGENT);
  }
}
