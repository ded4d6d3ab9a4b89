package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DispatcherRecoveryTests {
  private final SyncFixture db = SyncFixture.create();
  private final List<OutboxMessage> handled = new CopyOnWriteArrayList<>();
  private final MessageHandler recording = SyncFixture.handler("t", handled::add);

  @AfterEach
  void close() {
    db.close();
  }

  /** Leaves a message IN_FLIGHT as a dispatcher that died mid-delivery would. */
  private UUID inFlight(String key, String owner, int attempts) {
    UUID id = db.enqueue("1:" + key, "t", key);
    db.jdbc.sql("UPDATE sync_outbox SET status = 'IN_FLIGHT', claimed_by = ?, claimed_at = ?, attempts = ?, version = version + 1 WHERE id = ?")
        .params(owner, Timestamps.toDb(db.clock.instant()), attempts, id.toString())
        .update();
    return id;
  }

  @Test
  void redeliversAMessageWhoseClaimExpired() {
    UUID id = inFlight("k1", "dead-node#1", 0);
    OutboxDispatcher dispatcher = db.dispatcher(recording);

    db.clock.advance(Duration.ofMinutes(1));
    assertThat(dispatcher.flush(10).total()).isZero();
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.IN_FLIGHT);

    db.clock.advance(Duration.ofMinutes(1).plusMillis(1));
    assertThat(dispatcher.flush(10).delivered()).isEqualTo(1);

    assertThat(handled).extracting(OutboxMessage::attempts).containsExactly(1);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.entry(id).lastErrorCode()).isEqualTo("SYNC-003");
    assertThat(db.entry(id).lastError()).contains("dead-node#1", "PT2M");
    assertThat(dispatcher.stats()).isEqualTo(new DispatcherStats(1, 1, 0, 0, 1));
  }

  @Test
  void recoverAfterRestartMakesEveryInFlightMessageDueAgain() {
    UUID first = inFlight("k1", "old-process#1", 0);
    UUID second = inFlight("k2", "old-process#2", 1);
    OutboxDispatcher dispatcher = db.dispatcher(recording);

    assertThat(dispatcher.recoverAfterRestart()).isEqualTo(2);

    for (UUID id : List.of(first, second)) {
      OutboxEntry entry = db.entry(id);
      assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
      assertThat(entry.nextAttemptAt()).isEqualTo(db.clock.instant());
      assertThat(entry.lastErrorCode()).isEqualTo("SYNC-004");
    }
    assertThat(db.entry(second).attempts()).isEqualTo(2);
    assertThat(dispatcher.flush(10).delivered()).isEqualTo(2);
  }

  @Test
  void theFirstFlushRecoversInFlightMessagesOnlyWhenConfigured() {
    UUID id = inFlight("k1", "old-process#1", 0);

    assertThat(db.dispatcher(SyncFixture.properties(3, 100, false), recording).flush(10).total()).isZero();
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.IN_FLIGHT);

    assertThat(db.dispatcher(SyncFixture.properties(3, 100, true), recording).flush(10).delivered()).isEqualTo(1);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE);
  }

  @Test
  void restartRecoveryLeavesTheDispatchersOwnClaimsAlone() {
    db.enqueue("1:1", "t", "k1");
    List<Integer> recoveredDuringDelivery = new CopyOnWriteArrayList<>();
    OutboxDispatcher[] self = new OutboxDispatcher[1];
    self[0] = db.dispatcher(SyncFixture.handler("t", m -> recoveredDuringDelivery.add(self[0].recoverAfterRestart())));

    assertThat(self[0].flush(10).delivered()).isEqualTo(1);
    assertThat(recoveredDuringDelivery).containsExactly(0);
  }

  @Test
  void blocksAMessageWhoseInterruptedAttemptWasItsLast() {
    UUID id = inFlight("k1", "old-process#1", 2);

    db.dispatcher(SyncFixture.properties(3, 100, false), recording).recoverAfterRestart();

    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(db.events).singleElement().isInstanceOfSatisfying(MessageBlocked.class, event -> {
      assertThat(event.reasonCode()).isEqualTo("SYNC-004");
      assertThat(event.attempts()).isEqualTo(3);
    });
  }

  @Test
  void rollsBackADeliveryThatOutlivedItsClaim() {
    UUID id = db.enqueue("1:1", "t", "k1");
    OutboxDispatcher other = db.dispatcher(recording);
    OutboxDispatcher slow = db.dispatcher(SyncFixture.handler("t", m -> {
      db.recordEffect(m, "attempt " + m.attempts());
      if (m.attempts() == 0) {
        db.clock.advance(Duration.ofMinutes(3));
        assertThat(other.recoverStale()).isEqualTo(1);
      }
    }));

    assertThat(slow.flush(1).total()).isZero();
    assertThat(slow.stats().claimsLost()).isEqualTo(1);
    assertThat(db.effects()).isZero();
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.FAILED);

    assertThat(slow.flush(10).delivered()).isEqualTo(1);
    assertThat(db.effects()).isEqualTo(1);
    assertThat(db.entry(id).attempts()).isEqualTo(1);
  }

  @Test
  void releasesTheRestOfABatchWhenDeliveriesAreSlow() {
    for (int i = 1; i <= 3; i++) {
      db.enqueue("1:" + i, "t", "k" + i);
    }
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.properties(3, 3, false), SyncFixture.handler("t", m -> {
      handled.add(m);
      db.clock.advance(Duration.ofSeconds(61));
    }));

    assertThat(dispatcher.flush(10).delivered()).isEqualTo(3);

    assertThat(handled).extracting(OutboxMessage::idempotencyKey).containsExactly("k1", "k2", "k3");
    assertThat(handled).extracting(OutboxMessage::attempts).containsOnly(0);
    assertThat(db.admin().counts()).containsOnlyKeys(OutboxStatus.DONE);
  }
}
