package com.tmallbridge.sync;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Dispatcher} on table {@code sync_outbox}. Each call claims due messages in batches
 * (oldest due first, never one whose aggregate has an older unfinished message), then delivers each
 * claimed message in a transaction of its own that runs the handler and marks the message DONE
 * (several in one when {@code bridge.sync.outbox.groupSize} allows, handed to a {@link
 * BatchMessageHandler} together) —
 * or, for a {@link MessageHandler#remote()} handler, runs the handler outside any transaction and
 * then marks the message DONE in a short transaction. Remote messages of a claimed batch are
 * delivered side by side, up to {@code bridge.sync.outbox.remoteParallelism} at once per
 * dispatcher, so that one call waiting out a retry's back-off or a ban does not hold up the others
 * (a batch never holds two messages of one aggregate, so per-aggregate order is kept); the claiming
 * thread meanwhile delivers the local ones, and the call returns when all are done (an urgent
 * lane's flush delivers its remote messages itself, so they never queue behind write-backs).
 * A failure is recorded in a new transaction (see {@link FailureRecorder}). Thread-safe; any number
 * of instances on any number of nodes may share one database.
 *
 * <p>Beyond {@link Dispatcher}, operators and the running bridge use {@link #recoverAfterRestart},
 * {@link #recoverStale} and {@link #stats}. Timers: see {@link OutboxMeters}.
 */
public final class OutboxDispatcher implements Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final int MAX_LOST_CLAIM_ROUNDS = 3;
  /**
   * Without {@code SKIP LOCKED}, dispatchers that claim at the same moment pick the same oldest
   * rows, and all but one of them wait for its commit only to find the rows taken. Within one JVM
   * such claims therefore take turns (a claim is a few milliseconds); across processes the version
   * check still keeps them apart.
   */
  private static final Lock LOCAL_CLAIM_TURN = new ReentrantLock();

  private final OutboxRepository repository;
  private final MessageHandlers handlers;
  private final FailureRecorder failures;
  private final TransactionTemplate transaction;
  private final SyncProperties.Outbox settings;
  private final Clock clock;
  private final String owner;
  private final DeliveryCounters counters = new DeliveryCounters();
  private final InFlightRecovery recovery;
  private final OutboxMeters meters;
  /** Threads that deliver remote messages side by side; null when {@code remoteParallelism} is 1. */
  private final @Nullable ThreadPoolExecutor remoteLane;

  /** @param transaction must start a new transaction (REQUIRES_NEW) */
  OutboxDispatcher(
      OutboxRepository repository, MessageHandlers handlers, FailureRecorder failures, TransactionTemplate transaction,
      SyncProperties properties, Clock clock, OutboxMeters meters) {
    this.meters = meters;
    this.repository = repository;
    this.handlers = handlers;
    this.failures = failures;
    this.transaction = transaction;
    this.settings = properties.outbox();
    this.clock = clock;
    this.owner = Texts.abbreviate(PROCESS, 90) + "#" + INSTANCES.incrementAndGet();
    this.recovery = new InFlightRecovery(repository, failures, counters, properties, clock, owner);
    this.remoteLane = settings.remoteParallelism() > 1 ? remoteLane(settings.remoteParallelism()) : null;
  }

  /** Daemon threads, started when needed and ended after 30 s without work. */
  private static ThreadPoolExecutor remoteLane(int threads) {
    int pool = INSTANCES.get();
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "outbox-remote-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first call first runs {@link #recoverAfterRestart} when {@code
   * bridge.sync.recoverInFlightOnStart} is set; every call first runs {@link #recoverStale} when a
   * quarter of the in-flight timeout (at most 30 s) has passed since the last check.
   */
  @Override
  public FlushResult flush(int maxMessages) {
    return flush(maxMessages, false);
  }

  @Override
  public FlushResult flushUrgent(int maxMessages) {
    return flush(maxMessages, true);
  }

  private FlushResult flush(int maxMessages, boolean urgentOnly) {
    recovery.beforeFlush();
    int[] outcomes = new int[DeliveryOutcome.values().length];
    int tried = 0;
    int lostRounds = 0;
    while (tried < maxMessages) {
      Claim claim = claim(Math.min(settings.batchSize(), maxMessages - tried), urgentOnly);
      if (claim.claimed().isEmpty()) {
        if (claim.candidates() == 0 || ++lostRounds > MAX_LOST_CLAIM_ROUNDS) {
          break;
        }
        continue;
      }
      tried += deliver(claim, outcomes, urgentOnly);
    }
    return new FlushResult(
        outcomes[DeliveryOutcome.DELIVERED.ordinal()], outcomes[DeliveryOutcome.FAILED.ordinal()], outcomes[DeliveryOutcome.BLOCKED.ordinal()]);
  }

  @Override
  public boolean hasUnfinished() {
    return repository.hasUnfinished();
  }

  /**
   * Makes every message left IN_FLIGHT by other dispatchers due again, counting the interrupted
   * delivery as a failed attempt (error code {@code SYNC-004}). Only safe when no other dispatcher
   * is running: on a single node at startup.
   *
   * @return how many messages were made due again or blocked
   */
  public int recoverAfterRestart() {
    return recovery.afterRestart();
  }

  /**
   * Makes messages IN_FLIGHT for longer than {@code bridge.sync.outbox.inFlightTimeout} FAILED and
   * due now, counting an attempt (error code {@code SYNC-003}). Safe with other dispatchers
   * running: a dispatcher that still completes such a message afterwards finds its claim lost and
   * rolls its work back.
   *
   * @return how many messages were made due again or blocked
   */
  public int recoverStale() {
    return recovery.stale();
  }

  /** Counts since this dispatcher was created. */
  public DispatcherStats stats() {
    return counters.snapshot();
  }

  /** The name this dispatcher writes into {@code claimed_by}: JVM name, a random process tag and an instance number. */
  public String owner() {
    return owner;
  }

  private Claim claim(int limit, boolean urgentOnly) {
    long started = System.nanoTime();
    Claim claim;
    if (repository.dialect().claimLockClause().isEmpty()) {
      LOCAL_CLAIM_TURN.lock();
      try {
        claim = claimNow(limit, urgentOnly);
      } finally {
        LOCAL_CLAIM_TURN.unlock();
      }
    } else {
      claim = claimNow(limit, urgentOnly);
    }
    meters.claimed(System.nanoTime() - started);
    for (ClaimedMessage m : claim.claimed()) {
      meters.waited(m.message(), claim.at());
    }
    return claim;
  }

  private Claim claimNow(int limit, boolean urgentOnly) {
    Instant now = clock.instant();
    Claim claim = transaction.execute(status -> {
      List<ClaimedMessage> due = repository.due(now, limit, urgentOnly);
      return new Claim(due.size(), repository.claim(due, owner, now), now);
    });
    return claim == null ? new Claim(0, List.of(), now) : claim;
  }

  /**
   * Delivers a claimed batch: its remote messages handed to the remote lane (when there is one),
   * its other messages in order on this thread, in groups of {@code groupSize} messages that share
   * one transaction (fewer commits); then waits for the remote ones. When deliveries are so slow
   * that the batch's claim would soon expire, the messages not yet started are released (due
   * again, no attempt counted) rather than delivered under a claim that other dispatchers may
   * already treat as dead. An urgent lane delivers its remote messages itself, one after another:
   * in the shared remote lane they could queue behind write-backs the ordinary lanes handed over.
   *
   * @return how many messages were tried
   */
  private int deliver(Claim claim, int[] outcomes, boolean urgentOnly) {
    List<ClaimedMessage> batch = claim.claimed();
    Instant releaseAfter = claim.at().plus(settings.inFlightTimeout().dividedBy(2));
    List<ClaimedMessage> local = new ArrayList<>(batch.size());
    List<Future<DeliveryOutcome>> remote = new ArrayList<>();
    for (ClaimedMessage m : batch) {
      if (remoteLane != null && !urgentOnly && handlers.forType(m.message().messageType()).map(MessageHandler::remote).orElse(false)) {
        remote.add(remoteLane.submit(() -> clock.instant().isAfter(releaseAfter) ? releaseOne(m) : deliver(m)));
      } else {
        local.add(m);
      }
    }
    int released = 0;
    for (int i = 0; i < local.size(); i += settings.groupSize()) {
      if (i > 0 && clock.instant().isAfter(releaseAfter)) {
        released += release(local.subList(i, local.size()));
        break;
      }
      List<ClaimedMessage> group = local.subList(i, Math.min(local.size(), i + settings.groupSize()));
      if (group.size() > 1 && deliverGroup(group)) {
        group.forEach(m -> count(DeliveryOutcome.DELIVERED, outcomes));
        continue;
      }
      group.forEach(m -> count(deliver(m), outcomes));
    }
    for (int i = 0; i < remote.size(); i++) {
      DeliveryOutcome outcome = await(remote, i);
      if (outcome == null) {
        released++;
      } else {
        count(outcome, outcomes);
      }
    }
    return batch.size() - released;
  }

  /** Releases claimed messages not started; returns how many. */
  private int release(List<ClaimedMessage> rest) {
    int released = repository.release(rest);
    log.info("released {} claimed outbox message(s): deliveries are slower than half the in-flight timeout", released);
    return rest.size();
  }

  /** Releases one claimed message on the remote lane; null stands for "released, not tried". */
  private @Nullable DeliveryOutcome releaseOne(ClaimedMessage m) {
    release(List.of(m));
    return null;
  }

  /**
   * The outcome of the {@code i}-th remote delivery (null: released). Interrupted, this thread
   * cancels the remote deliveries not yet done (they stay IN_FLIGHT until their claim expires, as
   * a delivery interrupted on this thread would) and keeps its interrupt flag.
   */
  private @Nullable DeliveryOutcome await(List<Future<DeliveryOutcome>> remote, int i) {
    if (Thread.currentThread().isInterrupted()) {
      remote.get(i).cancel(true);
      return DeliveryOutcome.NOT_RECORDED;
    }
    try {
      return remote.get(i).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      remote.subList(i, remote.size()).forEach(f -> f.cancel(true));
      return DeliveryOutcome.NOT_RECORDED;
    } catch (CancellationException e) {
      return DeliveryOutcome.NOT_RECORDED;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("remote delivery failed outside its handler", e.getCause());
    }
  }

  private void count(DeliveryOutcome outcome, int[] outcomes) {
    counters.count(outcome);
    outcomes[outcome.ordinal()]++;
  }

  /**
   * Delivers a group in one transaction, in claim order; a run of consecutive messages whose
   * handler is a {@link BatchMessageHandler} goes to it in one {@link BatchMessageHandler#handleAll}
   * call, and the group is marked DONE with one batch of updates. Any failure rolls the whole group
   * back and returns false; the caller then delivers each message alone (handlers are idempotent,
   * so work a rolled-back group did outside the database is repeated harmlessly).
   */
  private boolean deliverGroup(List<ClaimedMessage> group) {
    List<MessageHandler> resolved = new ArrayList<>(group.size());
    for (ClaimedMessage claimed : group) {
      Optional<MessageHandler> handler = handlers.forType(claimed.message().messageType());
      if (handler.isEmpty() || !handler.get().groupable() || handler.get().remote()) {
        return false;
      }
      resolved.add(handler.get());
    }
    long started = System.nanoTime();
    try {
      transaction.executeWithoutResult(status -> {
        handleInRuns(group, resolved);
        if (!repository.completeAll(group, clock.instant())) {
          throw new ClaimLostException();
        }
      });
      long share = (System.nanoTime() - started) / group.size();
      for (ClaimedMessage m : group) {
        meters.delivered(m.message(), share);
      }
      return true;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      log.debug("a group of {} outbox messages failed ({}); delivering them one by one", group.size(), e.toString());
      return false;
    }
  }

  /** Hands a group to its handlers in claim order, each run of one batch handler's messages in one call. */
  private static void handleInRuns(List<ClaimedMessage> group, List<MessageHandler> resolved) {
    int k = 0;
    while (k < group.size()) {
      MessageHandler handler = resolved.get(k);
      int end = k + 1;
      while (end < group.size() && resolved.get(end) == handler) {
        end++;
      }
      if (handler instanceof BatchMessageHandler batch && end - k > 1) {
        List<OutboxMessage> run = new ArrayList<>(end - k);
        group.subList(k, end).forEach(m -> run.add(m.message()));
        batch.handleAll(run);
      } else {
        group.subList(k, end).forEach(m -> handler.handle(m.message()));
      }
      k = end;
    }
  }

  private DeliveryOutcome deliver(ClaimedMessage claimed) {
    Optional<MessageHandler> handler = handlers.forType(claimed.message().messageType());
    if (handler.isEmpty()) {
      return failures.record(claimed, Failure.noHandler(claimed.message().messageType()));
    }
    long started = System.nanoTime();
    try {
      if (handler.get().remote()) {
        handler.get().handle(claimed.message());
        transaction.executeWithoutResult(status -> complete(claimed));
      } else {
        transaction.executeWithoutResult(status -> {
          handler.get().handle(claimed.message());
          complete(claimed);
        });
      }
      meters.delivered(claimed.message(), System.nanoTime() - started);
      return DeliveryOutcome.DELIVERED;
    } catch (ClaimLostException e) {
      log.info("outbox message {} changed during its delivery (claim expired or retried); the delivery was rolled back",
          claimed.message().id());
      return DeliveryOutcome.NOT_RECORDED;
    } catch (DeliveryException e) {
      return failures.record(claimed, Failure.of(e));
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // Programming errors of one handler on one message; errors of the JVM itself end the flush.
      return failures.record(claimed, Failure.unexpected(e));
    }
  }

  /** Marks the message DONE in the current transaction; a claim found gone aborts it. */
  private void complete(ClaimedMessage claimed) {
    if (!repository.complete(claimed, clock.instant())) {
      throw new ClaimLostException();
    }
  }

  private record Claim(int candidates, List<ClaimedMessage> claimed, Instant at) {}

  /** Thrown inside a delivery transaction to roll it back when the DONE update finds the claim gone. */
  private static final class ClaimLostException extends RuntimeException {
    ClaimLostException() {
      super(null, null, false, false);
    }
  }
}
