package com.tmallbridge.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bridge.console.*}: login lockout per user and login throttling per source address.
 *
 * @param maxFailedLogins failed logins in a row after which a user is locked out (default 5)
 * @param lockout how long a lockout lasts (default 15 minutes)
 * @param maxFailedLoginsPerAddress failed logins from one source address, whatever the user names,
 *     within {@code addressWindow} after which further logins from it are refused unchecked until
 *     the oldest failure leaves the window (default 20)
 * @param addressWindow the sliding window of {@code maxFailedLoginsPerAddress} (default 10 minutes)
 */
@ConfigurationProperties("bridge.console")
public record ConsoleProperties(Integer maxFailedLogins, Duration lockout, Integer maxFailedLoginsPerAddress,
    Duration addressWindow) {

  public ConsoleProperties {
    maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    maxFailedLoginsPerAddress = maxFailedLoginsPerAddress == null ? 20 : maxFailedLoginsPerAddress;
    addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("bridge.console.max-failed-logins must be at least 1, got " + maxFailedLogins);
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("bridge.console.lockout must be positive, got " + lockout);
    }
    if (maxFailedLoginsPerAddress < 1) {
      throw new IllegalArgumentException(
          "bridge.console.max-failed-logins-per-address must be at least 1, got " + maxFailedLoginsPerAddress);
    }
    if (addressWindow.isNegative() || addressWindow.isZero()) {
      throw new IllegalArgumentException("bridge.console.address-window must be positive, got " + addressWindow);
    }
  }
}
