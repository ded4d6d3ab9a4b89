package com.tmallbridge.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sync engine, under {@code bridge.sync}.
 *
 * @param outbox delivery and retry settings of the outbox
 * @param workerThreads threads of the {@link DispatcherWorker}, at least 1
 * @param workerIdleMin first pause of a worker thread that found nothing to deliver
 * @param workerIdleMax longest pause of an idle worker thread (the pause doubles while idle)
 * @param urgentThreads threads of the {@link DispatcherWorker} that deliver only urgent messages
 *     ({@link MessageHandler#urgent()}), at least 0 (0: urgent messages queue with the others)
 * @param urgentIdleMax longest pause of an idle urgent thread (its pause starts at {@code
 *     workerIdleMin} and doubles up to this)
 * @param recoverInFlightOnStart whether the dispatcher, before its first delivery, makes every
 *     message left IN_FLIGHT by an earlier process due again; right for a single node, wrong for a
 *     cluster where other nodes may be delivering them (there stale-claim recovery does the job)
 */
@ConfigurationProperties("bridge.sync")
record SyncProperties(
    @DefaultValue Outbox outbox,
    @DefaultValue("2") int workerThreads,
    @DefaultValue("50ms") Duration workerIdleMin,
    @DefaultValue("1s") Duration workerIdleMax,
    @DefaultValue("1") int urgentThreads,
    @DefaultValue("100ms") Duration urgentIdleMax,
    @DefaultValue("true") boolean recoverInFlightOnStart) {

  SyncProperties {
    if (workerThreads < 1) {
      throw new IllegalArgumentException("bridge.sync.workerThreads must be at least 1, got " + workerThreads);
    }
    if (urgentThreads < 0) {
      throw new IllegalArgumentException("bridge.sync.urgentThreads must be at least 0, got " + urgentThreads);
    }
    if (urgentIdleMax.compareTo(workerIdleMin) < 0) {
      throw new IllegalArgumentException(
          "need bridge.sync.workerIdleMin <= bridge.sync.urgentIdleMax, got " + workerIdleMin + ", " + urgentIdleMax);
    }
    if (workerIdleMin.isNegative() || workerIdleMin.isZero() || workerIdleMax.compareTo(workerIdleMin) < 0) {
      throw new IllegalArgumentException(
          "need 0 < bridge.sync.workerIdleMin <= bridge.sync.workerIdleMax, got " + workerIdleMin + ", " + workerIdleMax);
    }
  }

  /** Defaults for every key; what tests and code outside Spring start from. */
  static SyncProperties defaults() {
    return new SyncProperties(Outbox.defaults(), 2, Duration.ofMillis(50), Duration.ofSeconds(1), 1, Duration.ofMillis(100), true);
  }

  /**
   * Outbox delivery settings, under {@code bridge.sync.outbox}.
   *
   * @param maxAttempts deliveries tried before a message is BLOCKED
   * @param backoffBase delay after the first failed delivery; doubles with each further failure
   * @param backoffCap longest delay between two attempts (before jitter)
   * @param jitter fraction in {@code [0, 1)} by which each delay is randomly spread either way
   * @param batchSize messages claimed by one claim query
   * @param inFlightTimeout how long a claimed message may stay IN_FLIGHT before it counts as failed
   *     (its dispatcher is presumed dead) and becomes due again
   * @param groupSize messages delivered in one transaction (1 = one transaction per message); when
   *     any message of a group fails, the group is rolled back and its messages are delivered one
   *     by one, so a failure never affects the others; consecutive messages of a {@link
   *     BatchMessageHandler} in a group reach it in one call
   * @param retention how long a delivered (DONE) message is kept before {@link OutboxPurge} deletes
   *     it; {@code 0s} keeps every message forever
   * @param purgeInterval time between two purges while the outbox workers run
   * @param remoteParallelism deliveries of {@link MessageHandler#remote()} messages a dispatcher runs
   *     side by side, at least 1 (1: one after another on the claiming thread). A remote call that
   *     waits (a retry's back-off, a slow or banned channel) then holds up only its own message,
   *     not the rest of the claimed batch; messages of one aggregate are never claimed together, so
   *     their order holds
   */
  record Outbox(
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("1s") Duration backoffBase,
      @DefaultValue("5m") Duration backoffCap,
      @DefaultValue("0.2") double jitter,
      @DefaultValue("100") int batchSize,
      @DefaultValue("2m") Duration inFlightTimeout,
      @DefaultValue("20") int groupSize,
      @DefaultValue("7d") Duration retention,
      @DefaultValue("10m") Duration purgeInterval,
      @DefaultValue("8") int remoteParallelism) {

    Outbox {
      if (groupSize < 1) {
        throw new IllegalArgumentException("bridge.sync.outbox.groupSize must be at least 1, got " + groupSize);
      }
      if (remoteParallelism < 1) {
        throw new IllegalArgumentException("bridge.sync.outbox.remoteParallelism must be at least 1, got " + remoteParallelism);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("bridge.sync.outbox.batchSize must be at least 1, got " + batchSize);
      }
      if (retention.isNegative()) {
        throw new IllegalArgumentException("bridge.sync.outbox.retention must be at least 0s, got " + retention);
      }
      if (purgeInterval.isNegative() || purgeInterval.isZero()) {
        throw new IllegalArgumentException("bridge.sync.outbox.purge-interval must be positive, got " + purgeInterval);
      }
      if (inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
        throw new IllegalArgumentException("bridge.sync.outbox.inFlightTimeout must be positive, got " + inFlightTimeout);
      }
    }

    static Outbox defaults() {
      return new Outbox(8, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, 100, Duration.ofMinutes(2), 20, Duration.ofDays(7),
          Duration.ofMinutes(10), 8);
    }
  }
}
