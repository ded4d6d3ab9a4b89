package com.tmallbridge.order;

import com.tmallbridge.core.ChannelOrderNo;
import java.util.Optional;

/**
 * The channel order number of a replacement sales order the after-sale flow creates in the ERP for
 * an exchange or reship: {@code <tid>-X<refundId>}. No Tmall trade has this number, so the flows
 * that meet such an order in the ERP (fulfilment reading deliveries) recognise it with {@link
 * #parse} instead of looking for the trade.
 *
 * @param tid the original trade's id
 * @param refundId the refund (exchange or reship) the replacement belongs to
 */
public record ReplacementOrderNo(String tid, String refundId) {
  private static final String MARK = "-X";

  /** @throws IllegalArgumentException when either part is blank or the refund id contains {@code -} */
  public ReplacementOrderNo {
    if (tid == null || tid.isBlank() || refundId == null || refundId.isBlank() || refundId.contains("-")) {
      throw new IllegalArgumentException("a replacement needs a trade id and a refund id without '-', got " + tid + " / " + refundId);
    }
  }

  /** The replacement of {@code refundId}'s exchange or reship within trade {@code tid}. */
  public static ReplacementOrderNo of(String tid, String refundId) {
    return new ReplacementOrderNo(tid, refundId);
  }

  /**
   * The replacement a channel order number names.
   *
   * @return empty when {@code orderNo} is not of the form {@code <tid>-X<refundId>} (an ordinary trade)
   */
  public static Optional<ReplacementOrderNo> parse(String orderNo) {
    int mark = orderNo.lastIndexOf(MARK);
    if (mark <= 0) {
      return Optional.empty();
    }
    String tid = orderNo.substring(0, mark);
    String refundId = orderNo.substring(mark + MARK.length());
    if (tid.isBlank() || refundId.isBlank() || refundId.contains("-")) {
      return Optional.empty();
    }
    return Optional.of(new ReplacementOrderNo(tid, refundId));
  }

  /** {@code <tid>-X<refundId>}. */
  public String value() {
    return tid + MARK + refundId;
  }

  /** {@link #value()} as a channel order number, the ERP's idempotency key for the replacement. */
  public ChannelOrderNo channelOrderNo() {
    return new ChannelOrderNo(value());
  }

  @Override
  public String toString() {
    return value();
  }
}
