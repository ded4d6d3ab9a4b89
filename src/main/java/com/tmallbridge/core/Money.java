package com.tmallbridge.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between yuan decimal text (as TOP and most ERPs send it, e.g. {@code "148.00"}) and
 * integer fen. Never uses floating point: a value with more than two decimals, a sign where none is
 * allowed or a non-number is rejected with {@link IllegalArgumentException}.
 */
public final class Money {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  /**
   * Parses yuan text into fen. Accepts {@code "12"}, {@code "12.3"}, {@code "12.30"}, negatives.
   *
   * @throws IllegalArgumentException when the text is blank, not a number or has more than 2 decimals
   */
  public static long parseYuan(String yuan) {
    if (yuan == null || yuan.isBlank()) {
      throw new IllegalArgumentException("money value is empty");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(yuan.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("money value '" + yuan + "' is not a number", e);
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("money value '" + yuan + "' has more than 2 decimals");
    }
    return value.multiply(HUNDRED).longValueExact();
  }

  /** Formats fen as yuan text with exactly two decimals ({@code 14800 -> "148.00"}). */
  public static String formatYuan(long fen) {
    return BigDecimal.valueOf(fen).divide(HUNDRED, 2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Fen as a {@link BigDecimal} in yuan with scale 2, for ERPs whose APIs take decimals. */
  public static BigDecimal toYuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** Yuan {@link BigDecimal} (at most 2 decimals) to fen. */
  public static long fromYuan(BigDecimal yuan) {
    return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }
}
