package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sync.Dispatcher.FlushResult;
import com.tmallbridge.testsupport.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link MessageHandler#remote()} handler: claim → call with no transaction → record. The
 * "remote system" here is a map keyed like an ERP document (by the message's idempotency key).
 */
@DatabaseTest
class DispatcherRemoteHandlerTests {
  private final SyncFixture db = SyncFixture.create();
  private final Map<String, Integer> remoteDocuments = new ConcurrentHashMap<>();
  private final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  /** A remote handler: creates the document of the key once (a repeat finds it), then runs {@code after}. */
  private MessageHandler remote(Consumer<OutboxMessage> after) {
    return new MessageHandler() {
      @Override
      public String messageType() {
        return "erp.remote";
      }

      @Override
      public void handle(OutboxMessage message) {
        inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        remoteDocuments.merge(message.idempotencyKey(), 1, (a, b) -> a);
        after.accept(message);
      }

      @Override
      public boolean remote() {
        return true;
      }
    };
  }

  @Test
  void callsTheRemoteSystemWithNoTransactionOpenThenRecordsTheCompletion() {
    UUID first = db.enqueue("1:1", "erp.remote", "k1");
    UUID second = db.enqueue("1:2", "erp.remote", "k2");
    OutboxDispatcher dispatcher = db.dispatcher(remote(m -> db.recordEffect(m, "exported")));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(2, 0, 0));

    assertThat(inTransaction).containsExactly(false, false);
    assertThat(db.entry(first).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.entry(second).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.effects()).as("local rows written after the call commit on their own").isEqualTo(2);
    assertThat(remoteDocuments).containsOnlyKeys("k1", "k2");
  }

  @Test
  void aFailureAfterTheRemoteWriteLandedDeliversAgainAndTheKeyKeepsOneDocument() {
    UUID id = db.enqueue("1:1", "erp.remote", "k1");
    int[] calls = {0};
    OutboxDispatcher dispatcher = db.dispatcher(remote(m -> {
      if (++calls[0] == 1) {
        throw new DeliveryException("T-9", true, "response lost after the ERP committed", null);
      }
    }));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(0, 1, 0));
    db.clock.advance(java.time.Duration.ofMinutes(10));
    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(1, 0, 0));

    assertThat(calls[0]).isEqualTo(2);
    assertThat(remoteDocuments).containsExactly(Map.entry("k1", 1));
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE);
  }

  @Test
  void remoteMessagesAreNeverGroupedEvenWhenTheHandlerSaysGroupable() {
    for (int i = 1; i <= 3; i++) {
      db.enqueue("agg-" + i, "erp.remote", "k" + i);
    }
    AtomicInteger calls = new AtomicInteger();
    OutboxDispatcher dispatcher = db.dispatcher(remote(m -> {
      calls.incrementAndGet();
      if (m.idempotencyKey().equals("k2")) {
        throw new DeliveryException("T-1", false, "refused", null);
      }
    }));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(2, 0, 1));

    assertThat(calls.get()).as("no group rolled back and replayed: one call per message").isEqualTo(3);
  }

  @Test
  void aRemoteCallThatWaitsDoesNotHoldUpTheOtherRemoteMessagesOfTheBatch() {
    db.enqueue("1:1", "erp.remote", "waits");
    db.enqueue("1:2", "erp.remote", "k2");
    db.enqueue("1:3", "erp.remote", "k3");
    CountDownLatch othersCalled = new CountDownLatch(2);
    OutboxDispatcher dispatcher = db.dispatcher(remote(m -> {
      if (!m.idempotencyKey().equals("waits")) {
        othersCalled.countDown();
        return;
      }
      // the first message's call goes on only once the two after it were called: delivered one after another, it never would
      try {
        if (!othersCalled.await(30, TimeUnit.SECONDS)) {
          throw new DeliveryException("T-2", true, "the other messages waited behind this one", null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryException("T-3", true, "interrupted", e);
      }
    }));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(3, 0, 0));

    assertThat(remoteDocuments).containsOnlyKeys("waits", "k2", "k3");
    assertThat(db.effects()).isZero();
  }

  @Test
  void anUrgentLaneDeliversItsRemoteMessagesItselfSoTheyNeverQueueBehindWriteBacks() {
    db.enqueue("agg-1", "urgent.remote", "u1");
    db.enqueue("agg-2", "urgent.remote", "u2");
    List<String> threads = new CopyOnWriteArrayList<>();
    OutboxDispatcher dispatcher = db.dispatcher(new MessageHandler() {
      @Override
      public String messageType() {
        return "urgent.remote";
      }

      @Override
      public void handle(OutboxMessage message) {
        threads.add(Thread.currentThread().getName());
      }

      @Override
      public boolean urgent() {
        return true;
      }

      @Override
      public boolean remote() {
        return true;
      }
    });

    assertThat(dispatcher.flushUrgent(10)).isEqualTo(new FlushResult(2, 0, 0));

    assertThat(threads).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName());
  }

  @Test
  void withARemoteParallelismOfOneTheBatchIsDeliveredInOrderOnTheClaimingThread() {
    for (int i = 1; i <= 3; i++) {
      db.enqueue("agg-" + i, "erp.remote", "k" + i);
    }
    List<String> order = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    SyncProperties base = SyncFixture.properties(3, 100, false);
    SyncProperties.Outbox o = base.outbox();
    SyncProperties serial = new SyncProperties(new SyncProperties.Outbox(o.maxAttempts(), o.backoffBase(), o.backoffCap(), o.jitter(),
        o.batchSize(), o.inFlightTimeout(), o.groupSize(), o.retention(), o.purgeInterval(), 1), base.workerThreads(), base.workerIdleMin(), base.workerIdleMax(),
        base.urgentThreads(), base.urgentIdleMax(), base.recoverInFlightOnStart());
    OutboxDispatcher dispatcher = db.dispatcher(serial, remote(m -> {
      order.add(m.idempotencyKey());
      threads.add(Thread.currentThread().getName());
    }));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(3, 0, 0));

    assertThat(order).containsExactly("k1", "k2", "k3");
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }
}
