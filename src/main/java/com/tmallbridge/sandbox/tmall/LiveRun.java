package com.tmallbridge.sandbox.tmall;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running {@link TmallSandbox#generateLive(int, Duration)}: done when every trade it creates has
 * been created and has gone through all its planned events. Thread-safe.
 */
public final class LiveRun {
  private final int count;
  private final CountDownLatch pending;
  private final AtomicInteger notCreated = new AtomicInteger();

  LiveRun(int count) {
    this.count = count;
    this.pending = new CountDownLatch(count);
  }

  /** How many trades this run creates. */
  public int count() {
    return count;
  }

  /** How many trades are complete (created and every planned event applied). */
  public int completed() {
    return count - (int) pending.getCount();
  }

  /**
   * How many planned trades were not created because the shop had nothing left in stock at that
   * moment (they count as complete).
   */
  public int notCreated() {
    return notCreated.get();
  }

  public boolean isDone() {
    return pending.getCount() == 0;
  }

  /**
   * Waits until the run is done or the timeout passes.
   *
   * @return whether the run is done
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    return pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void tradeCompleted() {
    pending.countDown();
  }

  void tradeNotCreated() {
    notCreated.incrementAndGet();
    pending.countDown();
  }
}
