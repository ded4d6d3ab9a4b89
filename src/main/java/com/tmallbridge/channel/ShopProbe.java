package com.tmallbridge.channel;

/** Checks that a shop's credentials work, for {@code shop check}. */
public interface ShopProbe {

  /**
   * Makes one cheap authorised call with the shop's credentials.
   *
   * @return what the channel said; never throws for an answer from the channel
   */
  ProbeResult probe(ShopCredentials shop);

  /**
   * Result of a probe.
   *
   * @param ok true when the call succeeded
   * @param detail a one-line explanation (the error code and message when not ok)
   * @param latencyMillis how long the call took
   */
  record ProbeResult(boolean ok, String detail, long latencyMillis) {}
}
