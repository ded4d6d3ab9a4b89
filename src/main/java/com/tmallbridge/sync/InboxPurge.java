package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes inbox snapshots last stored more than {@code bridge.sync.inbox.retention} ago. A snapshot
 * is "done" once it was applied, which happens in the transaction that stored it; it is kept only to
 * recognise a replay. A trade that has not changed for the retention is no longer re-read by the
 * overlapping windows; if it comes back anyway (a completeness re-fetch, a late push), it is stored
 * again and applied again, as a replay of an old window would be: the flows' writes are idempotent
 * (the ERP order is created under a key of the trade and its modified time, invariant 4), so the
 * repeat changes nothing.
 *
 * <p>Works a page of {@value #PAGE} rows at a time by the {@code received_at} index, each page's
 * deletion a transaction of its own: no long lock, and it can stop at any point. A row stored again
 * between the page's read and its deletion is kept (the deletion re-checks the age).
 */
public final class InboxPurge extends RetentionPurge {
  static final int PAGE = 1_000;

  /** @param retention how long a snapshot is kept; zero keeps every snapshot forever */
  InboxPurge(JdbcClient jdbc, TransactionTemplate transaction, Duration retention, Clock clock) {
    super(jdbc, transaction, retention, clock, "inbox snapshots");
  }

  /** Snapshots stored before the cut-off, by the {@code received_at} index. */
  @Override
  long deleteBefore(OffsetDateTime cutoff) {
    long deleted = 0;
    while (true) {
      List<Long> page = jdbc.sql("SELECT seq FROM sync_inbox WHERE received_at < ? ORDER BY received_at FETCH FIRST " + PAGE + " ROWS ONLY")
          .param(cutoff)
          .query(Long.class)
          .list();
      if (page.isEmpty()) {
        break;
      }
      Integer count = transaction.execute(s -> jdbc.sql("DELETE FROM sync_inbox WHERE received_at < :cutoff AND seq IN (:seqs)")
          .param("cutoff", cutoff).param("seqs", page).update());
      deleted += count == null ? 0 : count;
      if (page.size() < PAGE) {
        break;
      }
    }
    return deleted;
  }
}
