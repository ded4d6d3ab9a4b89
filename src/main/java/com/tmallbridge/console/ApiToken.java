package com.tmallbridge.console;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token as stored, without the token itself (only its SHA-256 is kept).
 *
 * @param id database id (for {@code user token revoke ID})
 * @param username the user the token acts as, with the user's current role and shops
 * @param label the name its owner gave it, unique per user (e.g. {@code erp-export})
 * @param createdAt when it was created
 * @param expiresAt when it stops working, null for never
 * @param lastUsedAt when it last authenticated a request (to the minute), null if never
 * @param lastUsedFrom the remote address of that request, null if never used
 * @param revokedAt when it was revoked, null while not revoked
 */
public record ApiToken(long id, String username, String label, Instant createdAt, @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt, @Nullable String lastUsedFrom, @Nullable Instant revokedAt) {

  /** Where a token stands at a given time. */
  public enum Status {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  /** {@link Status#REVOKED} once revoked, else {@link Status#EXPIRED} from {@code expiresAt} on, else active. */
  public Status statusAt(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return expiresAt != null && !expiresAt.isAfter(now) ? Status.EXPIRED : Status.ACTIVE;
  }
}
