package com.tmallbridge.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An outbox row as the dispatcher sees it: the message plus the row {@code version} its next write
 * must match (optimistic lock) and what ordering and recovery need.
 *
 * @param message what the handler gets
 * @param version the row version this claim owns
 * @param seq enqueue order
 * @param nextAttemptAt when it was due, null once DONE or BLOCKED
 * @param claimedBy dispatcher that holds the claim, null when not IN_FLIGHT
 */
record ClaimedMessage(OutboxMessage message, long version, long seq, @Nullable Instant nextAttemptAt, @Nullable String claimedBy) {

  /** The same message after a successful claim update (version incremented). */
  ClaimedMessage claimedBy(String owner) {
    return new ClaimedMessage(message, version + 1, seq, nextAttemptAt, owner);
  }
}
