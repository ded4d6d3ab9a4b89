package com.tmallbridge.order;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tmall's side of a trade as the latest stored snapshot has it. Personal data is masked (on top of
 * Tmall's own masking, see {@link MaskedText}): this record never holds a receiver's full name,
 * phone or address.
 *
 * @param status Tmall's trade status
 * @param modified Tmall's modified time of the snapshot
 * @param receivedAt when the bridge stored the snapshot
 * @param paymentFen what the buyer paid, post fee included
 * @param postFeeFen post fee
 * @param discountFeeFen trade-level discount
 * @param buyerNick masked buyer nick
 * @param receiverName masked receiver name
 * @param receiverPhone masked mobile (or phone)
 * @param receiverRegion province, city and district (not personal on their own)
 * @param receiverAddress masked street address
 * @param buyerMessage the buyer's message, cut to 40 characters
 * @param sellerMemo the seller's memo, cut to 40 characters
 * @param lines the sub-orders with today's mapping
 */
public record TradeSnapshotView(
    String status,
    Instant modified,
    Instant receivedAt,
    long paymentFen,
    long postFeeFen,
    long discountFeeFen,
    @Nullable String buyerNick,
    @Nullable String receiverName,
    @Nullable String receiverPhone,
    String receiverRegion,
    @Nullable String receiverAddress,
    @Nullable String buyerMessage,
    @Nullable String sellerMemo,
    List<TradeSnapshotLine> lines) {

  public TradeSnapshotView {
    lines = List.copyOf(lines);
  }
}
