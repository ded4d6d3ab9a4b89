package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class DispatcherConcurrencyTests {
  private final SyncFixture db = SyncFixture.create();
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> orderPerAggregate = new ConcurrentHashMap<>();
  private final MessageHandler counting = SyncFixture.handler("t", m -> {
    deliveries.computeIfAbsent(m.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
    orderPerAggregate.computeIfAbsent(m.aggregateId(), k -> Collections.synchronizedList(new ArrayList<>()))
        .add(Integer.parseInt(m.idempotencyKey().substring(m.idempotencyKey().indexOf('-') + 1)));
    db.recordEffect(m, m.idempotencyKey());
  });

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void twoDispatchersOnTwoThreadsDeliverEachMessageExactlyOnceAndInOrder() throws Exception {
    enqueue(500, 50);
    List<OutboxDispatcher> dispatchers = List.of(
        db.dispatcher(SyncFixture.properties(3, 20, false), counting), db.dispatcher(SyncFixture.properties(3, 20, false), counting));

    drain(dispatchers, 50);

    assertThat(deliveries).hasSize(500).allSatisfy((key, count) -> assertThat(count.get()).as(key).isEqualTo(1));
    assertThat(db.effects()).isEqualTo(500);
    assertThat(db.admin().counts()).isEqualTo(Map.of(OutboxStatus.DONE, 500L));
    assertThat(orderPerAggregate).hasSize(50).allSatisfy((aggregate, order) -> assertThat(order).isSorted());
    long failed = dispatchers.stream().mapToLong(d -> d.stats().failed()).sum();
    assertThat(failed).isZero();
    System.out.printf("exactly-once run on %s: delivered per dispatcher %s%n",
        TestDatabase.currentKind(), dispatchers.stream().map(d -> d.stats().delivered()).toList());
  }

  @Test
  void measuresThroughputOfTwoDispatcherThreads() throws Exception {
    int messages = TestDatabase.isPostgres() ? 1_000 : 2_000; // a test, not a benchmark: enough to keep both threads busy
    long enqueueStart = System.nanoTime();
    long enqueueCpu = cpuNanos();
    enqueue(messages, messages);
    double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
    double enqueueCpuSeconds = (cpuNanos() - enqueueCpu) / 1e9;
    List<OutboxDispatcher> dispatchers = List.of(
        db.dispatcher(SyncFixture.properties(3, 100, false), counting), db.dispatcher(SyncFixture.properties(3, 100, false), counting));

    long start = System.nanoTime();
    long cpu = cpuNanos();
    drain(dispatchers, 100);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;

    assertThat(db.effects()).isEqualTo(messages);
    assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    System.out.printf("outbox throughput on %s: enqueued %d in %.2f s (%.0f/s, %.0f µs CPU each); "
            + "delivered in %.2f s by 2 threads (%.0f/s, %.0f µs CPU each incl. the handler's insert)%n",
        TestDatabase.currentKind(), messages, enqueueSeconds, messages / enqueueSeconds, enqueueCpuSeconds * 1e6 / messages,
        seconds, messages / seconds, cpuSeconds * 1e6 / messages);
  }

  /** CPU time of this process; with other processes on the machine, wall time alone says little. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Enqueues {@code count} messages spread over {@code aggregates} aggregates, 500 per transaction. */
  private void enqueue(int count, int aggregates) {
    Outbox outbox = db.outbox();
    for (int from = 0; from < count; from += 500) {
      int start = from;
      db.tx.executeWithoutResult(s -> {
        for (int i = start; i < Math.min(start + 500, count); i++) {
          outbox.enqueue("trade", "a" + (i % aggregates), "t", "{}", "k-" + i);
        }
      });
    }
  }

  /** Each dispatcher flushes on its own thread until no message is unfinished. */
  private static void drain(List<OutboxDispatcher> dispatchers, int perFlush) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(dispatchers.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (OutboxDispatcher dispatcher : dispatchers) {
        runs.add(threads.submit(() -> {
          while (dispatcher.flush(perFlush).total() > 0 || dispatcher.hasUnfinished()) {
            Thread.onSpinWait();
          }
        }));
      }
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
