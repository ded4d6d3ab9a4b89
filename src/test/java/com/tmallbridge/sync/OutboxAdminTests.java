package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class OutboxAdminTests {
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

  @Test
  void listsMessagesOfOneStatusOldestFirst() {
    UUID first = db.enqueue("1:1", "broken", "k1");
    UUID second = db.enqueue("1:2", "broken", "k2");
    db.enqueue("1:3", "ok", "k3");
    dispatcher.flush(10);

    assertThat(admin.list(OutboxStatus.BLOCKED, 10)).extracting(OutboxEntry::id).containsExactly(first, second);
    assertThat(admin.list(OutboxStatus.BLOCKED, 1)).extracting(OutboxEntry::id).containsExactly(first);
    assertThat(admin.list(OutboxStatus.PENDING, 10)).isEmpty();
  }

  @Test
  void countsMessagesPerStatus() {
    db.enqueue("1:1", "broken", "k1");
    db.enqueue("1:2", "ok", "k2");
    db.enqueue("1:3", "ok", "k3");
    dispatcher.flush(10);
    db.enqueue("1:4", "ok", "k4");

    assertThat(admin.counts()).isEqualTo(Map.of(OutboxStatus.BLOCKED, 1L, OutboxStatus.DONE, 2L, OutboxStatus.PENDING, 1L));
  }

  @Test
  void anUndeliveredMessageOfAnAggregateTypeIsPendingOrFailedButNotDoneOrBlocked() {
    OutboxDispatcher flaky = db.dispatcher(SyncFixture.handler("flaky", m -> {
      throw new DeliveryException("TEST-002", true, "timeout", null);
    }));
    db.enqueue("1:1", "ok", "k1");
    db.enqueue("1:2", "broken", "k2");
    dispatcher.flush(10);
    assertThat(admin.anyUndelivered("trade")).as("one DONE, one BLOCKED").isFalse();

    db.enqueue("1:3", "flaky", "k3");
    assertThat(admin.anyUndelivered("trade")).as("PENDING").isTrue();
    assertThat(admin.anyUndelivered("stock-item")).as("another aggregate type").isFalse();

    flaky.flush(10);
    assertThat(admin.anyUndelivered("trade")).as("FAILED, waiting for a retry").isTrue();
  }

  @Test
  void findsOneMessageOrNothing() {
    UUID id = db.enqueue("1:1", "ok", "k1");

    assertThat(admin.find(id)).map(OutboxEntry::id).contains(id);
    assertThat(admin.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void retryMakesABlockedMessagePendingAndDueNowWithAttemptsReset() {
    UUID id = db.enqueue("1:1", "broken", "k1");
    dispatcher.flush(10);
    db.clock.advance(Duration.ofHours(1));

    assertThat(admin.retry(id)).isTrue();

    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.nextAttemptAt()).isEqualTo(db.clock.instant());
    assertThat(entry.lastErrorCode()).isEqualTo("TEST-001");
  }

  @Test
  void retryMakesAFailedMessageDueNow() {
    OutboxDispatcher flaky = db.dispatcher(SyncFixture.handler("flaky", m -> {
      throw new DeliveryException("TEST-002", true, "timeout", null);
    }));
    UUID id = db.enqueue("1:1", "flaky", "k1");
    flaky.flush(10);
    assertThat(db.entry(id).nextAttemptAt()).isAfter(db.clock.instant());

    assertThat(admin.retry(id)).isTrue();

    assertThat(db.entry(id).nextAttemptAt()).isEqualTo(db.clock.instant());
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.PENDING);
  }

  @Test
  void retryLeavesPendingDoneAndUnknownMessagesAlone() {
    UUID pending = db.enqueue("1:1", "ok", "k1");
    UUID done = db.enqueue("1:2", "ok", "k2");
    dispatcher.flush(1);

    assertThat(admin.retry(pending)).isFalse();
    assertThat(admin.retry(done)).isFalse();
    assertThat(admin.retry(UUID.randomUUID())).isFalse();
    assertThat(db.entry(pending).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.entry(done).status()).isEqualTo(OutboxStatus.PENDING);
  }

  @Test
  void retriesAllBlockedMessagesThenDeliversThem() {
    db.enqueue("1:1", "broken", "k1");
    db.enqueue("1:2", "broken", "k2");
    db.enqueue("1:3", "ok", "k3");
    dispatcher.flush(10);

    assertThat(admin.retryAllBlocked()).isEqualTo(2);
    assertThat(admin.counts()).isEqualTo(Map.of(OutboxStatus.PENDING, 2L, OutboxStatus.DONE, 1L));
    db.dispatcher(SyncFixture.handler("broken", m -> {})).flush(10);
    assertThat(admin.counts()).isEqualTo(Map.of(OutboxStatus.DONE, 3L));
  }

  @Test
  void listsTheMessagesOfOneAggregateNewestFirst() {
    UUID first = db.enqueue("1:1", "ok", "k1");
    db.enqueue("1:2", "ok", "k2");
    UUID second = db.enqueue("1:1", "ok", "k3");

    assertThat(admin.forAggregate("trade", "1:1")).extracting(OutboxEntry::id).containsExactly(second, first);
    assertThat(admin.forAggregate("refund", "1:1")).isEmpty();
  }
}
