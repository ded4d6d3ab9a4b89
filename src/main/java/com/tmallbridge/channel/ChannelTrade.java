package com.tmallbridge.channel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trade (order) as the channel reports it, complete enough to build a sales order: the feed
 * fetches full detail itself when a list entry lacks it. Times are instants (TOP's GMT+8 wall
 * time already converted). Money in fen.
 *
 * @param tid trade id as text
 * @param status the channel's status, e.g. {@code WAIT_SELLER_SEND_GOODS}
 * @param type trade type, e.g. {@code fixed}
 * @param created when the buyer placed it
 * @param modified the channel's last-modified time, the ordering key of snapshots
 * @param payTime when it was paid, null if never paid
 * @param paymentFen what the buyer paid including post fee
 * @param postFeeFen post fee
 * @param totalFeeFen goods total before discounts
 * @param discountFeeFen trade-level discount
 * @param adjustFeeFen trade-level manual adjustment
 * @param buyerNick buyer nick (may be masked)
 * @param buyerOpenUid buyer's open uid, may be null
 * @param receiverName masked receiver name
 * @param receiverMobile masked mobile
 * @param receiverPhone masked phone
 * @param receiverState province
 * @param receiverCity city
 * @param receiverDistrict district
 * @param receiverAddress masked address
 * @param receiverZip zip
 * @param buyerMessage buyer's message
 * @param sellerMemo seller's memo
 * @param sellerFlag seller flag 0-5
 * @param lines sub-orders
 * @param rawJson the trade object exactly as received, kept in the inbox for replay and audit
 */
public record ChannelTrade(
    String tid,
    String status,
    @Nullable String type,
    Instant created,
    Instant modified,
    @Nullable Instant payTime,
    long paymentFen,
    long postFeeFen,
    long totalFeeFen,
    long discountFeeFen,
    long adjustFeeFen,
    @Nullable String buyerNick,
    @Nullable String buyerOpenUid,
    @Nullable String receiverName,
    @Nullable String receiverMobile,
    @Nullable String receiverPhone,
    @Nullable String receiverState,
    @Nullable String receiverCity,
    @Nullable String receiverDistrict,
    @Nullable String receiverAddress,
    @Nullable String receiverZip,
    @Nullable String buyerMessage,
    @Nullable String sellerMemo,
    int sellerFlag,
    List<ChannelTradeLine> lines,
    String rawJson) {

  public ChannelTrade {
    lines = List.copyOf(lines);
  }
}
