package com.tmallbridge.core;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an amount of fen over weighted shares by the largest-remainder method, so that the parts
 * always add up to the total exactly. Ties in remainder go to the earlier share, which makes the
 * result deterministic for the same input.
 */
public final class Apportionment {
  private Apportionment() {}

  /**
   * Apportions {@code total} fen by {@code weights}.
   *
   * @param total the amount to split, may be zero or negative (a negative total is split as its
   *     absolute value and the parts negated)
   * @param weights non-negative weights, at least one; if all are zero the total is split evenly
   * @return parts, one per weight, summing to {@code total}
   * @throws IllegalArgumentException when weights are empty or contain a negative value
   */
  public static long[] byLargestRemainder(long total, long[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("nothing to apportion over: no weights");
    }
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight " + w);
      }
    }
    if (total < 0) {
      long[] parts = byLargestRemainder(-total, weights);
      return Arrays.stream(parts).map(p -> -p).toArray();
    }
    long[] effective = Arrays.stream(weights).sum() == 0 ? filledWithOnes(weights.length) : weights;
    java.math.BigInteger sum = java.math.BigInteger.ZERO;
    for (long w : effective) {
      sum = sum.add(java.math.BigInteger.valueOf(w));
    }
    long[] parts = new long[effective.length];
    long[] remainders = new long[effective.length];
    long assigned = 0;
    java.math.BigInteger t = java.math.BigInteger.valueOf(total);
    for (int i = 0; i < effective.length; i++) {
      java.math.BigInteger[] qr = t.multiply(java.math.BigInteger.valueOf(effective[i])).divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1].longValueExact();
      assigned += parts[i];
    }
    long left = total - assigned;
    Integer[] order =
        IntStream.range(0, effective.length)
            .boxed()
            .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed())
            .toArray(Integer[]::new);
    for (int k = 0; k < left; k++) {
      parts[order[k]]++;
    }
    return parts;
  }

  private static long[] filledWithOnes(int n) {
    long[] ones = new long[n];
    Arrays.fill(ones, 1);
    return ones;
  }
}
