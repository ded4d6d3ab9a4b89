package com.tmallbridge.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inbox, under {@code bridge.sync.inbox}.
 *
 * @param retention how long a snapshot is kept after it was last stored before {@link InboxPurge}
 *     deletes it; {@code 0s} keeps every snapshot forever
 */
@ConfigurationProperties("bridge.sync.inbox")
record InboxProperties(@DefaultValue("30d") Duration retention) {

  InboxProperties {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("bridge.sync.inbox.retention must be at least 0s, got " + retention);
    }
  }
}
