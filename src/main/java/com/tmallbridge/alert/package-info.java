/**
 * Alerts: conditions read from the other modules' façades (a shop needing re-authorisation, open
 * exceptions above a threshold, sync lag, oversell, a failed backup), evaluated on a schedule by
 * {@code serve} and {@code sync}; each alert is raised once when its condition starts, repeated at
 * most every cooldown while it lasts and resolved when it clears, its state kept in table
 * {@code alert}. Messages go out through the {@link com.tmallbridge.alert.AlertChannel}s configured
 * under {@code bridge.alerts.*} (DingTalk and WeCom group robots, e-mail), retried with backoff on a
 * thread of their own so that no scheduler waits for a webhook. New conditions plug in as
 * {@link com.tmallbridge.alert.AlertCondition} beans.
 */
@NullMarked
package com.tmallbridge.alert;

import org.jspecify.annotations.NullMarked;
