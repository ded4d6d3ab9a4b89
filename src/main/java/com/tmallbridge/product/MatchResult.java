package com.tmallbridge.product;

import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * @param categoriesNamed categories of the listings whose names were read from the channel in this
 *     run (new ones, or names older than {@link ListingMatch#CATEGORY_REFRESH})
 * @param categoryProblem why the category names could not be read (the listings are stored all the
 *     same; the next match tries again), null when they were
 * @param elapsedMs how long it took
 */
public record MatchResult(
    String shopCode, int items, int listings, int matched, int unmatched, int goneFromSale, Map<MatchSource, Integer> bySource,
    int categoriesNamed, @Nullable String categoryProblem, long elapsedMs) {

  public MatchResult {
    bySource = Map.copyOf(bySource);
  }
}
