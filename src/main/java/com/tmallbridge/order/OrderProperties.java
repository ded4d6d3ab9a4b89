package com.tmallbridge.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order flow ({@code bridge.order.*}).
 *
 * @param window longest modified-time window of one TOP query (≤ 1 day; TOP advises ≤ 30 min)
 * @param overlap how far a sweep re-reads before what the previous sweep read, for trades that TOP
 *     lists late: a trade listed at most this long after its modified time is still read
 * @param pollInterval time between pull cycles when running continuously
 * @param onceGrace how long {@code sync --once} waits for messages in retry back-off
 * @param recheck how far a pull cycle that is not a sweep re-reads before the checkpoint (≤ overlap)
 * @param sweepEvery how often a pull cycle is a sweep (0: every cycle, as before 2026-12)
 * @param importParallelism how many pages of one shop's window are imported at once, each in its
 *     own transaction, while the next pages are read (1: one after the other); 0 (the default)
 *     picks by database: {@value #POSTGRESQL_IMPORT_PARALLELISM} on PostgreSQL, where a page's
 *     import mostly waits for the server, and 1 on H2, where the import and the deliveries already
 *     keep both cores of a small machine busy
 */
@ConfigurationProperties("bridge.order")
public record OrderProperties(
    @DefaultValue("30m") Duration window,
    @DefaultValue("3m") Duration overlap,
    @DefaultValue("30s") Duration pollInterval,
    @DefaultValue("60s") Duration onceGrace,
    @DefaultValue("10s") Duration recheck,
    @DefaultValue("1m") Duration sweepEvery,
    @DefaultValue("0") int importParallelism) {

  /** The import parallelism {@code 0} stands for on PostgreSQL (bench/orders.sh, see the report of branch pg-import). */
  static final int POSTGRESQL_IMPORT_PARALLELISM = 3;
  /** The most pages one shop may import at once (each holds a database connection). */
  static final int MAX_IMPORT_PARALLELISM = 16;

  public OrderProperties {
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("bridge.order.window must be between 1s and 1d (TOP's limit), got " + window);
    }
    if (overlap.isNegative() || overlap.compareTo(window) >= 0) {
      throw new IllegalArgumentException("bridge.order.overlap must be at least 0 and shorter than bridge.order.window, got " + overlap);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("bridge.order.poll-interval must be positive, got " + pollInterval);
    }
    if (recheck.isNegative() || recheck.compareTo(overlap) > 0) {
      throw new IllegalArgumentException("bridge.order.recheck must be between 0 and bridge.order.overlap, got " + recheck);
    }
    if (sweepEvery.isNegative()) {
      throw new IllegalArgumentException("bridge.order.sweep-every must not be negative, got " + sweepEvery);
    }
    if (importParallelism < 0 || importParallelism > MAX_IMPORT_PARALLELISM) {
      throw new IllegalArgumentException(
          "bridge.order.import-parallelism must be between 0 (by database) and " + MAX_IMPORT_PARALLELISM + ", got " + importParallelism);
    }
    if (onceGrace.isNegative()) {
      throw new IllegalArgumentException("bridge.order.once-grace must not be negative, got " + onceGrace);
    }
  }

  /** The pages of a window imported at once on a database of this kind ({@link #importParallelism}, 0 resolved). */
  int importParallelism(boolean postgresql) {
    if (importParallelism > 0) {
      return importParallelism;
    }
    return postgresql ? POSTGRESQL_IMPORT_PARALLELISM : 1;
  }
}
