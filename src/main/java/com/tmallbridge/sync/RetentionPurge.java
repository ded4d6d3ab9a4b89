package com.tmallbridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sync tables' purges share: a retention (zero keeps everything), a purge of what is older
 * than now minus it or than an age given, its log line, and a quiet run for the schedulers. A
 * subclass says which rows count as older than the cut-off and deletes them a page per
 * transaction.
 */
public abstract sealed class RetentionPurge permits InboxPurge, OutboxPurge {
  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  final JdbcClient jdbc;
  final TransactionTemplate transaction;
  private final Duration retention;
  private final Clock clock;
  private final String rows;

  /**
   * @param retention how long rows are kept; zero keeps every row forever
   * @param rows what the rows are, in messages (e.g. {@code inbox snapshots})
   */
  RetentionPurge(JdbcClient jdbc, TransactionTemplate transaction, Duration retention, Clock clock, String rows) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.retention = retention;
    this.clock = clock;
    this.rows = rows;
  }

  /** How long rows are kept; zero when they are kept forever. */
  public Duration retention() {
    return retention;
  }

  /**
   * Deletes the rows older than now minus the retention.
   *
   * @return how many were deleted (0 when the retention is zero)
   */
  public long purge() {
    return retention.isZero() ? 0 : purge(retention);
  }

  /**
   * Deletes the rows older than now minus {@code olderThan} (what {@code outbox purge --older-than} runs).
   *
   * @return how many were deleted
   * @throws IllegalArgumentException when {@code olderThan} is negative
   */
  public long purge(Duration olderThan) {
    if (olderThan.isNegative()) {
      throw new IllegalArgumentException("the age of the " + rows + " to purge must be at least 0s, got " + olderThan);
    }
    OffsetDateTime cutoff = Timestamps.toDb(clock.instant().minus(olderThan));
    long deleted = deleteBefore(cutoff);
    if (deleted > 0) {
      log.info("purge: {} {} older than {} deleted", deleted, rows, cutoff.toInstant());
    }
    return deleted;
  }

  /** Deletes the rows older than {@code cutoff}, each page in a transaction of its own; returns how many. */
  abstract long deleteBefore(OffsetDateTime cutoff);

  /** {@link #purge()} for a scheduler: a failure is logged and the next run tries again. */
  void purgeQuietly() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.warn("purge of {} failed; the next run tries again", rows, e);
    }
  }
}
