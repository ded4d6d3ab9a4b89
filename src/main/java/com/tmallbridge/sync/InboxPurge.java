package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public final class InboxPurge {
  private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);
  static final int PAGE = 1_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Duration retention;
  private final Clock clock;

  /** @param retention how long a snapshot is kept; zero keeps every snapshot forever */
  InboxPurge(JdbcClient jdbc, TransactionTemplate transaction, Duration retention, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.retention = retention;
    this.clock = clock;
  }

  /** How long snapshots are kept; zero when they are kept forever. */
  public Duration retention() {
    return retention;
  }

  /** Deletes the snapshots stored before now minus the retention; 0 when the retention is zero. */
  public long purge() {
    return retention.isZero() ? 0 : purge(retention);
  }

  /**
   * Deletes the snapshots stored before now minus {@code olderThan}.
   *
   * @return how many were deleted
   * @throws IllegalArgumentException when {@code olderThan} is negative
   */
  public long purge(Duration olderThan) {
    if (olderThan.isNegative()) {
      throw new IllegalArgumentException("the age of the snapshots to purge must be at least 0s, got " + olderThan);
    }
    OffsetDateTime cutoff = Timestamps.toDb(clock.instant().minus(olderThan));
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
    if (deleted > 0) {
      log.info("inbox purge: {} snapshot(s) stored before {} deleted", deleted, cutoff.toInstant());
    }
    return deleted;
  }

  /** {@link #purge()} for a scheduler: a failure is logged and the next run tries again. */
  void purgeQuietly() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.warn("inbox purge failed; the next run tries again", e);
    }
  }
}
