package com.tmallbridge.sync;

import java.util.UUID;

/**
 * Published (as a Spring application event, inside the transaction that blocks the message) when
 * a message becomes BLOCKED, so the owning flow can raise an exception for operators.
 */
public record MessageBlocked(
    UUID messageId, String aggregateType, String aggregateId, String messageType, String reasonCode, String lastError, int attempts) {}
