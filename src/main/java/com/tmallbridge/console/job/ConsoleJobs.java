package com.tmallbridge.console.job;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.ShopId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs the console's long jobs in the background, at most one of a kind per shop at a time, and
 * keeps their progress for the screen. Each job runs as the user who started it (the audit log
 * names them): its start and its end are recorded as {@link AuditAction#JOB} entries. A job that
 * makes no progress for {@code bridge.console.job-stall} (default 5 minutes) ends as failed.
 *
 * <p>Jobs live in this process: a restart forgets them (the work they queued, e.g. stock pushes
 * in the outbox, goes on), and on a cluster the one-per-shop rule holds per node. Thread-safe.
 */
@Component
@ConditionalOnWebApplication
public class ConsoleJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleJobs.class);
  /** Pause between steps that moved nothing. */
  private static final long IDLE_STEP_MILLIS = 200;
  /** Jobs kept for the screen after they ended. */
  private static final int KEEP_ENDED = 50;

  private final AuditLog audit;
  private final ActorContext actors;
  private final Clock clock;
  private final Duration stall;
  private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "console-job");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

  ConsoleJobs(AuditLog audit, ActorContext actors, Clock clock, @Value("${bridge.console.job-stall:PT5M}") Duration stall) {
    this.audit = audit;
    this.actors = actors;
    this.clock = clock;
    this.stall = stall;
  }

  /**
   * Starts a job and returns at once.
   *
   * @param kind what it does, e.g. {@code stock-push}
   * @param shop the shop it works on
   * @param shopCode the shop's code, for the screen and the audit log
   * @param by who starts it; the work runs as this actor
   * @param work the work
   * @throws JobRefusedException when a job of this kind runs for the shop
   */
  public synchronized JobView start(String kind, ShopId shop, String shopCode, Actor by, JobWork work) {
    Optional<Job> running = jobs.values().stream().filter(j -> j.kind.equals(kind) && j.shop.equals(shop) && j.state == JobState.RUNNING)
        .findFirst();
    if (running.isPresent()) {
      throw new JobRefusedException("a " + kind + " job for shop " + shopCode + " is running (job " + running.get().id + ")",
          running.get().id);
    }
    Job job = new Job(ids.incrementAndGet(), kind, shop, shopCode, by, clock.instant(), work);
    jobs.put(job.id, job);
    audit.record(by, new AuditEvent(AuditAction.JOB, job.target(), "STARTED", null, "job " + job.id));
    executor.execute(() -> begin(job));
    forgetOldJobs();
    return job.view();
  }

  /** The job with this id, if this process knows it. */
  public Optional<JobView> find(long id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::view);
  }

  /** Jobs of the given shops (null: all), newest first. */
  public List<JobView> list(@Nullable Collection<ShopId> shops) {
    return jobs.values().stream().filter(j -> shops == null || shops.contains(j.shop)).map(Job::view)
        .sorted(Comparator.comparingLong(JobView::id).reversed()).toList();
  }

  private void begin(Job job) {
    try {
      long total = actors.as(job.by, job.work::begin);
      job.total = total;
      job.lastMove = clock.instant();
      if (total == 0) {
        end(job, JobState.DONE, "");
      } else {
        executor.execute(() -> step(job));
      }
    } catch (RuntimeException e) {
      fail(job, e);
    }
  }

  private void step(Job job) {
    try {
      JobWork.Step step = actors.as(job.by, job.work::step);
      Instant now = clock.instant();
      boolean moved = step.done() != job.done;
      job.done = Math.min(step.done(), job.total);
      job.note = step.note();
      if (moved) {
        job.lastMove = now;
      }
      if (step.finished()) {
        end(job, JobState.DONE, step.note());
      } else if (Duration.between(job.lastMove, now).compareTo(stall) > 0) {
        end(job, JobState.FAILED, "no progress for " + stall + " (" + job.done + " of " + job.total + " done)"
            + (step.note().isEmpty() ? "" : "; " + step.note()));
      } else {
        executor.schedule(() -> step(job), moved ? 0 : IDLE_STEP_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      fail(job, e);
    }
  }

  private void fail(Job job, RuntimeException e) {
    LOG.warn("console job {} ({} of shop {}) failed", job.id, job.kind, job.shopCode, e);
    end(job, JobState.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private void end(Job job, JobState state, String note) {
    job.note = note;
    job.endedAt = clock.instant();
    try {
      audit.record(job.by, new AuditEvent(AuditAction.JOB, job.target(), state.name(), null,
          "job " + job.id + ": " + job.done + " of " + job.total + (note.isEmpty() ? "" : "; " + note)));
    } finally {
      job.state = state;
    }
  }

  private void forgetOldJobs() {
    List<Job> ended = jobs.values().stream().filter(j -> j.state != JobState.RUNNING)
        .sorted(Comparator.comparingLong((Job j) -> j.id).reversed()).toList();
    ended.stream().skip(KEEP_ENDED).forEach(j -> jobs.remove(j.id));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** A job's live state; written by the job's thread only, read by the screen. */
  private static final class Job {
    final long id;
    final String kind;
    final ShopId shop;
    final String shopCode;
    final Actor by;
    final Instant startedAt;
    final JobWork work;
    volatile long done;
    volatile long total;
    volatile JobState state = JobState.RUNNING;
    volatile String note = "";
    volatile @Nullable Instant endedAt;
    volatile Instant lastMove;

    Job(long id, String kind, ShopId shop, String shopCode, Actor by, Instant startedAt, JobWork work) {
      this.id = id;
      this.kind = kind;
      this.shop = shop;
      this.shopCode = shopCode;
      this.by = by;
      this.startedAt = startedAt;
      this.work = work;
      this.lastMove = startedAt;
    }

    String target() {
      return "job:" + kind + ":" + shopCode;
    }

    JobView view() {
      return new JobView(id, kind, shop, shopCode, by.name(), startedAt, done, total, state, note, endedAt);
    }
  }
}
