package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.tmallbridge.testsupport.DatabaseTest;
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
    java.util.List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(db.enqueue("1:" + i, "erp.sales-order.create", "k-" + i));
    }

    assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
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
}
