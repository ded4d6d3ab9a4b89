package com.tmallbridge.sandbox.tmall;

import java.time.Duration;

/**
 * How the sandbox's TMC delivers: when unconfirmed or failed messages come again, and the fault
 * knobs that make delivery as unfriendly as TOP allows (at least once, any order).
 *
 * @param redeliveryTimeout a message taken but neither confirmed nor failed within this time (real
 *     time), or failed this long ago, is delivered again
 * @param duplicateRate probability that an event is published twice (two message ids, same
 *     content)
 * @param reorderWindow each delivery picks at random among the oldest this many ready messages (1
 *     keeps publish order)
 * @param dropRate probability that a delivery is lost on the way: the message counts as taken but
 *     only comes again after the redelivery timeout
 */
public record TmcSettings(
    Duration redeliveryTimeout, double duplicateRate, int reorderWindow, double dropRate) {

  public TmcSettings {
    if (redeliveryTimeout.isNegative() || redeliveryTimeout.isZero()) {
      throw new IllegalArgumentException("redeliveryTimeout must be positive");
    }
    if (!(duplicateRate >= 0 && duplicateRate <= 1) || !(dropRate >= 0 && dropRate <= 1)) {
      throw new IllegalArgumentException("duplicateRate and dropRate must be in [0, 1]");
    }
    if (reorderWindow < 1) {
      throw new IllegalArgumentException("reorderWindow must be >= 1");
    }
  }

  /** Redelivery after 30 s, no duplicates, publish order, nothing lost. */
  public static TmcSettings defaults() {
    return new TmcSettings(Duration.ofSeconds(30), 0, 1, 0);
  }

  public TmcSettings withRedeliveryTimeout(Duration timeout) {
    return new TmcSettings(timeout, duplicateRate, reorderWindow, dropRate);
  }

  public TmcSettings withDuplicateRate(double rate) {
    return new TmcSettings(redeliveryTimeout, rate, reorderWindow, dropRate);
  }

  public TmcSettings withReorderWindow(int window) {
    return new TmcSettings(redeliveryTimeout, duplicateRate, window, dropRate);
  }

  public TmcSettings withDropRate(double rate) {
    return new TmcSettings(redeliveryTimeout, duplicateRate, reorderWindow, rate);
  }
}
