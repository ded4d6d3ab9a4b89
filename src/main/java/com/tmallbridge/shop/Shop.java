package com.tmallbridge.shop;

import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A configured shop.
 *
 * @param id the shop's id
 * @param code short unique code, used as the shop reference on ERP documents
 * @param name display name
 * @param credentials gateway and keys (secrets never printed: see {@link ShopCredentials#toString()})
 * @param firstPullFrom where the first incremental pull starts
 * @param status whether it is called
 * @param statusDetail why it is not active, if so
 * @param pausedUntil end of a flow-control pause
 * @param createdAt when it was added
 */
public record Shop(
    ShopId id,
    String code,
    String name,
    ShopCredentials credentials,
    Instant firstPullFrom,
    ShopStatus status,
    @Nullable String statusDetail,
    @Nullable Instant pausedUntil,
    Instant createdAt) {

  /** Whether the shop may be called at {@code now}. */
  public boolean callableAt(Instant now) {
    return switch (status) {
      case ACTIVE -> true;
      case NEEDS_REAUTH -> false;
      case PAUSED -> pausedUntil == null || !now.isBefore(pausedUntil);
    };
  }

  /**
   * When a shop that may not be called at {@code now} becomes callable by itself: the end of its
   * flow-control pause. Null when it may be called now, or when only a person can make it callable
   * again (re-authorisation).
   */
  public @Nullable Instant callableAgainAt(Instant now) {
    return status == ShopStatus.PAUSED && pausedUntil != null && now.isBefore(pausedUntil) ? pausedUntil : null;
  }
}
