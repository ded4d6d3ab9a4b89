package com.tmallbridge.sync;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An {@link Outbox} that rings the {@link UrgentDoorbell} once the transaction that enqueued an
 * urgent message has committed (never before: the urgent lane would find nothing yet, and never
 * after a rollback). Everything else is the wrapped outbox's.
 */
final class RingingOutbox implements Outbox {
  private final Outbox outbox;
  private final Predicate<String> urgentType;
  private final UrgentDoorbell doorbell;

  RingingOutbox(Outbox outbox, Predicate<String> urgentType, UrgentDoorbell doorbell) {
    this.outbox = outbox;
    this.urgentType = urgentType;
    this.doorbell = doorbell;
  }

  @Override
  public UUID enqueue(String aggregateType, String aggregateId, String messageType, String payload, String idempotencyKey) {
    UUID id = outbox.enqueue(aggregateType, aggregateId, messageType, payload, idempotencyKey);
    if (urgentType.test(messageType)) {
      ringAfterCommit();
    }
    return id;
  }

  @Override
  public List<UUID> enqueueAll(List<NewMessage> messages) {
    List<UUID> ids = outbox.enqueueAll(messages);
    if (messages.stream().map(NewMessage::messageType).anyMatch(urgentType)) {
      ringAfterCommit();
    }
    return ids;
  }

  private void ringAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(doorbell)) {
      // one ring per transaction, however many urgent messages it enqueues
      TransactionSynchronizationManager.bindResource(doorbell, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          doorbell.ring();
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(doorbell);
        }
      });
    }
  }
}
