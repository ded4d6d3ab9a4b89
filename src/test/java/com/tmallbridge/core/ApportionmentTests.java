package com.tmallbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApportionmentTests {

  @Test
  void splitsProportionallyAndAddsUpExactly() {
    long[] parts = Apportionment.byLargestRemainder(1000, new long[] {1, 1, 1});
    assertThat(parts).containsExactly(334, 333, 333);
    assertThat(Arrays.stream(parts).sum()).isEqualTo(1000);
  }

  @Test
  void givesLeftoverFenToTheLargestRemainders() {
    // 100 over weights 3:3:4 -> 30, 30, 40 exactly; 101 -> the extra fen goes to the biggest remainder
    assertThat(Apportionment.byLargestRemainder(100, new long[] {3, 3, 4})).containsExactly(30, 30, 40);
    assertThat(Apportionment.byLargestRemainder(101, new long[] {3, 3, 4})).containsExactly(30, 30, 41);
  }

  @Test
  void splitsEvenlyWhenAllWeightsAreZero() {
    assertThat(Apportionment.byLargestRemainder(10, new long[] {0, 0, 0})).containsExactly(4, 3, 3);
  }

  @Test
  void keepsTheSignOfANegativeTotal() {
    assertThat(Apportionment.byLargestRemainder(-10, new long[] {1, 1, 1})).containsExactly(-4, -3, -3);
  }

  @Test
  void rejectsNegativeWeightsAndEmptyShares() {
    assertThatThrownBy(() -> Apportionment.byLargestRemainder(10, new long[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Apportionment.byLargestRemainder(10, new long[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void partsAlwaysSumToTheTotalAndStayWithinOneFenOfTheExactShare() {
    long seed = System.nanoTime();
    System.out.println("ApportionmentTests seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < 5_000; run++) {
      int n = 1 + random.nextInt(12);
      long[] weights = new long[n];
      for (int i = 0; i < n; i++) {
        weights[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 5_000_000);
      }
      long total = random.nextLong(0, 100_000_000);
      long[] parts = Apportionment.byLargestRemainder(total, weights);
      assertThat(Arrays.stream(parts).sum()).as("seed %d run %d", seed, run).isEqualTo(total);
      long weightSum = Arrays.stream(weights).sum();
      for (int i = 0; i < n; i++) {
        double exact = weightSum == 0 ? (double) total / n : (double) total * weights[i] / weightSum;
        assertThat(Math.abs(parts[i] - exact)).as("seed %d run %d part %d", seed, run, i).isLessThan(1.0 + 1e-6);
        assertThat(parts[i]).isNotNegative();
      }
    }
  }
}
