package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The moments of a trade's life, all at second precision. {@code modified} moves with every change
 * and is never earlier than any other time here.
 */
record TradeTimes(
    Instant created,
    Instant modified,
    @Nullable Instant payTime,
    @Nullable Instant consignTime,
    @Nullable Instant endTime) {

  static TradeTimes createdAt(Instant created) {
    Instant at = TopTime.seconds(created);
    return new TradeTimes(at, at, null, null, null);
  }

  TradeTimes touched(Instant at) {
    return new TradeTimes(created, later(at), payTime, consignTime, endTime);
  }

  TradeTimes paid(Instant at) {
    Instant when = later(at);
    return new TradeTimes(created, when, when, consignTime, endTime);
  }

  TradeTimes consigned(Instant at) {
    Instant when = later(at);
    return new TradeTimes(created, when, payTime, when, endTime);
  }

  TradeTimes ended(Instant at) {
    Instant when = later(at);
    return new TradeTimes(created, when, payTime, consignTime, when);
  }

  /** The event time, at second precision, but never before the last modification. */
  private Instant later(Instant at) {
    Instant when = TopTime.seconds(at);
    return when.isBefore(modified) ? modified : when;
  }
}
