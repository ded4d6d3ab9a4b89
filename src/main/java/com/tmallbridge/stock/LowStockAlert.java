package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A low-stock alert: opened when on-hand fell below the threshold, closed when it recovered.
 * At most one alert per material and warehouse is open at a time.
 *
 * @param id the alert's id
 * @param status {@code OPEN} or {@code CLOSED}
 * @param onHandAtOpen on-hand when the alert opened
 * @param threshold the threshold it fell below (2 decimals, rounded up)
 * @param daysOfCover days of cover when it opened; null means infinite (no sales)
 * @param suggestedQuantity the order suggested when it opened (0 when none)
 * @param lastOnHand on-hand at the latest pass that saw the alert
 * @param lastCheckedAt time of that pass
 * @param closedAt when stock recovered, null while open
 */
public record LowStockAlert(
    long id,
    MaterialCode material,
    String warehouse,
    String status,
    Instant openedAt,
    long onHandAtOpen,
    BigDecimal threshold,
    @Nullable BigDecimal daysOfCover,
    long suggestedQuantity,
    long lastOnHand,
    Instant lastCheckedAt,
    @Nullable Instant closedAt) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
}
