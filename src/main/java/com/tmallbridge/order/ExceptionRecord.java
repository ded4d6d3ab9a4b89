package com.tmallbridge.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One exception of a trade, open or closed, for the trade's history.
 *
 * @param id exception id
 * @param reasonCode e.g. {@code UNMAPPED_SKU}
 * @param message readable explanation with the values involved
 * @param status OPEN, RETRYING, RESOLVED or IGNORED
 * @param retries how often an operator retried it
 * @param createdAt first raised
 * @param resolvedAt when it was resolved or ignored, null while open
 * @param closedBy who ignored it, null unless IGNORED
 * @param closeNote the note given when ignoring it, null unless IGNORED
 */
public record ExceptionRecord(
    long id,
    String reasonCode,
    String message,
    String status,
    int retries,
    Instant createdAt,
    @Nullable Instant resolvedAt,
    @Nullable String closedBy,
    @Nullable String closeNote) {}
