package com.tmallbridge.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one {@code bridge backup} ended.
 *
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param succeeded whether the backup file was written whole
 * @param target the backup file it wrote or tried to write
 * @param detail why it failed (one line); null when it succeeded
 */
public record BackupRun(Instant startedAt, Instant finishedAt, boolean succeeded, String target, @Nullable String detail) {}
