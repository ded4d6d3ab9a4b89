package com.tmallbridge.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bridge.console.*}: login lockout.
 *
 * @param maxFailedLogins failed logins in a row after which a user is locked out (default 5)
 * @param lockout how long a lockout lasts (default 15 minutes)
 */
@ConfigurationProperties("bridge.console")
public record ConsoleProperties(Integer maxFailedLogins, Duration lockout) {

  public ConsoleProperties {
    maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("bridge.console.max-failed-logins must be at least 1, got " + maxFailedLogins);
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("bridge.console.lockout must be positive, got " + lockout);
    }
  }
}
