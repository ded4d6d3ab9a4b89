package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertChannel} must do, re-run for each implementation: deliver a message with
 * its title, text and times intact (Chinese included), report a receiver's refusal as a
 * non-retryable {@link AlertDeliveryException}, a receiver's temporary failure and an unreachable
 * receiver as retryable ones, and go on delivering after a failure.
 */
abstract class AlertChannelContract {
  static final Instant SINCE = Instant.parse("2026-12-05T01:00:00Z");
  static final Instant AT = Instant.parse("2026-12-05T02:30:00Z");

  /** The channel under test, pointed at the test's receiver. */
  abstract AlertChannel channel();

  /** What the receiver got so far, each message as the text a person would read (title and body). */
  abstract List<String> received();

  /** Makes the receiver refuse the next message for good (a wrong token or address). */
  abstract void refuseNext();

  /** Makes the receiver fail the next message in a way worth retrying (a server error, a rate limit). */
  abstract void failNextTemporarily();

  /** The same kind of channel pointed at a port where nothing listens. */
  abstract AlertChannel unreachable();

  static AlertMessage message(String text) {
    return new AlertMessage(AlertEvent.RAISED, AlertKind.SYNC_LAG, "TM01 tmall/trades", text, SINCE, AT);
  }

  @Test
  void deliversTitleTextAndTimes() throws Exception {
    channel().send(message("shop TM01, tmall/trades: 45 min behind (threshold 30 min) 天猫店"));

    List<String> got = received();
    assertThat(got).hasSize(1);
    assertThat(got.get(0)).contains("[TmallBridge] RAISED SYNC_LAG TM01 tmall/trades", "45 min behind (threshold 30 min) 天猫店",
        "2026-12-05 09:00:00", "2026-12-05 10:30:00");
  }

  @Test
  void aRefusalIsNotRetryable() {
    refuseNext();

    assertThatThrownBy(() -> channel().send(message("refused")))
        .isInstanceOfSatisfying(AlertDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageStartingWith(channel().id() + ": ");
  }

  @Test
  void aTemporaryFailureIsRetryableAndTheNextMessageGoesThrough() throws Exception {
    failNextTemporarily();

    assertThatThrownBy(() -> channel().send(message("first")))
        .isInstanceOfSatisfying(AlertDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    channel().send(message("second"));

    assertThat(received()).anySatisfy(m -> assertThat(m).contains("second"));
  }

  @Test
  void anUnreachableReceiverIsRetryable() {
    assertThatThrownBy(() -> unreachable().send(message("nobody listens")))
        .isInstanceOfSatisfying(AlertDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
  }

  /** A port that was free a moment ago: nothing listens there. */
  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
