package com.tmallbridge.product;

import com.tmallbridge.channel.CategoryDirectory;
import com.tmallbridge.channel.CategoryDirectory.ChannelCategory;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelSku;
import com.tmallbridge.channel.ItemCatalog;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A product match of one shop: lists every item on sale ({@link ItemCatalog#onSaleItems}), reads
 * them with their SKUs 20 at a time ({@link ItemCatalog#items}), matches every SKU with
 * {@link SkuMatcher}, and stores the result in one transaction at the end (a failed read changes
 * nothing). Listings stored before and not on sale now are marked {@code on_sale = false}. Then
 * the names of the listings' categories are read ({@link CategoryDirectory}) for the cids not named
 * yet or named longer than {@link #CATEGORY_REFRESH} ago; a failure there is reported in the result
 * and leaves the stored listings as they are.
 */
@Component
class ListingMatch {
  static final int ITEMS_PER_CALL = 20;
  private static final int MATCH_CHUNK = 1000;
  /** How long a category's stored name is trusted before a match reads it again. */
  static final Duration CATEGORY_REFRESH = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(ListingMatch.class);

  private final ItemCatalog catalog;
  private final CategoryDirectory directory;
  private final CategoryRepository categories;
  private final SkuMatcher matcher;
  private final ListingRepository listings;
  private final TransactionTemplate tx;
  private final Clock clock;

  ListingMatch(ItemCatalog catalog, CategoryDirectory directory, CategoryRepository categories, SkuMatcher matcher,
      ListingRepository listings, TransactionTemplate tx, Clock clock) {
    this.catalog = catalog;
    this.directory = directory;
    this.categories = categories;
    this.matcher = matcher;
    this.listings = listings;
    this.tx = tx;
    this.clock = clock;
  }

  MatchResult run(Shop shop, MatchProgress progress) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Set<String> numIids = new LinkedHashSet<>();
    catalog.onSaleItems(shop.credentials(), page -> {
      page.forEach(i -> numIids.add(i.numIid()));
      progress.update("listing items on sale", numIids.size(), -1);
    });
    List<String> ids = new ArrayList<>(numIids);
    List<ListingRow> rows = new ArrayList<>();
    int items = 0;
    for (int from = 0; from < ids.size(); from += ITEMS_PER_CALL) {
      List<ChannelItem> batch = catalog.items(shop.credentials(), ids.subList(from, Math.min(ids.size(), from + ITEMS_PER_CALL)));
      items += batch.size();
      batch.forEach(item -> rows.addAll(rowsOf(shop, item, now)));
      progress.update("reading SKUs", Math.min(ids.size(), from + ITEMS_PER_CALL), ids.size());
    }
    List<ListingRow> matchedRows = match(shop.id(), rows, progress);
    int gone = tx.execute(status -> store(shop, matchedRows));
    int named = 0;
    String categoryProblem = null;
    try {
      named = nameCategories(shop, matchedRows, now, progress);
    } catch (ChannelException e) {
      categoryProblem = e.getMessage();
      log.warn("shop {}: the category names could not be read from Tmall; sales by category shows the cids only until the next"
          + " products match: {}", shop.code(), e.getMessage());
    }
    Map<MatchSource, Integer> bySource = new EnumMap<>(MatchSource.class);
    matchedRows.stream().filter(ListingRow::matched).forEach(r -> bySource.merge(r.matchSource(), 1, Integer::sum));
    int matched = (int) matchedRows.stream().filter(ListingRow::matched).count();
    return new MatchResult(shop.code(), items, matchedRows.size(), matched, matchedRows.size() - matched, gone, bySource,
        named, categoryProblem, (System.nanoTime() - started) / 1_000_000);
  }

  /** Reads and stores the names of the rows' categories not named yet or named too long ago; returns how many. */
  private int nameCategories(Shop shop, List<ListingRow> rows, Instant now, MatchProgress progress) {
    Set<Long> cids = new LinkedHashSet<>();
    rows.forEach(r -> {
      if (r.cid() != null) {
        cids.add(r.cid());
      }
    });
    Set<Long> toRead = categories.toRead(cids, now.minus(CATEGORY_REFRESH));
    if (toRead.isEmpty()) {
      return 0;
    }
    progress.update("naming categories", 0, toRead.size());
    Map<Long, ChannelCategory> named = directory.categories(shop.credentials(), toRead);
    categories.save(named.values(), now);
    progress.update("naming categories", toRead.size(), toRead.size());
    return named.size();
  }

  /** Matches rows again with today's mappings, combos and ERP materials; returns them with the outcome. */
  List<ListingRow> match(ShopId shop, List<ListingRow> rows, MatchProgress progress) {
    List<ListingRow> out = new ArrayList<>(rows.size());
    for (int from = 0; from < rows.size(); from += MATCH_CHUNK) {
      List<ListingRow> chunk = rows.subList(from, Math.min(rows.size(), from + MATCH_CHUNK));
      Map<SkuRef, SkuMatch> matches = matcher.match(shop, chunk.stream().map(ListingRow::ref).toList());
      chunk.forEach(r -> out.add(r.withMatch(matches.get(r.ref()))));
      progress.update("matching", out.size(), rows.size());
    }
    return out;
  }

  private int store(Shop shop, List<ListingRow> rows) {
    List<ListingRow> before = listings.ofShop(shop.id());
    Set<String> seen = listings.keysOf(rows);
    listings.save(rows, listings.keysOf(before));
    List<ListingRow> gone = before.stream().filter(r -> r.onSale() && !seen.contains(r.key())).toList();
    listings.markGone(gone);
    return gone.size();
  }

  private static List<ListingRow> rowsOf(Shop shop, ChannelItem item, Instant now) {
    if (item.skus().isEmpty()) {
      return List.of(new ListingRow(shop.id(), item.numIid(), "", item.title(), null, item.outerId(), item.outerId(),
          item.priceFen(), item.quantity(), item.approveStatus(), true, null, null, null, now, item.cid()));
    }
    Map<String, ChannelSku> bySku = new HashMap<>();
    item.skus().forEach(s -> bySku.putIfAbsent(s.skuId(), s));
    return bySku.values().stream()
        .map(s -> new ListingRow(shop.id(), item.numIid(), s.skuId(), item.title(), s.propertiesName(), item.outerId(),
            s.outerId(), s.priceFen(), s.quantity(), item.approveStatus(), true, null, null, null, now, item.cid()))
        .toList();
  }
}
