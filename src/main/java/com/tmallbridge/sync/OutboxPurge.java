package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes delivered outbox messages once they are older than {@code bridge.sync.outbox.retention}
 * (completed before now minus the retention), so the outbox holds the queue and recent history,
 * not every message ever sent. Messages that are PENDING, IN_FLIGHT, FAILED or BLOCKED are never
 * touched: an operator still has to see and retry them.
 *
 * <p>It walks the table in enqueue order ({@code seq}, the primary key) a page at a time and stops
 * at the first message created after the cut-off, since nothing enqueued later can have completed
 * before it; each page's deletions commit on their own, so a purge holds no long transaction and
 * can be stopped at any point. The idempotency of {@link Outbox#enqueue} then covers the retention
 * only: a key enqueued again after its message was purged makes a new message, which the handlers,
 * idempotent on the key in the receiving system, deliver as a repeat.
 */
public final class OutboxPurge extends RetentionPurge {
  private static final int PAGE = 1_000;

  /** @param retention how long a delivered message is kept; zero keeps every message forever */
  OutboxPurge(JdbcClient jdbc, TransactionTemplate transaction, Duration retention, Clock clock) {
    super(jdbc, transaction, retention, clock, "delivered outbox messages");
  }

  /** DONE messages completed before the cut-off, walked in enqueue order. */
  @Override
  long deleteBefore(OffsetDateTime cutoff) {
    long deleted = 0;
    long after = 0;
    while (true) {
      List<Row> page = jdbc.sql("SELECT seq, status, created_at, completed_at FROM sync_outbox WHERE seq > ? ORDER BY seq"
              + " FETCH FIRST " + PAGE + " ROWS ONLY")
          .param(after)
          .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
              rs.getObject(4, OffsetDateTime.class)))
          .list();
      if (page.isEmpty()) {
        break;
      }
      List<Long> done = page.stream().filter(r -> "DONE".equals(r.status()) && r.completedAt() != null
          && r.completedAt().isBefore(cutoff)).map(Row::seq).toList();
      if (!done.isEmpty()) {
        Integer count = transaction.execute(s -> jdbc.sql("DELETE FROM sync_outbox WHERE status = 'DONE' AND seq IN (:seqs)")
            .param("seqs", done).update());
        deleted += count == null ? 0 : count;
      }
      Row last = page.get(page.size() - 1);
      if (page.size() < PAGE || !last.createdAt().isBefore(cutoff)) {
        break;
      }
      after = last.seq();
    }
    return deleted;
  }

  private record Row(long seq, String status, OffsetDateTime createdAt, @Nullable OffsetDateTime completedAt) {}
}
