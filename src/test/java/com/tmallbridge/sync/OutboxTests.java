package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.tmallbridge.sync.Outbox.NewMessage;
import com.tmallbridge.testsupport.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class OutboxTests {
  private final SyncFixture db = SyncFixture.create();
  private final Outbox outbox = db.outbox();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void enqueuesAPendingMessageDueNow() {
    UUID id = db.enqueue("1:100", "erp.sales-order.create", "k-1");

    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.aggregateType()).isEqualTo("trade");
    assertThat(entry.aggregateId()).isEqualTo("1:100");
    assertThat(entry.messageType()).isEqualTo("erp.sales-order.create");
    assertThat(entry.attempts()).isZero();
    assertThat(entry.createdAt()).isEqualTo(db.clock.instant());
    assertThat(entry.nextAttemptAt()).isEqualTo(db.clock.instant());
    assertThat(entry.completedAt()).isNull();
    assertThat(entry.lastError()).isNull();
  }

  @Test
  void messageIdsAreTimeOrderedSoInsertsLandAtTheEndOfTheIdIndex() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(db.enqueue("1:" + i, "erp.sales-order.create", "k-" + i));
    }

    List<NewMessage> batch = new ArrayList<>();
    for (int i = 200; i < 400; i++) {
      batch.add(new NewMessage("trade", "1:" + i, "erp.sales-order.create", "{}", "k-" + i));
    }
    ids.addAll(db.tx.execute(s -> outbox.enqueueAll(batch)));

    assertThat(ids).hasSize(400).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    // the id column holds the canonical text form: it must sort in the order of enqueueing
    assertThat(ids.stream().map(UUID::toString).toList()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void returnsTheExistingIdForARepeatedIdempotencyKey() {
    UUID first = db.enqueue("1:100", "erp.sales-order.create", "k-1");
    UUID again = db.tx.execute(s -> outbox.enqueue("other", "2:200", "other.type", "{}", "k-1"));

    assertThat(again).isEqualTo(first);
    assertThat(db.admin().counts()).containsExactly(java.util.Map.entry(OutboxStatus.PENDING, 1L));
    assertThat(db.entry(first).messageType()).isEqualTo("erp.sales-order.create");
  }

  @Test
  void repeatsAreIdempotentInsideOneTransactionAndAfterDelivery() {
    UUID[] ids = db.tx.execute(s -> new UUID[] {
        outbox.enqueue("trade", "1:100", "t", "{}", "k-1"), outbox.enqueue("trade", "1:100", "t", "{}", "k-1")});
    assertThat(ids[1]).isEqualTo(ids[0]);

    db.dispatcher(SyncFixture.handler("t", m -> {})).flush(10);

    assertThat(db.enqueue("1:100", "t", "k-1")).isEqualTo(ids[0]);
    assertThat(db.admin().counts()).containsExactly(java.util.Map.entry(OutboxStatus.DONE, 1L));
  }

  @Test
  void rollsBackWithTheCallersTransaction() {
    db.tx.executeWithoutResult(status -> {
      outbox.enqueue("trade", "1:100", "t", "{}", "k-1");
      status.setRollbackOnly();
    });

    assertThat(db.admin().counts()).isEmpty();
    assertThat(db.enqueue("1:100", "t", "k-1")).isNotNull();
    assertThat(db.admin().counts()).containsExactly(java.util.Map.entry(OutboxStatus.PENDING, 1L));
  }

  @Test
  void refusesToEnqueueOutsideATransaction() {
    assertThatIllegalStateException()
        .isThrownBy(() -> outbox.enqueue("trade", "1:100", "t", "{}", "k-1"))
        .withMessageContaining("inside the transaction");
    assertThat(db.admin().counts()).isEmpty();
  }

  @Test
  void rejectsBlankOrOversizedFields() {
    assertThatIllegalArgumentException().isThrownBy(() -> db.enqueue(" ", "t", "k-1"));
    assertThatIllegalArgumentException().isThrownBy(() -> db.enqueue("1:100", "t", "k".repeat(256)));
    assertThatIllegalArgumentException().isThrownBy(() -> db.enqueue("1:100", "t".repeat(101), "k-1"));
  }

  @Test
  void enqueuesABatchInListOrderAsSingleEnqueuesWould() {
    List<NewMessage> batch = List.of(
        new NewMessage("trade", "1:100", "t", "{\"n\":1}", "a1"), new NewMessage("trade", "1:200", "t", "{\"n\":2}", "b1"),
        new NewMessage("trade", "1:100", "t", "{\"n\":3}", "a2"));
    List<UUID> ids = db.tx.execute(s -> outbox.enqueueAll(batch));

    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    for (int i = 0; i < batch.size(); i++) {
      OutboxEntry entry = db.entry(ids.get(i));
      assertThat(entry.aggregateId()).isEqualTo(batch.get(i).aggregateId());
      assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(entry.createdAt()).isEqualTo(db.clock.instant());
    }
    List<String> handled = new ArrayList<>();
    db.dispatcher(SyncFixture.handler("t", m -> handled.add(m.idempotencyKey() + "=" + m.payload()))).flush(10);
    assertThat(handled).containsExactly("a1={\"n\":1}", "b1={\"n\":2}", "a2={\"n\":3}");
  }

  @Test
  void aBatchKeepsTheOrderOfAnAggregateAfterItsEarlierMessages() {
    db.enqueue("1:100", "t", "a1");
    db.tx.execute(s -> outbox.enqueueAll(List.of(new NewMessage("trade", "1:100", "t", "{}", "a2"))));
    db.enqueue("1:100", "t", "a3");

    List<String> handled = new ArrayList<>();
    db.dispatcher(SyncFixture.handler("t", m -> handled.add(m.idempotencyKey()))).flush(10);
    assertThat(handled).containsExactly("a1", "a2", "a3");
  }

  @Test
  void aBatchIsIdempotentOnKeysStoredBeforeOrRepeatedWithinIt() {
    UUID stored = db.enqueue("1:100", "erp.sales-order.create", "k-1");

    List<UUID> ids = db.tx.execute(s -> outbox.enqueueAll(List.of(
        new NewMessage("trade", "1:100", "erp.sales-order.create", "{}", "k-1"), new NewMessage("trade", "1:200", "t", "{}", "k-2"),
        new NewMessage("trade", "1:300", "t", "{}", "k-2"))));

    assertThat(ids.get(0)).isEqualTo(stored);
    assertThat(ids.get(2)).isEqualTo(ids.get(1)).isNotEqualTo(stored);
    assertThat(db.entry(ids.get(1)).aggregateId()).isEqualTo("1:200");
    assertThat(db.admin().counts()).containsExactly(Map.entry(OutboxStatus.PENDING, 2L));
    List<UUID> again = db.tx.execute(s -> outbox.enqueueAll(List.of(new NewMessage("trade", "1:200", "t", "{}", "k-2"))));
    assertThat(again).containsExactly(ids.get(1));
  }

  @Test
  void aBatchRollsBackWithTheCallersTransactionAndRefusesToRunOutsideOne() {
    db.tx.executeWithoutResult(status -> {
      outbox.enqueueAll(List.of(new NewMessage("trade", "1:100", "t", "{}", "k-1"), new NewMessage("trade", "1:200", "t", "{}", "k-2")));
      status.setRollbackOnly();
    });
    assertThat(db.admin().counts()).isEmpty();

    assertThatIllegalStateException()
        .isThrownBy(() -> outbox.enqueueAll(List.of(new NewMessage("trade", "1:100", "t", "{}", "k-1"))))
        .withMessageContaining("inside the transaction");
    assertThatIllegalArgumentException().isThrownBy(() -> db.tx.execute(s -> outbox.enqueueAll(List.of(
        new NewMessage("trade", "1:100", "t", "{}", "k-1"), new NewMessage("trade", "1:100", "t", "{}", " ")))));
    assertThat(db.admin().counts()).isEmpty();
  }
}
