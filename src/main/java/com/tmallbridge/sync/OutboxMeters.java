package com.tmallbridge.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The dispatcher's timers, one set per registry:
 *
 * <ul>
 *   <li>{@code bridge.outbox.wait} (tag {@code type}): from enqueue to claim, first attempts only
 *       (retries wait for their back-off, which is policy, not speed); the two instants come from
 *       the injected clock, the enqueue time as stored in the row;
 *   <li>{@code bridge.outbox.claim}: one claim round, empty ones included, from asking for a turn
 *       to the commit of the claim (the due query and the IN_FLIGHT updates);
 *   <li>{@code bridge.outbox.delivery} (tag {@code type}): a message from the start of its handler
 *       to the commit of DONE, successful deliveries only; a group sharing one transaction records
 *       its time divided by its size for each of its messages.
 * </ul>
 *
 * Recording allocates nothing once a message type's timers exist. Thread-safe.
 */
final class OutboxMeters {
  private final MeterRegistry meters;
  private final Timer claim;
  private final Map<String, Timer> wait = new ConcurrentHashMap<>();
  private final Map<String, Timer> delivery = new ConcurrentHashMap<>();

  OutboxMeters(MeterRegistry meters) {
    this.meters = meters;
    this.claim = Timer.builder("bridge.outbox.claim").description("One claim round of the outbox dispatcher").register(meters);
  }

  void claimed(long nanos) {
    claim.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records the wait of a message claimed at {@code claimedAt}, if this is its first attempt. */
  void waited(OutboxMessage message, Instant claimedAt) {
    if (message.attempts() > 0) {
      return;
    }
    long nanos = (claimedAt.getEpochSecond() - message.createdAt().getEpochSecond()) * 1_000_000_000L
        + (claimedAt.getNano() - message.createdAt().getNano());
    timer(wait, "bridge.outbox.wait", "Outbox message from enqueue to claim (first attempts)", message.messageType())
        .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  void delivered(OutboxMessage message, long nanos) {
    timer(delivery, "bridge.outbox.delivery", "Outbox message from handler start to DONE committed", message.messageType())
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Map<String, Timer> timers, String name, String description, String type) {
    Timer timer = timers.get(type);
    if (timer == null) {
      timer = timers.computeIfAbsent(type, t -> Timer.builder(name).description(description).tag("type", t).register(meters));
    }
    return timer;
  }
}
