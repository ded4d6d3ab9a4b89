package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Urgent messages ({@link MessageHandler#urgent()}; in {@link SyncFixture} the types {@code
 * urgent.*}) are marked when enqueued and delivered by lanes of their own: with every ordinary lane
 * stuck in a slow delivery, an urgent message still goes through, and ordinary ones are never
 * taken by an urgent lane.
 */
@DatabaseTest
class UrgentLaneTests {
  private final SyncFixture db = SyncFixture.create();
  private final CountDownLatch urgentDelivered = new CountDownLatch(1);
  private final AtomicInteger slowStarted = new AtomicInteger();
  private final AtomicInteger slowStartedWhenUrgent = new AtomicInteger(-1);
  private final MessageHandler slow = SyncFixture.handler("slow.write", m -> {
    slowStarted.incrementAndGet();
    try {
      // stands for a remote call that hangs; it ends once the urgent message got through (or after 20 s)
      urgentDelivered.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.recordEffect(m, "slow");
  });
  private final MessageHandler urgent = new MessageHandler() {
    @Override
    public String messageType() {
      return "urgent.create";
    }

    @Override
    public void handle(OutboxMessage message) {
      db.recordEffect(message, "urgent");
      slowStartedWhenUrgent.set(slowStarted.get());
      urgentDelivered.countDown();
    }

    @Override
    public boolean urgent() {
      return true;
    }
  };
  private DispatcherWorker worker;

  @AfterEach
  void close() {
    urgentDelivered.countDown();
    if (worker != null) {
      worker.stop();
    }
    db.close();
  }

  @Test
  void anUrgentMessageIsDeliveredWhileEveryOrdinaryLaneIsStuck() {
    for (int i = 0; i < 40; i++) {
      db.enqueue("slow-" + i, "slow.write", "slow-" + i);
    }
    SyncProperties properties = SyncFixture.properties(3, 5, false);
    worker = new DispatcherWorker(db.dispatcher(properties, slow, urgent), properties);
    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> slowStarted.get() == properties.workerThreads());

    db.enqueue("order-1", "urgent.create", "urgent-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> urgentDelivered.getCount() == 0);
    assertThat(slowStartedWhenUrgent.get()).as("ordinary lanes were still stuck on their first message")
        .isEqualTo(properties.workerThreads());
    await().atMost(Duration.ofSeconds(30)).until(() -> db.effects() == 41);
    assertThat(db.admin().counts()).isEqualTo(Map.of(OutboxStatus.DONE, 41L));
  }

  @Test
  void urgentLanesTakeOnlyUrgentMessagesAndTheMarkFollowsTheHandler() {
    db.enqueue("slow-1", "slow.write", "slow-1");
    db.enqueue("order-1", "urgent.create", "urgent-1");
    OutboxDispatcher dispatcher = db.dispatcher(slow, urgent);

    assertThat(dispatcher.flushUrgent(10).delivered()).isEqualTo(1);
    assertThat(urgentDelivered.getCount()).isZero();
    assertThat(db.jdbc.sql("SELECT message_type, urgent FROM sync_outbox ORDER BY seq")
        .query((rs, n) -> rs.getString(1) + "=" + rs.getBoolean(2)).list())
        .isEqualTo(List.of("slow.write=false", "urgent.create=true"));
    assertThat(db.admin().counts()).containsEntry(OutboxStatus.PENDING, 1L);
    assertThat(dispatcher.flush(10).delivered()).isEqualTo(1);
  }

  @Test
  void aCommittedUrgentMessageEndsTheUrgentLanesPauseAtOnce() {
    // every pause a minute long: only the doorbell can bring the message through within the wait below
    SyncProperties properties = new SyncProperties(SyncFixture.properties(3, 5, false).outbox(), 1, Duration.ofMinutes(1),
        Duration.ofMinutes(1), 1, Duration.ofMinutes(1), false);
    UrgentDoorbell doorbell = new UrgentDoorbell();
    OutboxDispatcher dispatcher = db.dispatcher(properties, slow, urgent);
    AtomicInteger urgentFlushes = new AtomicInteger();
    Dispatcher counting = new Dispatcher() {
      @Override
      public FlushResult flush(int maxMessages) {
        return dispatcher.flush(maxMessages);
      }

      @Override
      public FlushResult flushUrgent(int maxMessages) {
        urgentFlushes.incrementAndGet();
        return dispatcher.flushUrgent(maxMessages);
      }

      @Override
      public boolean hasUnfinished() {
        return dispatcher.hasUnfinished();
      }
    };
    worker = new DispatcherWorker(counting, properties, doorbell);
    worker.start();
    // the urgent lane found nothing and is in its minute-long pause
    await().atMost(Duration.ofSeconds(10)).until(() -> urgentFlushes.get() == 1);
    Outbox ringing = new RingingOutbox(db.outbox(), type -> type.startsWith("urgent."), doorbell);

    db.tx.executeWithoutResult(s -> ringing.enqueue("trade", "order-1", "urgent.create", "{}", "urgent-1"));

    await().atMost(Duration.ofSeconds(20)).until(() -> urgentDelivered.getCount() == 0);
  }

  @Test
  void aRolledBackOrUnurgentEnqueueRingsNothing() {
    UrgentDoorbell doorbell = new UrgentDoorbell();
    Outbox ringing = new RingingOutbox(db.outbox(), type -> type.startsWith("urgent."), doorbell);

    db.tx.executeWithoutResult(s -> {
      ringing.enqueue("trade", "order-1", "urgent.create", "{}", "urgent-1");
      s.setRollbackOnly();
    });
    db.tx.executeWithoutResult(s -> ringing.enqueue("trade", "order-2", "slow.write", "{}", "slow-2"));
    assertThat(doorbell.rings()).isZero();

    db.tx.executeWithoutResult(s -> {
      ringing.enqueue("trade", "order-3", "urgent.create", "{}", "urgent-3");
      ringing.enqueue("trade", "order-4", "urgent.create", "{}", "urgent-4");
    });
    assertThat(doorbell.rings()).isEqualTo(1);
  }

  @Test
  void aBatchWithUrgentMessagesRingsOnceAfterCommit() {
    UrgentDoorbell doorbell = new UrgentDoorbell();
    Outbox ringing = new RingingOutbox(db.outbox(), type -> type.startsWith("urgent."), doorbell);

    db.tx.executeWithoutResult(s -> ringing.enqueueAll(List.of(new Outbox.NewMessage("trade", "order-1", "slow.write", "{}", "slow-1"))));
    db.tx.executeWithoutResult(s -> {
      ringing.enqueueAll(List.of(new Outbox.NewMessage("trade", "order-2", "urgent.create", "{}", "urgent-2")));
      s.setRollbackOnly();
    });
    assertThat(doorbell.rings()).isZero();

    db.tx.executeWithoutResult(s -> ringing.enqueueAll(List.of(new Outbox.NewMessage("trade", "order-3", "slow.write", "{}", "slow-3"),
        new Outbox.NewMessage("trade", "order-4", "urgent.create", "{}", "urgent-4"),
        new Outbox.NewMessage("trade", "order-5", "urgent.create", "{}", "urgent-5"))));
    assertThat(doorbell.rings()).isEqualTo(1);
  }
}
