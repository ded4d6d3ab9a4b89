package com.tmallbridge.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A VAT-inclusive amount split into net and output VAT, exactly in fen: {@code tax = round(gross ×
 * rate / (1 + rate))} (half up), {@code net = gross − tax}, so the rounding remainder stays on the
 * net (revenue) side and {@code net + tax == gross} always.
 *
 * @param netFen the amount without VAT
 * @param taxFen the VAT
 */
record VatSplit(long netFen, long taxFen) {

  /**
   * Splits {@code grossFen} (not negative) at {@code rate} (e.g. 0.13).
   *
   * @throws IllegalArgumentException for a negative amount or a rate outside [0, 1)
   */
  static VatSplit of(long grossFen, BigDecimal rate) {
    if (grossFen < 0) {
      throw new IllegalArgumentException("cannot split a negative amount " + grossFen);
    }
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("VAT rate must be at least 0 and below 1, got " + rate.toPlainString());
    }
    long tax = BigDecimal.valueOf(grossFen).multiply(rate).divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_UP).longValueExact();
    return new VatSplit(grossFen - tax, tax);
  }
}
