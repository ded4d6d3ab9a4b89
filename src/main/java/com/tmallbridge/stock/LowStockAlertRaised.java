package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published (as a Spring application event, inside the transaction that stores the alert) once
 * when a low-stock alert opens, so that alerting can notify people (webhooks, e-mail). Not
 * published again while the alert stays open.
 *
 * @param daysOfCover null means infinite (no sales in the window)
 */
public record LowStockAlertRaised(
    long alertId,
    MaterialCode material,
    String warehouse,
    long onHand,
    BigDecimal threshold,
    @Nullable BigDecimal daysOfCover,
    long suggestedQuantity,
    Instant openedAt) {}
