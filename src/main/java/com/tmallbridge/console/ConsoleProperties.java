package com.tmallbridge.console;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bridge.console.*}: login lockout and the metrics scrape token.
 *
 * @param maxFailedLogins failed logins in a row after which a user is locked out (default 5)
 * @param lockout how long a lockout lasts (default 15 minutes)
 * @param metricsToken a bearer token that lets Prometheus read {@code /actuator/prometheus} without a session
 *     ({@code Authorization: Bearer <token>}); null (the default) when only a signed-in admin may read it.
 *     At least 24 characters; set it through {@code BRIDGE_CONSOLE_METRICS_TOKEN} rather than in a file others read
 */
@ConfigurationProperties("bridge.console")
public record ConsoleProperties(Integer maxFailedLogins, Duration lockout, @Nullable String metricsToken) {
  /** The shortest scrape token accepted: 24 characters (e.g. {@code openssl rand -base64 24} gives 32). */
  static final int MIN_TOKEN = 24;

  public ConsoleProperties {
    maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("bridge.console.max-failed-logins must be at least 1, got " + maxFailedLogins);
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("bridge.console.lockout must be positive, got " + lockout);
    }
    metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    if (metricsToken != null && (metricsToken.length() < MIN_TOKEN || !metricsToken.chars().allMatch(c -> c > 32 && c < 127))) {
      throw new IllegalArgumentException("bridge.console.metrics-token must be at least " + MIN_TOKEN
          + " printable ASCII characters without spaces, got " + metricsToken.length() + " characters");
    }
  }

  @Override
  public String toString() {
    return "ConsoleProperties[maxFailedLogins=" + maxFailedLogins + ", lockout=" + lockout + ", metricsToken="
        + (metricsToken == null ? "none" : "****") + "]";
  }
}
