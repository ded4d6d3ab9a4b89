package com.tmallbridge.finance;

import com.tmallbridge.core.SettlementKind;
import java.util.Optional;

/**
 * The kinds of money events the posting scheme maps to accounts (see docs/money.md, "Vouchers and
 * the posting scheme"). Each kind has a key prefix for its vouchers' idempotency keys, the sign a
 * normal event of it has, and the side its VAT (if the rule has one) splits.
 */
public enum PostingKind {
  /** An order exported to the ERP: the goods part of the trade's payment (order_trade.payment_fen minus post fee). */
  SALE("SALE", true),
  /** The freight part of an exported order's payment (order_trade.post_fee_fen); posted in the SALE voucher. */
  POST_FEE("SALE", true),
  /** Settled income or freight (settlement lines INCOME and POST_FEE): money reaching Alipay against the receivable. */
  RECEIPT("RCPT", true),
  /** Tmall's commission (settlement line COMMISSION). */
  COMMISSION("COMM", false),
  /** Tmall points the merchant pays for (settlement line POINTS). */
  POINTS("PNTS", false),
  /** Tmall's software service fee (settlement line SERVICE_FEE). */
  SERVICE_FEE("SFEE", false),
  /** Money returned to the buyer (settlement line REFUND). */
  REFUND("RFND", false);

  private final String keyPrefix;
  private final boolean vatOnCredit;

  PostingKind(String keyPrefix, boolean vatOnCredit) {
    this.keyPrefix = keyPrefix;
    this.vatOnCredit = vatOnCredit;
  }

  /** The first part of the voucher keys of this kind, e.g. {@code RCPT} in {@code RCPT|TM01|2026120512345}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Whether a VAT account splits the rule's credit side (SALE, POST_FEE, RECEIPT: revenue is
   * credited) rather than its debit side (REFUND, COMMISSION, POINTS, SERVICE_FEE: revenue is
   * reversed or an expense carries input VAT).
   */
  public boolean vatOnCredit() {
    return vatOnCredit;
  }

  /**
   * The kind a settlement line posts as; empty for {@link SettlementKind#OTHER}, which is never
   * posted automatically.
   */
  public static Optional<PostingKind> of(SettlementKind kind) {
    return Optional.ofNullable(switch (kind) {
      case INCOME, POST_FEE -> RECEIPT;
      case COMMISSION -> COMMISSION;
      case POINTS -> POINTS;
      case SERVICE_FEE -> SERVICE_FEE;
      case REFUND -> REFUND;
      case OTHER -> null;
    });
  }

  /**
   * The signed settlement amount as this kind's normal direction sees it: INCOME and POST_FEE lines
   * are positive when money arrives, deductions and refunds negative when money leaves; both give
   * a positive result for a normal line and a negative one for a reversal.
   */
  public long normalised(long settlementAmountFen) {
    return this == RECEIPT ? settlementAmountFen : Math.negateExact(settlementAmountFen);
  }

  /** Parses a kind name, case-insensitively, with a message listing the kinds. */
  public static PostingKind parse(String text) {
    for (PostingKind k : values()) {
      if (k.name().equalsIgnoreCase(text.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown posting kind '" + text + "'; use one of "
        + java.util.Arrays.toString(values()));
  }
}
