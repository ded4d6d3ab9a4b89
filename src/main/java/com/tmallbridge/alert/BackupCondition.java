package com.tmallbridge.alert;

import com.tmallbridge.store.BackupRuns;
import java.time.Instant;
import java.util.List;

/** The latest {@code bridge backup} failed (as the store module recorded it); a later successful backup clears it. */
final class BackupCondition implements AlertCondition {
  private final BackupRuns backups;

  BackupCondition(BackupRuns backups) {
    this.backups = backups;
  }

  @Override
  public AlertKind kind() {
    return AlertKind.BACKUP_FAILED;
  }

  @Override
  public List<Finding> findings(Instant now) {
    return backups.latest().filter(run -> !run.succeeded())
        .map(run -> new Finding(kind(), "backup", null, "the backup to " + run.target() + " at " + run.finishedAt() + " failed: "
            + run.detail()))
        .stream().toList();
  }
}
