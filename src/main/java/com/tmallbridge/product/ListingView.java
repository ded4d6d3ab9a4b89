package com.tmallbridge.product;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored listing for people: what Tmall showed at the last match and what it matched.
 *
 * @param skuId {@code ""} for an item without SKUs
 * @param outerId the SKU's merchant code, or the item's for an item without SKUs
 * @param matchProblem why it is unmatched, null when matched
 */
public record ListingView(
    String numIid, String skuId, String title, @Nullable String propertiesName, @Nullable String outerId, long priceFen,
    int quantity, @Nullable String approveStatus, boolean onSale, @Nullable MatchSource matchSource, @Nullable String matchCode,
    @Nullable String matchProblem, Instant readAt) {

  static ListingView of(ListingRow r) {
    return new ListingView(r.numIid(), r.skuId(), r.title(), r.propertiesName(), r.outerId(), r.priceFen(), r.quantity(),
        r.approveStatus(), r.onSale(), r.matchSource(), r.matchCode(), r.matchProblem(), r.readAt());
  }
}
