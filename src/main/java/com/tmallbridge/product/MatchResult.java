package com.tmallbridge.product;

import java.util.Map;

/**
 * What one product match of a shop found.
 *
 * @param shopCode the shop
 * @param items items on sale read
 * @param listings SKUs (and SKU-less items) on sale
 * @param matched listings matched to ERP materials
 * @param unmatched listings not matched (see the mismatch report)
 * @param goneFromSale listings stored before that are no longer on sale (kept, marked)
 * @param bySource matched listings per rule that matched them
 * @param elapsedMs how long it took
 */
public record MatchResult(
    String shopCode, int items, int listings, int matched, int unmatched, int goneFromSale, Map<MatchSource, Integer> bySource,
    long elapsedMs) {

  public MatchResult {
    bySource = Map.copyOf(bySource);
  }
}
