package com.tmallbridge.sync;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An outbox message as operators see it. */
public record OutboxEntry(
    UUID id,
    String aggregateType,
    String aggregateId,
    String messageType,
    OutboxStatus status,
    int attempts,
    @Nullable Instant nextAttemptAt,
    @Nullable String lastErrorCode,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant completedAt) {}
