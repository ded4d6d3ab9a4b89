package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DispatcherOrderingTests {
  private final SyncFixture db = SyncFixture.create();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final MessageHandler recording = SyncFixture.handler("t", m -> handled.add(m.idempotencyKey()));

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void deliversTheMessagesOfOneAggregateInEnqueueOrder() {
    db.enqueue("A", "t", "a1");
    db.enqueue("B", "t", "b1");
    db.enqueue("A", "t", "a2");
    db.enqueue("A", "t", "a3");
    db.enqueue("B", "t", "b2");

    assertThat(db.dispatcher(recording).flush(100).delivered()).isEqualTo(5);

    assertThat(handled).containsExactly("a1", "b1", "a2", "b2", "a3");
  }

  @Test
  void holdsBackLaterMessagesWhileAnOlderOneWaitsForItsRetry() {
    AtomicBoolean down = new AtomicBoolean(true);
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("t", m -> {
      if (m.idempotencyKey().equals("a1") && down.get()) {
        throw new DeliveryException("ERP-1", true, "down", null);
      }
      handled.add(m.idempotencyKey());
    }));
    db.enqueue("A", "t", "a1");
    db.enqueue("A", "t", "a2");
    db.enqueue("B", "t", "b1");

    dispatcher.flush(100);
    assertThat(handled).containsExactly("b1");

    down.set(false);
    db.clock.advance(Duration.ofSeconds(1));
    dispatcher.flush(100);
    assertThat(handled).containsExactly("b1", "a1", "a2");
  }

  @Test
  void aBlockedMessageDoesNotHoldBackItsAggregate() {
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("t", m -> {
      if (m.idempotencyKey().equals("a1")) {
        throw new DeliveryException("ERP-2", false, "rejected", null);
      }
      handled.add(m.idempotencyKey());
    }));
    db.enqueue("A", "t", "a1");
    db.enqueue("A", "t", "a2");

    assertThat(dispatcher.flush(100).blocked()).isEqualTo(1);
    assertThat(handled).containsExactly("a2");
  }

  @Test
  void deliversTheOldestDueMessageFirstWhetherRetriedOrNew() {
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.properties(3, 1, false), SyncFixture.handler("t", m -> {
      if (m.idempotencyKey().equals("retried") && m.attempts() == 0) {
        throw new DeliveryException("ERP-1", true, "down", null);
      }
      handled.add(m.idempotencyKey());
    }));
    db.enqueue("A", "t", "retried");
    dispatcher.flush(1);
    db.clock.advance(Duration.ofMillis(500));
    db.enqueue("B", "t", "older-new");
    db.clock.advance(Duration.ofMillis(1000));
    db.enqueue("C", "t", "newer-new");

    assertThat(dispatcher.flush(10).delivered()).isEqualTo(3);
    assertThat(handled).containsExactly("older-new", "retried", "newer-new");
  }
}
