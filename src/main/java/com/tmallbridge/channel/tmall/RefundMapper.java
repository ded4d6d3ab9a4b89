package com.tmallbridge.channel.tmall;

import static com.tmallbridge.channel.tmall.TopValues.nonEmptyText;
import static com.tmallbridge.channel.tmall.TopValues.requiredText;

import com.tmallbridge.channel.ChannelRefund;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Maps TOP {@code Refund} JSON objects (refunds.receive.get entries and refund.get) to {@link
 * ChannelRefund}: money from yuan text to fen, GMT+8 times to instants, ids given as numbers or
 * strings to text. {@code oid} defaults to {@code tid} (TOP: "for a trade with one sub-order oid
 * equals tid") and a missing {@code payment} is {@code total_fee − refund_fee}. Pure functions.
 */
final class RefundMapper {
  /** Fields asked of the list (every field refunds.receive.get documents). */
  static final String LIST_FIELDS =
      "refund_id,tid,oid,title,buyer_nick,seller_nick,total_fee,status,created,refund_fee,good_status,company_name,"
          + "sid,payment,reason,desc,has_good_return,modified,order_status,refund_phase,dispute_type,num,sku,outer_id";
  /** Fields asked of refund.get: the list's plus item detail. */
  static final String DETAIL_FIELDS = LIST_FIELDS + ",num_iid,price,refund_version";

  private RefundMapper() {}

  /** The refund id of an entry. */
  static String refundId(JsonNode refund) {
    return requiredText(refund, "refund_id");
  }

  /** Whether a list entry lacks the item detail the after-sale flow needs (refund.get has it). */
  static boolean needsDetail(JsonNode refund) {
    return nonEmptyText(refund, "num_iid") == null;
  }

  /**
   * Maps a refund object.
   *
   * @throws IllegalArgumentException naming the refund and field when a required value is missing
   *     or a value is malformed
   */
  static ChannelRefund refund(JsonNode refund) {
    String refundId = refundId(refund);
    try {
      String tid = requiredText(refund, "tid");
      String oid = nonEmptyText(refund, "oid");
      long refundFee = TopValues.requiredFen(refund, "refund_fee");
      long totalFee = TopValues.requiredFen(refund, "total_fee");
      Long payment = TopValues.optionalFen(refund, "payment");
      Instant created = TopValues.requiredInstant(refund, "created");
      Instant modified = TopValues.instant(refund, "modified");
      return new ChannelRefund(
          refundId,
          tid,
          oid == null ? tid : oid,
          requiredText(refund, "status"),
          refundFee,
          totalFee,
          payment == null ? totalFee - refundFee : payment,
          TopValues.bool(refund, "has_good_return", false),
          nonEmptyText(refund, "good_status"),
          nonEmptyText(refund, "refund_phase"),
          nonEmptyText(refund, "dispute_type"),
          nonEmptyText(refund, "reason"),
          nonEmptyText(refund, "desc"),
          created,
          modified == null ? created : modified,
          nonEmptyText(refund, "order_status"),
          nonEmptyText(refund, "sid"),
          nonEmptyText(refund, "company_name"),
          nonEmptyText(refund, "num_iid"),
          nonEmptyText(refund, "sku"),
          nonEmptyText(refund, "outer_id"),
          Math.toIntExact(TopValues.integer(refund, "num", 0)),
          nonEmptyText(refund, "title"),
          refund.toString());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("refund " + refundId + ": " + e.getMessage(), e);
    }
  }

  /** Re-reads a refund kept as raw JSON. */
  static ChannelRefund fromJson(String rawJson) {
    return refund(TopJson.readObject(rawJson));
  }
}
