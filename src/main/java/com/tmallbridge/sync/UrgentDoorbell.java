package com.tmallbridge.sync;

/**
 * Wakes the {@link DispatcherWorker}'s urgent lanes as soon as a transaction that enqueued an urgent
 * message commits, so that such a message waits for no idle pause (up to {@code
 * bridge.sync.urgent-idle-max}) before it is claimed. In-process only: a message enqueued on another
 * node is found at the next pause as before. Thread-safe.
 */
final class UrgentDoorbell {
  private long rings;

  /** Wakes every lane waiting in {@link #await}. */
  synchronized void ring() {
    rings++;
    notifyAll();
  }

  /** The number of rings so far; pass it to {@link #await} to notice a ring that came in between. */
  synchronized long rings() {
    return rings;
  }

  /**
   * Waits until the bell has rung more than {@code seen} times, or {@code millis} pass.
   *
   * @return whether it rang
   * @throws InterruptedException when the waiting thread is interrupted
   */
  synchronized boolean await(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (rings == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
    return true;
  }
}
