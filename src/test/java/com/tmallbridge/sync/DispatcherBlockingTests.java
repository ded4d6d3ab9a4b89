package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sync.Dispatcher.FlushResult;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DispatcherBlockingTests {
  private final SyncFixture db = SyncFixture.create();

  @AfterEach
  void close() {
    db.close();
  }

  private static MessageHandler failing(String type, boolean retryable) {
    return SyncFixture.handler(type, m -> {
      throw new DeliveryException("EMBEDDED-003", retryable, "attempt " + (m.attempts() + 1) + " failed", null);
    });
  }

  @Test
  void retriesWithExponentialBackoff() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.properties(5, 100, false), failing("erp.order", true));
    Instant start = db.clock.instant();

    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(0, 1, 0));
      OutboxEntry entry = db.entry(id);
      Duration backoff = Duration.ofSeconds(1L << (attempt - 1));
      assertThat(entry.attempts()).isEqualTo(attempt);
      assertThat(entry.nextAttemptAt()).isEqualTo(db.clock.instant().plus(backoff));

      db.clock.advance(backoff.minusMillis(1));
      assertThat(dispatcher.flush(10).total()).as("not due before its backoff").isZero();
      db.clock.advance(Duration.ofMillis(1));
    }
    assertThat(db.clock.instant()).isEqualTo(start.plusSeconds(1 + 2 + 4 + 8));
  }

  @Test
  void blocksAfterMaxAttemptsAndPublishesMessageBlocked() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.properties(3, 100, false), failing("erp.order", true));

    dispatcher.flush(10);
    db.clock.advance(Duration.ofSeconds(1));
    dispatcher.flush(10);
    db.clock.advance(Duration.ofSeconds(2));
    assertThat(db.events).isEmpty();

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(0, 0, 1));

    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(entry.attempts()).isEqualTo(3);
    assertThat(entry.nextAttemptAt()).isNull();
    assertThat(db.events).containsExactly(
        new MessageBlocked(id, "trade", "1:1", "erp.order", "EMBEDDED-003", "attempt 3 failed", 3));
    db.clock.advance(Duration.ofDays(1));
    assertThat(dispatcher.flush(10).total()).isZero();
    assertThat(dispatcher.hasUnfinished()).isFalse();
  }

  @Test
  void blocksAPermanentFailureAtOnce() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    assertThat(db.dispatcher(failing("erp.order", false)).flush(10)).isEqualTo(new FlushResult(0, 0, 1));

    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(db.entry(id).attempts()).isEqualTo(1);
    assertThat(db.events).containsExactly(
        new MessageBlocked(id, "trade", "1:1", "erp.order", "EMBEDDED-003", "attempt 1 failed", 1));
  }

  @Test
  void blocksAMessageNoHandlerKnows() {
    UUID id = db.enqueue("1:1", "stock.push", "k1");

    assertThat(db.dispatcher(failing("erp.order", true)).flush(10)).isEqualTo(new FlushResult(0, 0, 1));

    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(entry.lastErrorCode()).isEqualTo("SYNC-001");
    assertThat(entry.lastError()).isEqualTo("no MessageHandler is registered for message type 'stock.push'");
  }

  @Test
  void listenerRowsCommitTogetherWithTheBlock() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");
    db.onEvent(event -> db.jdbc.sql("INSERT INTO test_effect (message_id, note) VALUES (?, 'exception raised')")
        .param(((MessageBlocked) event).messageId().toString())
        .update());

    db.dispatcher(failing("erp.order", false)).flush(10);

    assertThat(db.effects()).isEqualTo(1);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.BLOCKED);
  }

  @Test
  void aFailingListenerUndoesTheBlockUntilTheClaimExpires() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");
    db.onEvent(event -> {
      db.jdbc.sql("INSERT INTO test_effect (message_id, note) VALUES (?, 'exception raised')")
          .param(((MessageBlocked) event).messageId().toString())
          .update();
      throw new IllegalStateException("listener broke");
    });
    OutboxDispatcher dispatcher = db.dispatcher(failing("erp.order", false));

    assertThat(dispatcher.flush(10).total()).isZero();
    assertThat(db.effects()).isZero();
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.IN_FLIGHT);

    db.onEvent(event -> {});
    db.clock.advance(Duration.ofMinutes(3));
    dispatcher.flush(10);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(db.entry(id).lastErrorCode()).isEqualTo("EMBEDDED-003");
  }
}
