package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives messages stuck IN_FLIGHT back to the dispatchers: those whose claim expired (their
 * dispatcher is presumed dead) and, after a restart, all those an earlier process left behind.
 * Each counts as a failed attempt, so a message that kills its dispatcher every time is blocked in
 * the end instead of taking the bridge down for ever. Thread-safe.
 */
final class InFlightRecovery {
  private static final Logger log = LoggerFactory.getLogger(InFlightRecovery.class);
  private static final Duration MAX_STALE_CHECK_INTERVAL = Duration.ofSeconds(30);

  private final OutboxRepository repository;
  private final FailureRecorder failures;
  private final DeliveryCounters counters;
  private final SyncProperties.Outbox settings;
  private final Clock clock;
  private final String owner;
  private final Duration staleCheckInterval;
  private final AtomicLong nextStaleCheck = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean restartRecoveryPending;

  /** @param owner the claim owner of the dispatcher this recovery belongs to, spared by {@link #afterRestart} */
  InFlightRecovery(
      OutboxRepository repository, FailureRecorder failures, DeliveryCounters counters, SyncProperties properties, Clock clock,
      String owner) {
    this.repository = repository;
    this.failures = failures;
    this.counters = counters;
    this.settings = properties.outbox();
    this.clock = clock;
    this.owner = owner;
    Duration quarter = settings.inFlightTimeout().dividedBy(4);
    this.staleCheckInterval = quarter.compareTo(MAX_STALE_CHECK_INTERVAL) < 0 ? quarter : MAX_STALE_CHECK_INTERVAL;
    this.restartRecoveryPending = properties.recoverInFlightOnStart();
  }

  /** Runs before each flush: restart recovery once if configured, stale recovery when due. */
  void beforeFlush() {
    if (restartRecoveryPending) {
      synchronized (this) {
        if (restartRecoveryPending) {
          afterRestart();
          restartRecoveryPending = false;
        }
      }
    }
    long now = clock.millis();
    long due = nextStaleCheck.get();
    if (now >= due && nextStaleCheck.compareAndSet(due, now + staleCheckInterval.toMillis())) {
      stale();
    }
  }

  /** See {@link OutboxDispatcher#recoverAfterRestart()}. */
  int afterRestart() {
    int count = recover(clock.instant(), owner, claimed -> Failure.interruptedByRestart(String.valueOf(claimed.claimedBy())));
    if (count > 0) {
      log.warn("made {} outbox message(s) left IN_FLIGHT by an earlier process due again", count);
    }
    return count;
  }

  /** See {@link OutboxDispatcher#recoverStale()}. */
  int stale() {
    Duration timeout = settings.inFlightTimeout();
    int count = recover(clock.instant().minus(timeout), "", claimed -> Failure.claimExpired(String.valueOf(claimed.claimedBy()), timeout));
    if (count > 0) {
      log.warn("recovered {} outbox message(s) whose claim expired after {}", count, timeout);
    }
    return count;
  }

  private int recover(Instant claimedBefore, String exceptOwner, Function<ClaimedMessage, Failure> reason) {
    int total = 0;
    int progress;
    List<ClaimedMessage> batch;
    do {
      batch = repository.inFlight(claimedBefore, exceptOwner, settings.batchSize());
      progress = 0;
      for (ClaimedMessage claimed : batch) {
        DeliveryOutcome outcome = failures.record(claimed, reason.apply(claimed));
        if (outcome != DeliveryOutcome.NOT_RECORDED) {
          progress++;
          counters.countRecovered();
          counters.count(outcome);
        }
      }
      total += progress;
    } while (batch.size() == settings.batchSize() && progress > 0);
    return total;
  }
}
