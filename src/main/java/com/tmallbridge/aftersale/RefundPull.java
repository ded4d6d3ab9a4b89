package com.tmallbridge.aftersale;

import org.jspecify.annotations.Nullable;

/**
 * What one refund pull of one shop did.
 *
 * @param shopCode the shop
 * @param seen refunds listed by the channel (repeats included)
 * @param applied snapshots stored because new or newer
 * @param unreadable refunds listed but not readable (logged with AFTERSALE-003)
 * @param error why the pull stopped early, null when it read up to now
 */
public record RefundPull(String shopCode, int seen, int applied, int unreadable, @Nullable String error) {}
