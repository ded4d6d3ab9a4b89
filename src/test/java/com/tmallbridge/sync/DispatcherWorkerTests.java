package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.sync.Dispatcher.FlushResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherWorkerTests {
  private final FakeDispatcher dispatcher = new FakeDispatcher();
  private final DispatcherWorker worker = new DispatcherWorker(dispatcher, SyncFixture.properties(3, 100, false));

  @AfterEach
  void stop() {
    worker.stop();
  }

  @Test
  void flushesOnItsThreadsUntilTheWorkIsDone() {
    dispatcher.work.set(250);

    worker.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.work.get() == 0 && dispatcher.threads.size() >= 2);
    assertThat(worker.isRunning()).isTrue();
    assertThat(dispatcher.threads).allSatisfy(name -> assertThat(name).startsWith("outbox-worker-"));
  }

  @Test
  void picksUpWorkThatArrivesWhileIdle() {
    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.calls.get() > 4);

    dispatcher.work.set(30);

    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.work.get() == 0);
  }

  @Test
  void keepsRunningAfterAFlushThrows() {
    dispatcher.failuresLeft.set(2);
    dispatcher.work.set(10);

    worker.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.work.get() == 0);
    assertThat(dispatcher.failuresLeft.get()).isZero();
  }

  @Test
  void stopsAfterTheCurrentFlushAndCanStartAgain() {
    worker.start();
    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.calls.get() > 0);

    worker.stop();
    int callsAtStop = dispatcher.calls.get();

    assertThat(worker.isRunning()).isFalse();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> dispatcher.calls.get() == callsAtStop);
    worker.stop();

    dispatcher.work.set(5);
    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.work.get() == 0);
  }

  @Test
  void isNotStartedWithTheApplicationContext() {
    assertThat(worker.isAutoStartup()).isFalse();
    assertThat(worker.isRunning()).isFalse();
  }

  /** Delivers from a counter of pending work, up to 10 per flush; may throw first. */
  private static final class FakeDispatcher implements Dispatcher {
    final AtomicInteger work = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public FlushResult flushUrgent(int maxMessages) {
      return new FlushResult(0, 0, 0);
    }

    @Override
    public FlushResult flush(int maxMessages) {
      calls.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("database down");
      }
      int taken = 0;
      while (taken < Math.min(10, maxMessages) && work.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        taken++;
      }
      return new FlushResult(taken, 0, 0);
    }

    @Override
    public boolean hasUnfinished() {
      return work.get() > 0;
    }
  }
}
