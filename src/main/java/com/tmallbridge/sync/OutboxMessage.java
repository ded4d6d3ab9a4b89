package com.tmallbridge.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A message handed to a {@link MessageHandler}.
 *
 * @param id message id
 * @param aggregateType e.g. {@code trade}
 * @param aggregateId e.g. {@code 1:3028689418086124}
 * @param messageType handler key
 * @param payload JSON text
 * @param idempotencyKey key of the side effect
 * @param attempts deliveries tried before this one
 * @param createdAt when it was enqueued
 */
public record OutboxMessage(
    UUID id,
    String aggregateType,
    String aggregateId,
    String messageType,
    String payload,
    String idempotencyKey,
    int attempts,
    Instant createdAt) {}
