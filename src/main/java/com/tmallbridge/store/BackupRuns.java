package com.tmallbridge.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The record of backup runs (table {@code store_backup_run}): {@code bridge backup} records how each
 * run ended, the alert for failed backups reads the latest. Each call is its own statement (no
 * transaction needed).
 */
@Service
public class BackupRuns {
  private static final int TEXT_LIMIT = 1000;
  private static final String INSERT = """
      insert into store_backup_run (started_at, finished_at, succeeded, target, detail)
      values (:started, :finished, :succeeded, :target, :detail)""";
  private static final String LATEST = """
      select started_at, finished_at, succeeded, target, detail from store_backup_run
      order by finished_at desc, id desc limit 1""";

  private final JdbcClient jdbc;

  BackupRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records one run; texts longer than 1000 characters are cut. */
  public void record(BackupRun run) {
    jdbc.sql(INSERT).param("started", utc(run.startedAt())).param("finished", utc(run.finishedAt()))
        .param("succeeded", run.succeeded()).param("target", cut(run.target())).param("detail", run.detail() == null ? null : cut(run.detail()))
        .update();
  }

  /** The run that ended last, empty when no backup was ever run on this database. */
  public Optional<BackupRun> latest() {
    return jdbc.sql(LATEST).query((rs, n) -> new BackupRun(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        rs.getObject("finished_at", OffsetDateTime.class).toInstant(), rs.getBoolean("succeeded"), rs.getString("target"),
        rs.getString("detail"))).optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String cut(@Nullable String text) {
    String t = text == null ? "" : text.replace('\n', ' ');
    return t.length() <= TEXT_LIMIT ? t : t.substring(0, TEXT_LIMIT);
  }
}
