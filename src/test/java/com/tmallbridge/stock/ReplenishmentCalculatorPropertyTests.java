package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random settings and stock against an independent oracle: decimals with 50 significant digits
 * (each figure is one division of exact integers: a terminating result is exact, and a
 * non-terminating one never sits on a rounding boundary) and a
 * brute-force search for the smallest sufficient number of packs. The seed is printed; rerun one
 * with {@code -Dreplenishment.seed=N}.
 */
class ReplenishmentCalculatorPropertyTests {
  private static final MathContext EXACT_ENOUGH = new MathContext(50);
  private static final MaterialCode M = new MaterialCode("P1");

  @Test
  void suggestionsAgreeWithTheOracle() {
    long seed = Long.getLong("replenishment.seed", System.nanoTime());
    System.out.println("ReplenishmentCalculatorPropertyTests seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      ReplenishmentSettings s = randomSettings(random);
      long delivered = random.nextInt(10) == 0 ? 0 : random.nextInt(5000);
      long onHand = random.nextInt(10) == 0 ? -random.nextInt(50) : random.nextInt(3000);
      ReplenishmentSuggestion out = ReplenishmentCalculator.suggest(M, "W", s, onHand, delivered);
      check(s, onHand, delivered, out, "seed " + seed + " case " + i + " " + s + " onHand=" + onHand + " delivered=" + delivered);
    }
  }

  private static ReplenishmentSettings randomSettings(Random r) {
    boolean days = r.nextBoolean();
    return new ReplenishmentSettings(1 + r.nextInt(90), r.nextInt(60), days ? r.nextInt(30) : null, days ? null : (long) r.nextInt(200),
        r.nextInt(60), r.nextInt(4) == 0 ? 0 : r.nextInt(300), 1 + r.nextInt(r.nextBoolean() ? 1 : 48),
        r.nextInt(3) == 0 ? (long) r.nextInt(500) : null);
  }

  private static void check(ReplenishmentSettings s, long onHand, long delivered, ReplenishmentSuggestion out, String why) {
    // each figure is one division of exact integers, so terminating results are exact
    BigDecimal w = BigDecimal.valueOf(s.windowDays());
    BigDecimal d = BigDecimal.valueOf(delivered);
    BigDecimal safetyTimesW = s.safetyQuantity() != null ? BigDecimal.valueOf(s.safetyQuantity()).multiply(w) : d.multiply(BigDecimal.valueOf(s.safetyDays()));
    BigDecimal avg = d.divide(w, EXACT_ENOUGH);
    BigDecimal reorderPoint = d.multiply(BigDecimal.valueOf(s.leadDays())).add(safetyTimesW).divide(w, EXACT_ENOUGH);
    BigDecimal target = d.multiply(BigDecimal.valueOf((long) s.leadDays() + s.coverageDays())).add(safetyTimesW).divide(w, EXACT_ENOUGH);
    BigDecimal threshold = s.lowStockThreshold() != null ? BigDecimal.valueOf(s.lowStockThreshold()) : reorderPoint;
    boolean dead = delivered == 0 && onHand <= 0;

    assertThat(out.status() == ReplenishmentStatus.DEAD).as(why).isEqualTo(dead);
    assertThat(out.averageDailySales()).as(why).isEqualByComparingTo(avg.setScale(2, RoundingMode.HALF_UP));
    assertThat(out.reorderPoint()).as(why).isEqualByComparingTo(reorderPoint.setScale(2, RoundingMode.DOWN));
    assertThat(out.threshold()).as(why).isEqualByComparingTo(threshold.setScale(2, RoundingMode.UP));
    boolean below = BigDecimal.valueOf(onHand).compareTo(threshold) < 0;
    assertThat(out.lowStock()).as(why).isEqualTo(below && (!dead || s.lowStockThreshold() != null));
    assertThat(out.lowStock()).as("display agrees: " + why)
        .isEqualTo(BigDecimal.valueOf(onHand).compareTo(out.threshold()) < 0 && (!dead || s.lowStockThreshold() != null));

    long expected = 0;
    if (!dead && BigDecimal.valueOf(onHand).compareTo(reorderPoint) <= 0 && BigDecimal.valueOf(onHand).compareTo(target) < 0) {
      long minPacks = (s.minOrderQuantity() + s.packSize() - 1) / s.packSize();
      long packs = Math.max(minPacks, target.subtract(BigDecimal.valueOf(onHand)).longValue() / s.packSize() - 1);
      while (!enough(onHand, packs, s.packSize(), target)) {
        packs++;
      }
      assertThat(packs == minPacks || !enough(onHand, packs - 1, s.packSize(), target)).as("smallest: " + why).isTrue();
      expected = packs * s.packSize();
    }
    assertThat(out.suggestedQuantity()).as(why).isEqualTo(expected);
    assertThat(out.suggestedQuantity() % s.packSize()).as(why).isZero();
    assertThat(out.status() == ReplenishmentStatus.REORDER).as(why).isEqualTo(expected > 0);
    if (expected > 0) {
      assertThat(out.suggestedQuantity()).as(why).isGreaterThanOrEqualTo(s.minOrderQuantity());
      assertThat(BigDecimal.valueOf(onHand).compareTo(out.reorderPoint()) <= 0).as("display agrees: " + why).isTrue();
    }

    if (delivered == 0) {
      assertThat(out.daysOfCover()).as(why).isNull();
    } else {
      BigDecimal cover = onHand <= 0 ? BigDecimal.ZERO : BigDecimal.valueOf(onHand).multiply(w).divide(d, EXACT_ENOUGH);
      assertThat(out.daysOfCover()).as(why).isEqualByComparingTo(cover.setScale(1, RoundingMode.DOWN));
    }
  }

  private static boolean enough(long onHand, long packs, long packSize, BigDecimal target) {
    return BigDecimal.valueOf(onHand + packs * packSize).compareTo(target) >= 0;
  }
}
