package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The replenishment arithmetic for one material in one warehouse; pure and thread-safe.
 *
 * <p>Every quantity is kept as an exact fraction over the window length {@code W} (the
 * numerators are {@link BigInteger}s, so nothing overflows and nothing is rounded before a
 * decision). With {@code D} units delivered in the window, {@code L} lead days, {@code C}
 * coverage days and a safety stock of {@code S} ({@code D × safetyDays ÷ W}, or the safety
 * quantity):
 *
 * <ul>
 *   <li>average daily sales = {@code D ÷ W};
 *   <li>reorder point {@code R = D × L ÷ W + S};
 *   <li>reorder when {@code onHand + incoming ≤ R} (incoming is 0 for now);
 *   <li>order {@code ⌈D × (L + C) ÷ W + S − (onHand + incoming)⌉}, rounded up to whole packs and
 *       raised to the minimum order quantity (itself rounded up to whole packs);
 *   <li>days of cover = {@code onHand × W ÷ D}, infinite when {@code D = 0};
 *   <li>low stock when {@code onHand < threshold} (the absolute threshold, else {@code R}).
 * </ul>
 *
 * A material with no sales in the window and nothing on hand is dead stock: it is never
 * suggested and raises no alert unless an absolute threshold is set for it.
 */
final class ReplenishmentCalculator {
  private ReplenishmentCalculator() {}

  /**
   * Computes the figures.
   *
   * @param delivered units delivered in the window; a negative figure (more reversals than
   *     deliveries) counts as 0
   */
  static ReplenishmentSuggestion suggest(MaterialCode material, String warehouse, ReplenishmentSettings settings,
      long onHand, long delivered) {
    long incoming = 0;
    long sold = Math.max(0, delivered);
    BigInteger w = BigInteger.valueOf(settings.windowDays());
    BigInteger d = BigInteger.valueOf(sold);
    BigInteger safety = settings.safetyQuantity() != null
        ? BigInteger.valueOf(settings.safetyQuantity()).multiply(w)
        : d.multiply(BigInteger.valueOf(settings.safetyDays()));
    BigInteger reorderPoint = d.multiply(BigInteger.valueOf(settings.leadDays())).add(safety);
    BigInteger position = BigInteger.valueOf(onHand + incoming).multiply(w);
    BigInteger threshold = settings.lowStockThreshold() == null
        ? reorderPoint : BigInteger.valueOf(settings.lowStockThreshold()).multiply(w);
    boolean dead = sold == 0 && onHand <= 0;
    boolean reorder = !dead && position.compareTo(reorderPoint) <= 0;
    long quantity = 0;
    if (reorder) {
      BigInteger target = d.multiply(BigInteger.valueOf((long) settings.leadDays() + settings.coverageDays())).add(safety);
      quantity = orderQuantity(ceilDiv(target.subtract(position), w), settings);
    }
    boolean low = BigInteger.valueOf(onHand).multiply(w).compareTo(threshold) < 0
        && (!dead || settings.lowStockThreshold() != null);
    ReplenishmentStatus status = dead ? ReplenishmentStatus.DEAD : quantity > 0 ? ReplenishmentStatus.REORDER : ReplenishmentStatus.OK;
    return new ReplenishmentSuggestion(material, warehouse, onHand, incoming, sold, settings,
        decimal(d, w, 2, RoundingMode.HALF_UP), decimal(reorderPoint, w, 2, RoundingMode.DOWN),
        decimal(threshold, w, 2, RoundingMode.UP), daysOfCover(onHand, sold, settings.windowDays()), quantity, status, low);
  }

  /** {@code raw} rounded up to whole packs and raised to the minimum order; 0 when {@code raw ≤ 0}. */
  static long orderQuantity(BigInteger raw, ReplenishmentSettings settings) {
    if (raw.signum() <= 0) {
      return 0;
    }
    BigInteger pack = BigInteger.valueOf(settings.packSize());
    BigInteger packs = ceilDiv(raw, pack).max(ceilDiv(BigInteger.valueOf(settings.minOrderQuantity()), pack));
    return packs.multiply(pack).longValueExact();
  }

  /** Days the stock on hand lasts at the window's average; null when nothing sold (infinite). */
  static @Nullable BigDecimal daysOfCover(long onHand, long sold, int windowDays) {
    if (sold == 0) {
      return null;
    }
    if (onHand <= 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return decimal(BigInteger.valueOf(onHand).multiply(BigInteger.valueOf(windowDays)), BigInteger.valueOf(sold), 1, RoundingMode.DOWN);
  }

  private static BigInteger ceilDiv(BigInteger numerator, BigInteger denominator) {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  private static BigDecimal decimal(BigInteger numerator, BigInteger denominator, int scale, RoundingMode rounding) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, rounding);
  }
}
