package com.tmallbridge.core;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canonical sales order the bridge asks an ERP to create for one paid channel trade.
 * Invariant: {@code sum(lines.amountFen) + postFeeFen == totalFen}.
 *
 * @param shop the shop the trade belongs to
 * @param shopCode short code of the shop, for ERP document references
 * @param orderNo the channel's order number; the ERP must treat it as the idempotency key
 * @param customer the buyer
 * @param receiver shipping destination
 * @param orderedAt when the buyer placed the order
 * @param paidAt when the buyer paid
 * @param lines order lines, at least one
 * @param postFeeFen freight charged to the buyer
 * @param totalFen what the buyer paid in total
 * @param buyerMessage buyer's note, may be null
 * @param sellerMemo seller's internal memo, may be null
 */
public record SalesOrder(
    ShopId shop,
    String shopCode,
    ChannelOrderNo orderNo,
    CustomerRecord customer,
    Receiver receiver,
    Instant orderedAt,
    Instant paidAt,
    List<SalesOrderLine> lines,
    long postFeeFen,
    long totalFen,
    @Nullable String buyerMessage,
    @Nullable String sellerMemo) {

  public SalesOrder {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("sales order " + orderNo + " has no lines");
    }
    long sum = lines.stream().mapToLong(SalesOrderLine::amountFen).sum() + postFeeFen;
    if (sum != totalFen) {
      throw new IllegalArgumentException(
          "sales order " + orderNo + ": lines " + sum + " fen + post fee do not equal total " + totalFen);
    }
  }
}
