package com.tmallbridge.console;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A console user as stored, without the password hash.
 *
 * @param id database id
 * @param username login name (unique)
 * @param role what the user may do
 * @param scope the shops the user may see
 * @param enabled false once disabled: no login
 * @param failedLogins failed logins since the last successful one
 * @param lockedUntil when the current lockout ends, null when none was imposed
 * @param createdAt when the user was added
 */
public record ConsoleUser(long id, String username, Role role, ShopScope scope, boolean enabled, int failedLogins,
    @Nullable Instant lockedUntil, Instant createdAt) {

  /** True while a lockout is in force at {@code now}. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
