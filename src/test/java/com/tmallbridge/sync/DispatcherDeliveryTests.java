package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sync.Dispatcher.FlushResult;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DispatcherDeliveryTests {
  private final SyncFixture db = SyncFixture.create();
  private final List<OutboxMessage> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void deliversDueMessagesAndMarksThemDone() {
    UUID first = db.enqueue("1:1", "erp.order", "k1");
    UUID second = db.enqueue("1:2", "erp.order", "k2");
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("erp.order", handled::add));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(2, 0, 0));

    assertThat(handled).extracting(OutboxMessage::id).containsExactly(first, second);
    OutboxMessage message = handled.get(0);
    assertThat(message.aggregateType()).isEqualTo("trade");
    assertThat(message.aggregateId()).isEqualTo("1:1");
    assertThat(message.payload()).isEqualTo("{\"key\":\"k1\"}");
    assertThat(message.idempotencyKey()).isEqualTo("k1");
    assertThat(message.attempts()).isZero();
    assertThat(message.createdAt()).isEqualTo(db.clock.instant());
    OutboxEntry entry = db.entry(first);
    assertThat(entry.status()).isEqualTo(OutboxStatus.DONE);
    assertThat(entry.completedAt()).isEqualTo(db.clock.instant());
    assertThat(entry.nextAttemptAt()).isNull();
    assertThat(dispatcher.hasUnfinished()).isFalse();
    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(0, 0, 0));
  }

  @Test
  void messagesOfAHandlerThatIsNotGroupableCommitOneByOne() {
    java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.function.Function<Boolean, MessageHandler> handler = groupable -> new MessageHandler() {
      @Override
      public String messageType() {
        return groupable ? "grouped" : "remote";
      }

      @Override
      public void handle(OutboxMessage m) {
        calls.merge(m.idempotencyKey(), 1, Integer::sum);
        if (m.idempotencyKey().endsWith("-2")) {
          throw new DeliveryException("T-1", false, "refused", null);
        }
      }

      @Override
      public boolean groupable() {
        return groupable;
      }
    };
    OutboxDispatcher dispatcher = db.dispatcher(handler.apply(true), handler.apply(false));
    for (String type : List.of("grouped", "remote")) {
      for (int i = 1; i <= 3; i++) {
        db.enqueue(type + "-agg-" + i, type, type + "-" + i);
      }
      dispatcher.flush(10);
    }

    // a group that fails is rolled back and delivered again one by one; a remote call is never repeated that way
    assertThat(calls).containsEntry("grouped-1", 2).containsEntry("remote-1", 1).containsEntry("remote-3", 1);
  }

  @Test
  void aMessageThatMustWaitForAKnownMomentWaitsUntilThenWithoutSpendingAnAttempt() {
    UUID id = db.enqueue("1:1", "shop.call", "k1");
    AtomicInteger tries = new AtomicInteger();
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.handler("shop.call", m -> {
      if (tries.incrementAndGet() <= 20) { // a shop paused again and again, far more often than the retry policy allows attempts
        throw DeliveryException.waitUntil("T-PAUSED", "shop paused", db.clock.instant().plus(Duration.ofSeconds(10)));
      }
      handled.add(m);
    }));

    for (int i = 0; i < 20; i++) {
      Instant pauseEnds = db.clock.instant().plus(Duration.ofSeconds(10));
      assertThat(dispatcher.flush(10).total()).isEqualTo(1);
      OutboxEntry entry = db.entry(id);
      assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
      assertThat(entry.attempts()).isZero();
      assertThat(entry.nextAttemptAt()).isEqualTo(pauseEnds);
      assertThat(entry.lastError()).contains("shop paused");
      db.clock.advance(Duration.ofSeconds(9));
      assertThat(dispatcher.flush(10).total()).as("not due before the pause ends").isZero();
      db.clock.advance(Duration.ofSeconds(1));
    }
    assertThat(dispatcher.flush(10).delivered()).isEqualTo(1);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(handled).hasSize(1);
  }

  @Test
  void triesNoMoreThanAskedAndLeavesTheRestPending() {
    for (int i = 0; i < 7; i++) {
      db.enqueue("1:" + i, "erp.order", "k" + i);
    }
    OutboxDispatcher dispatcher = db.dispatcher(SyncFixture.properties(3, 2, false), SyncFixture.handler("erp.order", handled::add));

    assertThat(dispatcher.flush(5).delivered()).isEqualTo(5);
    assertThat(dispatcher.hasUnfinished()).isTrue();
    assertThat(dispatcher.flush(0).total()).isZero();
    assertThat(dispatcher.flush(100).delivered()).isEqualTo(2);
    assertThat(handled).extracting(OutboxMessage::idempotencyKey).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
  }

  @Test
  void handlerRowsCommitTogetherWithDone() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    db.dispatcher(SyncFixture.handler("erp.order", m -> db.recordEffect(m, "created"))).flush(10);

    assertThat(db.effects()).isEqualTo(1);
    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE);
  }

  @Test
  void handlerRowsRollBackWhenTheDeliveryFails() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    FlushResult result = db.dispatcher(SyncFixture.handler("erp.order", m -> {
      db.recordEffect(m, "half done");
      throw new DeliveryException("EMBEDDED-002", true, "ERP timed out", null);
    })).flush(10);

    assertThat(result).isEqualTo(new FlushResult(0, 1, 0));
    assertThat(db.effects()).isZero();
    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.lastErrorCode()).isEqualTo("EMBEDDED-002");
    assertThat(entry.lastError()).isEqualTo("ERP timed out");
  }

  @Test
  void countsAnUnexpectedExceptionAsRetryableWithItsCause() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    db.dispatcher(SyncFixture.handler("erp.order", m -> {
      throw new IllegalStateException("mapping broke", new NumberFormatException("x1"));
    })).flush(10);

    OutboxEntry entry = db.entry(id);
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.lastErrorCode()).isEqualTo(SyncErrorCode.HANDLER_FAILED.code());
    assertThat(entry.lastError()).isEqualTo("java.lang.IllegalStateException: mapping broke <- NumberFormatException: x1");
  }

  @Test
  void countsARecoverableErrorOfOneHandlerAsAFailedAttempt() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    db.dispatcher(SyncFixture.handler("erp.order", m -> {
      throw new StackOverflowError();
    })).flush(10);

    assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(db.entry(id).lastError()).isEqualTo("java.lang.StackOverflowError: (no message)");
  }

  @Test
  void cutsLongErrorsToTheColumnSize() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");

    db.dispatcher(SyncFixture.handler("erp.order", m -> {
      throw new DeliveryException("C".repeat(100), true, "e".repeat(5_000), null);
    })).flush(10);

    assertThat(db.entry(id).lastError()).hasSize(Failure.MAX_MESSAGE).endsWith("…");
    assertThat(db.entry(id).lastErrorCode()).hasSize(Failure.MAX_CODE);
  }

  @Test
  void leavesMessagesThatAreNotDueYet() {
    UUID id = db.enqueue("1:1", "erp.order", "k1");
    OutboxDispatcher failing = db.dispatcher(SyncFixture.handler("erp.order", m -> {
      throw new DeliveryException("X-1", true, "down", null);
    }));
    failing.flush(10);

    OutboxDispatcher working = db.dispatcher(SyncFixture.handler("erp.order", handled::add));
    assertThat(working.flush(10).total()).isZero();
    assertThat(working.hasUnfinished()).isTrue();

    db.clock.set(db.entry(id).nextAttemptAt());
    assertThat(working.flush(10).delivered()).isEqualTo(1);
    assertThat(handled).extracting(OutboxMessage::attempts).containsExactly(1);
  }

  @Test
  void keepsCountsOfWhatItDid() {
    db.enqueue("1:1", "ok", "k1");
    db.enqueue("1:2", "ok", "k2");
    db.enqueue("1:3", "retry", "k3");
    db.enqueue("1:4", "reject", "k4");
    OutboxDispatcher dispatcher = db.dispatcher(
        SyncFixture.handler("ok", m -> {}),
        SyncFixture.handler("retry", m -> {
          throw new IllegalStateException("later");
        }),
        SyncFixture.handler("reject", m -> {
          throw new DeliveryException("X-2", false, "never", null);
        }));

    assertThat(dispatcher.flush(10)).isEqualTo(new FlushResult(2, 1, 1));
    assertThat(dispatcher.stats()).isEqualTo(new DispatcherStats(2, 1, 1, 0, 0));
  }
}
