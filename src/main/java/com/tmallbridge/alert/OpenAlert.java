package com.tmallbridge.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert whose condition still holds.
 *
 * @param id its row
 * @param kind what it is about
 * @param subject what it holds for, e.g. {@code TM01 tmall/trades}
 * @param shopId the shop concerned, null when none
 * @param message the latest finding's text
 * @param raisedAt when the condition started
 * @param lastSentAt when the last message about it was sent (the raise or a repeat)
 * @param sentCount how many messages were sent about it
 */
public record OpenAlert(long id, AlertKind kind, String subject, @Nullable Long shopId, String message, Instant raisedAt,
    Instant lastSentAt, int sentCount) {}
