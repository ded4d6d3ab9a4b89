package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The replenishment arithmetic on hand-computed examples (see docs/replenishment.md). */
class ReplenishmentCalculatorTests {
  private static final MaterialCode M = new MaterialCode("M1");

  private static ReplenishmentSettings settings(int window, int lead, Integer safetyDays, Long safetyQty, int coverage,
      long moq, long pack, Long threshold) {
    return new ReplenishmentSettings(window, lead, safetyDays, safetyQty, coverage, moq, pack, threshold);
  }

  private static ReplenishmentSuggestion suggest(ReplenishmentSettings s, long onHand, long delivered) {
    return ReplenishmentCalculator.suggest(M, "WH01", s, onHand, delivered);
  }

  @Test
  void ordersUpToLeadTimePlusCoveragePlusSafety() {
    // 140 sold in 28 days = 5/day; reorder point 5×7 + 5×3 = 50; order 5×21 + 15 − 40 = 80
    ReplenishmentSuggestion s = suggest(settings(28, 7, 3, null, 14, 1, 1, null), 40, 140);

    assertThat(s.averageDailySales()).isEqualByComparingTo("5.00");
    assertThat(s.reorderPoint()).isEqualByComparingTo("50.00");
    assertThat(s.threshold()).isEqualByComparingTo("50.00");
    assertThat(s.daysOfCover()).isEqualByComparingTo("8.0");
    assertThat(s.suggestedQuantity()).isEqualTo(80);
    assertThat(s.status()).isEqualTo(ReplenishmentStatus.REORDER);
    assertThat(s.lowStock()).isTrue();
    assertThat(s.incoming()).isZero();
  }

  @Test
  void roundsUpToPacksAndRaisesToTheMinimumOrder() {
    // 100 in 28 days; reorder point 25 + 10 = 35; need 75 + 10 − 30 = 55 → 5 packs of 12 = 60; minimum 100 → 9 packs = 108
    ReplenishmentSettings s = settings(28, 7, null, 10L, 14, 0, 12, null);
    assertThat(suggest(s, 30, 100).suggestedQuantity()).isEqualTo(60);
    assertThat(suggest(settings(28, 7, null, 10L, 14, 100, 12, null), 30, 100).suggestedQuantity()).isEqualTo(108);
    assertThat(suggest(s, 30, 100).averageDailySales()).isEqualByComparingTo("3.57");
    assertThat(suggest(s, 30, 100).daysOfCover()).isEqualByComparingTo("8.4");
  }

  @Test
  void decidesOnExactFractionsAndRoundsTheDisplayConservatively() {
    // 10 in 7 days: reorder point 30/7 = 4.2857…; need 80/7 − 2 = 9.43 → 10
    ReplenishmentSuggestion s = suggest(settings(7, 3, 0, null, 5, 1, 1, null), 2, 10);

    assertThat(s.averageDailySales()).isEqualByComparingTo("1.43");
    assertThat(s.reorderPoint()).isEqualByComparingTo("4.28");
    assertThat(s.threshold()).isEqualByComparingTo("4.29");
    assertThat(s.suggestedQuantity()).isEqualTo(10);
    assertThat(s.daysOfCover()).isEqualByComparingTo("1.4");
    assertThat(suggest(settings(7, 3, 0, null, 5, 1, 1, null), 4, 10).lowStock()).isTrue();
    assertThat(suggest(settings(7, 3, 0, null, 5, 1, 1, null), 5, 10).lowStock()).isFalse();
  }

  @Test
  void reordersAtTheReorderPointButAlertsOnlyBelowIt() {
    ReplenishmentSettings s = settings(28, 7, 3, null, 14, 1, 1, null);

    ReplenishmentSuggestion at = suggest(s, 50, 140);
    assertThat(at.status()).isEqualTo(ReplenishmentStatus.REORDER);
    assertThat(at.suggestedQuantity()).isEqualTo(70);
    assertThat(at.lowStock()).isFalse();

    ReplenishmentSuggestion above = suggest(s, 51, 140);
    assertThat(above.status()).isEqualTo(ReplenishmentStatus.OK);
    assertThat(above.suggestedQuantity()).isZero();
  }

  @Test
  void anAbsoluteThresholdReplacesTheReorderPointForAlerts() {
    ReplenishmentSuggestion s = suggest(settings(28, 7, 3, null, 14, 1, 1, 100L), 60, 140);

    assertThat(s.status()).isEqualTo(ReplenishmentStatus.OK);
    assertThat(s.lowStock()).isTrue();
    assertThat(s.threshold()).isEqualByComparingTo("100.00");
  }

  @Test
  void neverSoldAndEmptyIsDeadNotUrgent() {
    ReplenishmentSuggestion dead = suggest(settings(28, 7, null, 5L, 14, 10, 1, null), 0, 0);

    assertThat(dead.status()).isEqualTo(ReplenishmentStatus.DEAD);
    assertThat(dead.suggestedQuantity()).isZero();
    assertThat(dead.lowStock()).isFalse();
    assertThat(dead.daysOfCover()).isNull();
    assertThat(suggest(settings(28, 7, 3, null, 14, 1, 1, 5L), 0, 0).lowStock()).as("explicit threshold").isTrue();
  }

  @Test
  void stockWithoutSalesLastsForever() {
    ReplenishmentSuggestion s = suggest(settings(28, 7, 3, null, 14, 1, 1, null), 10, 0);

    assertThat(s.status()).isEqualTo(ReplenishmentStatus.OK);
    assertThat(s.daysOfCover()).isNull();
    assertThat(s.lowStock()).isFalse();
  }

  @Test
  void negativeOnHandOrdersTheShortfallToo() {
    // 1/day; reorder point 7 + 3 = 10; need 21 + 3 + 5 = 29
    ReplenishmentSuggestion s = suggest(settings(28, 7, 3, null, 14, 1, 1, null), -5, 28);

    assertThat(s.suggestedQuantity()).isEqualTo(29);
    assertThat(s.daysOfCover()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(s.lowStock()).isTrue();
  }

  @Test
  void moreReversalsThanDeliveriesCountAsNoSales() {
    ReplenishmentSuggestion s = suggest(settings(28, 7, 3, null, 14, 1, 1, null), 0, -4);

    assertThat(s.delivered()).isZero();
    assertThat(s.status()).isEqualTo(ReplenishmentStatus.DEAD);
  }

  @Test
  void aSafetyQuantityWithoutSalesOrdersOnlyTheMissingSafety() {
    ReplenishmentSettings s = settings(28, 7, null, 5L, 14, 1, 1, null);

    assertThat(suggest(s, 2, 0).suggestedQuantity()).isEqualTo(3);
    assertThat(suggest(s, 5, 0).suggestedQuantity()).isZero();
    assertThat(suggest(s, 5, 0).status()).isEqualTo(ReplenishmentStatus.OK);
  }

  @Test
  void matchesTheWorkedExampleInTheDocs() {
    ReplenishmentSuggestion tea = suggest(settings(28, 7, 3, null, 14, 48, 24, null), 58, 182);
    assertThat(tea.averageDailySales()).isEqualByComparingTo("6.50");
    assertThat(tea.reorderPoint()).isEqualByComparingTo("65.00");
    assertThat(tea.daysOfCover()).isEqualByComparingTo("8.9");
    assertThat(tea.suggestedQuantity()).isEqualTo(120);
    assertThat(tea.lowStock()).isTrue();

    ReplenishmentSuggestion mug = suggest(settings(28, 7, null, 10L, 14, 1, 1, null), 36, 100);
    assertThat(mug.status()).isEqualTo(ReplenishmentStatus.OK);
    assertThat(mug.daysOfCover()).isEqualByComparingTo("10.0");
    ReplenishmentSuggestion slowerSupplier = suggest(settings(28, 10, null, 10L, 14, 1, 1, null), 36, 100);
    assertThat(slowerSupplier.reorderPoint()).isEqualByComparingTo("45.71");
    assertThat(slowerSupplier.threshold()).isEqualByComparingTo("45.72");
    assertThat(slowerSupplier.suggestedQuantity()).isEqualTo(60);
  }
}
