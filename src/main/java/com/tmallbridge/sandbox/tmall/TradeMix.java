package com.tmallbridge.sandbox.tmall;

/**
 * How generated history trades end up, as relative weights (they need not sum to 1), plus the share
 * of trades of type {@code tmall_i18n} and {@code step} (the rest are {@code fixed}, the usual Tmall
 * trade; {@code guarantee_trade} is only a query alias of {@code fixed} and {@code auction}).
 *
 * @param closedUnpaid closed by Taobao, never paid ({@code TRADE_CLOSED_BY_TAOBAO})
 * @param unpaid still waiting for payment ({@code WAIT_BUYER_PAY})
 * @param awaitingShipment paid, not shipped ({@code WAIT_SELLER_SEND_GOODS})
 * @param shipped shipped, not confirmed ({@code WAIT_BUYER_CONFIRM_GOODS})
 * @param finished confirmed ({@code TRADE_FINISHED})
 * @param refunded refunded after payment ({@code TRADE_CLOSED})
 * @param i18nRate probability of type {@code tmall_i18n} (outside TOP's default type filter: a
 *     client that does not list the types it wants misses them, as on real TOP)
 * @param stepRate probability of type {@code step}
 */
public record TradeMix(
    double closedUnpaid,
    double unpaid,
    double awaitingShipment,
    double shipped,
    double finished,
    double refunded,
    double i18nRate,
    double stepRate) {

  public TradeMix {
    double[] weights = {closedUnpaid, unpaid, awaitingShipment, shipped, finished, refunded};
    double sum = 0;
    for (double weight : weights) {
      if (!(weight >= 0)) {
        throw new IllegalArgumentException("outcome weights must be >= 0");
      }
      sum += weight;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("at least one outcome weight must be positive");
    }
    if (!(i18nRate >= 0 && stepRate >= 0 && i18nRate + stepRate <= 1)) {
      throw new IllegalArgumentException("type rates must be >= 0 and sum to at most 1");
    }
  }

  /**
   * 6% closed unpaid, 4% unpaid, 90% paid of which 15% await shipment, 50% shipped, 30% finished
   * and 5% refunded; 2% of type {@code tmall_i18n}, 2% {@code step}, the rest {@code fixed}.
   */
  public static TradeMix defaults() {
    return new TradeMix(0.06, 0.04, 0.135, 0.45, 0.27, 0.045, 0.02, 0.02);
  }

  public TradeMix withTypeRates(double i18n, double step) {
    return new TradeMix(
        closedUnpaid, unpaid, awaitingShipment, shipped, finished, refunded, i18n, step);
  }

  /** Picks an outcome for a uniform random number in [0, 1). */
  Outcome outcome(double uniform) {
    double[] weights = {closedUnpaid, unpaid, awaitingShipment, shipped, finished, refunded};
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double point = uniform * total;
    for (int i = 0; i < weights.length; i++) {
      point -= weights[i];
      if (point < 0) {
        return Outcome.values()[i];
      }
    }
    return Outcome.REFUNDED;
  }

  /** Picks a trade type for a uniform random number in [0, 1). */
  TradeType type(double uniform) {
    if (uniform < i18nRate) {
      return TradeType.TMALL_I18N;
    }
    return uniform < i18nRate + stepRate ? TradeType.STEP : TradeType.FIXED;
  }

  /** Where a generated trade's life ends, in the order of the weights above. */
  enum Outcome {
    CLOSED_UNPAID,
    UNPAID,
    AWAITING_SHIPMENT,
    SHIPPED,
    FINISHED,
    REFUNDED
  }
}
