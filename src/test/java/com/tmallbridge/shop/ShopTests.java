package com.tmallbridge.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopTests {
  private final Instant now = Instant.parse("2026-11-11T00:00:00Z");

  private Shop shop(ShopStatus status, Instant pausedUntil) {
    ShopId id = new ShopId(1);
    return new Shop(id, "S1", "shop", new ShopCredentials(id, "http://gw", "k", "s", "sk", "md5"), now, status, null, pausedUntil, now);
  }

  @Test
  void aPausedShopIsCallableAgainWhenItsPauseEnds() {
    Shop paused = shop(ShopStatus.PAUSED, now.plusSeconds(30));

    assertThat(paused.callableAt(now)).isFalse();
    assertThat(paused.callableAgainAt(now)).isEqualTo(now.plusSeconds(30));
    assertThat(paused.callableAt(now.plusSeconds(30))).isTrue();
    assertThat(paused.callableAgainAt(now.plusSeconds(30))).isNull();
  }

  @Test
  void aShopThatNeedsReauthorisationHasNoMomentItBecomesCallableByItself() {
    assertThat(shop(ShopStatus.NEEDS_REAUTH, null).callableAgainAt(now)).isNull();
    assertThat(shop(ShopStatus.ACTIVE, null).callableAgainAt(now)).isNull();
    assertThat(shop(ShopStatus.PAUSED, null).callableAgainAt(now)).isNull();
  }
}
