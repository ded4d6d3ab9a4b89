package com.tmallbridge.console;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bridge.console.*}: login lockout per user, login throttling per source address, and the
 * metrics scrape token.
 *
 * @param maxFailedLogins failed logins in a row after which a user is locked out (default 5)
 * @param lockout how long a lockout lasts (default 15 minutes)
 * @param maxFailedLoginsPerAddress failed logins from one source address, whatever the user names,
 *     within {@code addressWindow} after which further logins from it are refused unchecked until
 *     the oldest failure leaves the window (default 20)
 * @param addressWindow the sliding window of {@code maxFailedLoginsPerAddress} (default 10 minutes)
 * @param metricsToken a bearer token that lets Prometheus read {@code /actuator/prometheus} without a session
 *     ({@code Authorization: Bearer <token>}); null (the default) when only a signed-in admin may read it.
 *     At least 24 characters; set it through {@code BRIDGE_CONSOLE_METRICS_TOKEN} rather than in a file others read
 */
@ConfigurationProperties("bridge.console")
public record ConsoleProperties(Integer maxFailedLogins, Duration lockout, Integer maxFailedLoginsPerAddress,
    Duration addressWindow, @Nullable String metricsToken) {
  /** The shortest scrape token accepted: 24 characters (e.g. {@code openssl rand -base64 24} gives 32). */
  static final int MIN_TOKEN = 24;

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
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    if (metricsToken != null && (metricsToken.length() < MIN_TOKEN || !metricsToken.chars().allMatch(c -> c > 32 && c < 127))) {
      throw new IllegalArgumentException("bridge.console.metrics-token must be at least " + MIN_TOKEN
          + " printable ASCII characters without spaces, got " + metricsToken.length() + " characters");
    }
  }

  @Override
  public String toString() {
    return "ConsoleProperties[maxFailedLogins=" + maxFailedLogins + ", lockout=" + lockout + ", maxFailedLoginsPerAddress="
        + maxFailedLoginsPerAddress + ", addressWindow=" + addressWindow + ", metricsToken="
        + (metricsToken == null ? "none" : "****") + "]";
  }
}
