package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sync.Dispatcher.FlushResult;
import com.tmallbridge.testsupport.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BatchMessageHandler}s: who gets which messages in one call, and what a failure in a batch does. */
@DatabaseTest
class DispatcherBatchTests {
  private final SyncFixture db = SyncFixture.create();
  /** Each call of a handler, as the keys it got: one entry per handle, one per handleAll. */
  private final List<List<String>> calls = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  /** A batch handler of {@code type} that writes one effect per message and runs {@code check} on each first. */
  private BatchMessageHandler batchHandler(String type, boolean remote, Consumer<OutboxMessage> check) {
    return new BatchMessageHandler() {
      @Override
      public String messageType() {
        return type;
      }

      @Override
      public boolean remote() {
        return remote;
      }

      @Override
      public void handle(OutboxMessage message) {
        calls.add(List.of(message.idempotencyKey()));
        check.accept(message);
        db.recordEffect(message, "one");
      }

      @Override
      public void handleAll(List<OutboxMessage> messages) {
        calls.add(messages.stream().map(OutboxMessage::idempotencyKey).toList());
        for (OutboxMessage m : messages) {
          db.recordEffect(m, "batch"); // written before a later message fails: the rollback must undo it
        }
        messages.forEach(check);
      }
    };
  }

  private MessageHandler plainHandler(String type) {
    return SyncFixture.handler(type, m -> {
      calls.add(List.of(m.idempotencyKey()));
      db.recordEffect(m, "plain");
    });
  }

  private List<UUID> enqueue(String type, String... keys) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      ids.add(db.enqueue("agg-" + key, type, key));
    }
    return ids;
  }

  @Test
  void aGroupOfOneBatchHandlersMessagesGoesToItInOneCallAndCompletesTogether() {
    List<UUID> ids = enqueue("batch", "k1", "k2", "k3", "k4", "k5");

    FlushResult result = db.dispatcher(batchHandler("batch", false, m -> {})).flush(10);

    assertThat(result).isEqualTo(new FlushResult(5, 0, 0));
    assertThat(calls).containsExactly(List.of("k1", "k2", "k3", "k4", "k5"));
    assertThat(db.effects()).isEqualTo(5);
    assertThat(ids).allSatisfy(id -> assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE));
  }

  @Test
  void aPoisonedMessageRollsItsBatchBackAndAloneFailsWhenTheMessagesAreDeliveredOneByOne() {
    List<UUID> ids = enqueue("batch", "k1", "k2", "bad", "k4");

    FlushResult result = db.dispatcher(batchHandler("batch", false, m -> {
      if (m.idempotencyKey().equals("bad")) {
        throw new DeliveryException("T-BAD", false, "refused", null);
      }
    })).flush(10);

    assertThat(result).isEqualTo(new FlushResult(3, 0, 1));
    assertThat(calls).containsExactly(
        List.of("k1", "k2", "bad", "k4"), List.of("k1"), List.of("k2"), List.of("bad"), List.of("k4"));
    assertThat(db.effects()).as("the batch's rows rolled back, each good message's written once").isEqualTo(3);
    assertThat(db.entry(ids.get(2)).status()).isEqualTo(OutboxStatus.BLOCKED);
    assertThat(db.entry(ids.get(2)).lastErrorCode()).isEqualTo("T-BAD");
    assertThat(List.of(ids.get(0), ids.get(1), ids.get(3))).allSatisfy(id -> assertThat(db.entry(id).status()).isEqualTo(OutboxStatus.DONE));
  }

  @Test
  void messagesOfOtherTypesKeepTheirPlaceInClaimOrderAndSplitTheBatchIntoRuns() {
    enqueue("batch", "b1");
    enqueue("plain", "p1");
    enqueue("batch", "b2", "b3");
    enqueue("plain", "p2");
    enqueue("batch", "b4");

    FlushResult result = db.dispatcher(batchHandler("batch", false, m -> {}), plainHandler("plain")).flush(10);

    assertThat(result.delivered()).isEqualTo(6);
    assertThat(calls).containsExactly(List.of("b1"), List.of("p1"), List.of("b2", "b3"), List.of("p2"), List.of("b4"));
    assertThat(db.effects()).isEqualTo(6);
  }

  @Test
  void aRemoteBatchHandlerIsCalledOneMessageAtATime() {
    enqueue("batch", "k1", "k2", "k3");

    assertThat(db.dispatcher(batchHandler("batch", true, m -> {})).flush(10).delivered()).isEqualTo(3);

    // remote messages of different aggregates go out side by side (remote-parallelism), so in any order
    assertThat(calls).containsExactlyInAnyOrder(List.of("k1"), List.of("k2"), List.of("k3"));
  }

  @Test
  void aBatchIsNoLargerThanTheGroupSize() {
    for (int i = 0; i < 45; i++) {
      enqueue("batch", "k" + i);
    }

    assertThat(db.dispatcher(batchHandler("batch", false, m -> {})).flush(100).delivered()).isEqualTo(45);

    assertThat(calls).extracting(List::size).containsExactly(20, 20, 5);
    assertThat(db.effects()).isEqualTo(45);
  }

  @Test
  void aClaimLostDuringABatchRollsItBackAndRecordsNothingForThatMessage() {
    List<UUID> ids = enqueue("batch", "k1", "k2", "k3");
    OutboxDispatcher dispatcher = db.dispatcher(batchHandler("batch", false, m -> {
      if (m.idempotencyKey().equals("k2")) {
        // another writer (say stale-claim recovery elsewhere) changes the row while it is being delivered
        db.jdbc.sql("UPDATE sync_outbox SET version = version + 1 WHERE idempotency_key = 'k2'").update();
      }
    }));

    FlushResult result = dispatcher.flush(10);

    assertThat(result.delivered()).isEqualTo(2);
    assertThat(db.entry(ids.get(0)).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.entry(ids.get(2)).status()).isEqualTo(OutboxStatus.DONE);
    assertThat(db.entry(ids.get(1)).status()).isEqualTo(OutboxStatus.IN_FLIGHT);
    assertThat(db.effects()).isEqualTo(2);
    assertThat(dispatcher.stats().claimsLost()).isEqualTo(1);
  }
}
