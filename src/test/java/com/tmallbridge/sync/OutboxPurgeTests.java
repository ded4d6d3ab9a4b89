package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivered messages go after the retention; the queue and what an operator must see stay. On H2 and PostgreSQL. */
@DatabaseTest
class OutboxPurgeTests {
  private final SyncFixture db = SyncFixture.create();
  private final OutboxAdmin admin = db.admin();
  private final OutboxDispatcher dispatcher = db.dispatcher(
      SyncFixture.handler("ok", m -> {}),
      SyncFixture.handler("broken", m -> {
        throw new DeliveryException("TEST-001", false, "rejected", null);
      }));

  @AfterEach
  void close() {
    db.close();
  }

  private OutboxPurge purge(Duration retention) {
    return new OutboxPurge(db.jdbc, db.tx, retention, db.clock);
  }

  @Test
  void deletesDeliveredMessagesOlderThanTheRetentionAndKeepsTheRest() {
    db.enqueue("1:1", "broken", "old-blocked");
    UUID oldDone = db.enqueue("1:2", "ok", "old-done");
    dispatcher.flush(10);
    db.clock.advance(Duration.ofDays(3));
    UUID recentDone = db.enqueue("1:3", "ok", "recent-done");
    dispatcher.flush(10);
    UUID pending = db.enqueue("1:4", "ok", "pending");
    db.clock.advance(Duration.ofDays(5)); // old-done is 8 days old, recent-done 5

    long deleted = purge(Duration.ofDays(7)).purge();

    assertThat(deleted).isEqualTo(1);
    assertThat(admin.find(oldDone)).isEmpty();
    assertThat(admin.find(recentDone)).isPresent();
    assertThat(admin.find(pending)).isPresent();
    assertThat(admin.counts()).isEqualTo(Map.of(OutboxStatus.BLOCKED, 1L, OutboxStatus.DONE, 1L, OutboxStatus.PENDING, 1L));
  }

  @Test
  void walksPastManyPagesAndAZeroRetentionKeepsEverything() {
    for (int i = 0; i < 2_500; i++) {
      db.enqueue("1:" + i, "ok", "k" + i);
    }
    while (dispatcher.flush(500).total() > 0) {
      // deliver all
    }
    db.clock.advance(Duration.ofDays(8));

    assertThat(purge(Duration.ZERO).purge()).isZero();
    assertThat(admin.counts()).containsEntry(OutboxStatus.DONE, 2_500L);
    assertThat(purge(Duration.ofDays(7)).purge()).isEqualTo(2_500);
    assertThat(admin.counts()).doesNotContainKey(OutboxStatus.DONE);
  }

  @Test
  void aKeyEnqueuedAgainAfterItsMessageWasPurgedMakesANewMessage() {
    UUID first = db.enqueue("1:1", "ok", "same-key");
    dispatcher.flush(10);
    db.clock.advance(Duration.ofDays(8));
    purge(Duration.ofDays(7)).purge();

    UUID again = db.enqueue("1:1", "ok", "same-key");

    assertThat(again).isNotEqualTo(first);
    assertThat(admin.find(again)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(OutboxStatus.PENDING));
  }
}
