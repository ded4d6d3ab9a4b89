package com.tmallbridge.sync;

/**
 * Delivers due outbox messages to their handlers. Safe to call from several threads and nodes:
 * a message is claimed before it is delivered so two callers never deliver it at once.
 */
public interface Dispatcher {

  /**
   * Delivers messages that are due now until none is left or {@code maxMessages} were tried.
   *
   * @return what happened in this call
   */
  FlushResult flush(int maxMessages);

  /**
   * As {@link #flush}, but only urgent messages ({@link MessageHandler#urgent()}): what the urgent
   * lanes of the {@link DispatcherWorker} run, so that urgent messages never wait behind others.
   */
  FlushResult flushUrgent(int maxMessages);

  /**
   * Delivers due messages, {@code batch} at a time, until a round finds none due; messages that
   * fail go into back-off and are not waited for.
   *
   * @return how many were delivered
   */
  default int drainDue(int batch) {
    int delivered = 0;
    FlushResult r;
    do {
      r = flush(batch);
      delivered += r.delivered();
    } while (r.total() > 0);
    return delivered;
  }

  /** Whether any PENDING, FAILED or IN_FLIGHT message exists (due now or later). */
  boolean hasUnfinished();

  /**
   * Outcome of one {@link #flush}.
   *
   * @param delivered messages marked DONE
   * @param failed deliveries that failed and will be retried
   * @param blocked messages that became BLOCKED
   */
  record FlushResult(int delivered, int failed, int blocked) {
    public int total() {
      return delivered + failed + blocked;
    }
  }
}
