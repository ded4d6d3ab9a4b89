package com.tmallbridge.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order exception as operators see it.
 *
 * @param id exception id (for {@code exceptions retry ID})
 * @param shopId shop
 * @param tid trade
 * @param reasonCode e.g. {@code UNMAPPED_SKU}
 * @param message readable explanation with the values involved
 * @param status OPEN, RETRYING or RESOLVED
 * @param retries how often an operator retried it
 * @param outboxMessage the blocked outbox message, for ERP failures
 * @param createdAt first raised
 * @param updatedAt last raised or retried
 */
public record ExceptionView(
    long id,
    long shopId,
    String tid,
    String reasonCode,
    String message,
    String status,
    int retries,
    @Nullable String outboxMessage,
    Instant createdAt,
    Instant updatedAt) {}
