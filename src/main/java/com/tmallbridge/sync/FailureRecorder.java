package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a failed delivery on a claimed message in a transaction of its own: FAILED with the next
 * attempt time from the {@link RetryPolicy}, or BLOCKED when the failure is permanent or the
 * attempts are used up. Blocking publishes {@link MessageBlocked} inside that transaction, so rows
 * a listener writes commit with the BLOCKED status or not at all.
 */
final class FailureRecorder {
  private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

  private final OutboxRepository repository;
  private final RetryPolicy retryPolicy;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** @param transaction must start a new transaction (REQUIRES_NEW) */
  FailureRecorder(
      OutboxRepository repository, RetryPolicy retryPolicy, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.retryPolicy = retryPolicy;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  DeliveryOutcome record(ClaimedMessage claimed, Failure failure) {
    boolean waits = failure.waitUntil() != null;
    int attempts = claimed.message().attempts() + (waits ? 0 : 1);
    boolean block = !waits && (!failure.retryable() || retryPolicy.exhausted(attempts));
    try {
      DeliveryOutcome outcome = transaction.execute(status -> block ? block(claimed, attempts, failure) : fail(claimed, attempts, failure));
      DeliveryOutcome result = outcome == null ? DeliveryOutcome.NOT_RECORDED : outcome;
      log(claimed, failure, attempts, result);
      return result;
    } catch (RuntimeException e) {
      log.error("could not record failure {} of outbox message {}; it stays IN_FLIGHT until its claim expires",
          failure.code(), claimed.message().id(), e);
      return DeliveryOutcome.NOT_RECORDED;
    }
  }

  private DeliveryOutcome fail(ClaimedMessage claimed, int attempts, Failure failure) {
    Instant now = clock.instant();
    Instant waitUntil = failure.waitUntil();
    Instant next = waitUntil != null ? (waitUntil.isAfter(now) ? waitUntil : now)
        : failure.dueNow() ? now : retryPolicy.nextAttempt(now, attempts);
    return repository.fail(claimed, attempts, failure, next) ? DeliveryOutcome.FAILED : DeliveryOutcome.NOT_RECORDED;
  }

  private DeliveryOutcome block(ClaimedMessage claimed, int attempts, Failure failure) {
    if (!repository.block(claimed, attempts, failure)) {
      return DeliveryOutcome.NOT_RECORDED;
    }
    OutboxMessage m = claimed.message();
    events.publishEvent(new MessageBlocked(
        m.id(), m.aggregateType(), m.aggregateId(), m.messageType(), failure.code(), failure.message(), attempts));
    return DeliveryOutcome.BLOCKED;
  }

  private static void log(ClaimedMessage claimed, Failure failure, int attempts, DeliveryOutcome outcome) {
    OutboxMessage m = claimed.message();
    switch (outcome) {
      case BLOCKED -> log.warn("outbox message {} ({} for {} {}) BLOCKED after {} attempt(s): {} {}",
          m.id(), m.messageType(), m.aggregateType(), m.aggregateId(), attempts, failure.code(), failure.message());
      case FAILED -> {
        if (failure.waitUntil() != null) {
          // a wait for a known moment is not a failure of the message (a shop's pause, an earlier case first): no log noise
          log.debug("outbox message {} ({} for {} {}) waits until {}: {} {}",
              m.id(), m.messageType(), m.aggregateType(), m.aggregateId(), failure.waitUntil(), failure.code(), failure.message());
        } else {
          log.info("outbox message {} ({} for {} {}) failed attempt {}: {} {}",
              m.id(), m.messageType(), m.aggregateType(), m.aggregateId(), attempts, failure.code(), failure.message());
        }
      }
      case NOT_RECORDED -> log.info("outbox message {} changed while its failure was being recorded; left as it is", m.id());
    }
  }
}
