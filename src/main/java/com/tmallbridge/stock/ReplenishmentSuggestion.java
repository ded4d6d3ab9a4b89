package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The replenishment figures of one material in one warehouse. Decisions are taken on exact
 * fractions; the decimals here are for people and round as stated on each field.
 *
 * @param material the ERP material
 * @param warehouse the ERP warehouse code
 * @param onHand units on hand now (may be negative when shipments were booked before receipts)
 * @param incoming units already ordered and not yet received; always 0 until purchase orders
 *     are read from the ERP
 * @param delivered units delivered in the sales window (never negative)
 * @param settings the settings used
 * @param averageDailySales {@code delivered ÷ windowDays}, 2 decimals, half-up
 * @param reorderPoint {@code averageDailySales × leadDays + safety}, 2 decimals, rounded down (so
 *     {@code onHand + incoming ≤ reorderPoint} reads the same as the exact comparison)
 * @param threshold the low-stock threshold (the absolute setting, or the reorder point), 2
 *     decimals, rounded up (so {@code onHand < threshold} reads the same as the exact comparison)
 * @param daysOfCover {@code onHand ÷ averageDailySales}, 1 decimal, rounded down; 0 when nothing is
 *     on hand; null means infinite (no sales in the window)
 * @param suggestedQuantity units to order now (0 when none): a multiple of the pack size and at
 *     least the minimum order quantity
 * @param status whether to reorder, or the material is dead stock
 * @param lowStock whether on-hand is below the threshold (what opens an alert)
 */
public record ReplenishmentSuggestion(
    MaterialCode material,
    String warehouse,
    long onHand,
    long incoming,
    long delivered,
    ReplenishmentSettings settings,
    BigDecimal averageDailySales,
    BigDecimal reorderPoint,
    BigDecimal threshold,
    @Nullable BigDecimal daysOfCover,
    long suggestedQuantity,
    ReplenishmentStatus status,
    boolean lowStock) {}
