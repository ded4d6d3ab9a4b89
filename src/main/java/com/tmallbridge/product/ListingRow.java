package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored row of {@code product_listing}: a Tmall SKU (or SKU-less item, {@code skuId ""}) as last
 * read, with the outcome of its last match.
 *
 * @param outerId the SKU's merchant code, or the item's for an item without SKUs
 * @param itemOuterId the item's merchant code
 * @param onSale false once the item was no longer on sale at a match
 * @param matchSource the rule that supplied {@code matchCode}, null when none did
 * @param matchCode the material or combo code found, null when none
 * @param matchProblem why it is unmatched, null when matched
 * @param cid Tmall's leaf category id of the item, null when not read (the sales report by category groups by it)
 */
record ListingRow(
    ShopId shop,
    String numIid,
    String skuId,
    String title,
    @Nullable String propertiesName,
    @Nullable String itemOuterId,
    @Nullable String outerId,
    long priceFen,
    int quantity,
    @Nullable String approveStatus,
    boolean onSale,
    @Nullable MatchSource matchSource,
    @Nullable String matchCode,
    @Nullable String matchProblem,
    Instant readAt,
    @Nullable Long cid) {

  SkuRef ref() {
    return skuId.isEmpty() ? new SkuRef(numIid, "", null, itemOuterId) : new SkuRef(numIid, skuId, outerId, itemOuterId);
  }

  String problem() {
    return matchProblem == null ? "" : matchProblem;
  }

  boolean matched() {
    return matchCode != null && matchProblem == null;
  }

  ListingRow withMatch(SkuMatch m) {
    return new ListingRow(shop, numIid, skuId, title, propertiesName, itemOuterId, outerId, priceFen, quantity, approveStatus,
        onSale, m.source(), m.code(), m.problem(), readAt, cid);
  }

  /** Title with SKU properties, for people and for ERP material names. */
  String displayName() {
    return propertiesName == null || propertiesName.isBlank() ? title : title + " " + propertiesName;
  }

  String key() {
    return MappingRepository.key(numIid, skuId);
  }
}
