package com.tmallbridge.core;

/**
 * What a settlement line (账单明细) moved, as the bridge classifies Tmall's bill accounts. The
 * sign convention of {@link SettlementEntry#amountFen()} follows the merchant's Alipay balance:
 * {@link #INCOME} and {@link #POST_FEE} are positive, the deductions and {@link #REFUND} negative.
 */
public enum SettlementKind {
  /** Buyer's payment for goods released to the merchant (trade account, account type 2). */
  INCOME,
  /** Freight the buyer paid, settled with the trade. */
  POST_FEE,
  /** Tmall's commission on the trade (account type 3). */
  COMMISSION,
  /** Tmall points (天猫积分) the merchant pays for (account type 5). */
  POINTS,
  /** Tmall's software service fee (技术服务费, account type 4). */
  SERVICE_FEE,
  /** Money returned to the buyer: a negative line on the trade account. */
  REFUND,
  /** Anything else (account type 1 or 6): kept, reported, never posted automatically. */
  OTHER
}
