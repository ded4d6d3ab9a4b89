package com.tmallbridge.sandbox.tmall;

import java.util.Objects;

/**
 * What catalog a shop of the sandbox sells.
 *
 * <ul>
 *   <li>{@link #generated(int)}: the seeded, varied catalog (8 categories, 0–6 SKUs per item, a few
 *       SKUs without merchant code, a mix of stock modes).
 *   <li>{@link #uniform(int, int, int, String)}: {@code items} × {@code skusPerItem} SKUs with
 *       predictable merchant codes ({@link #itemOuterId(int)}, {@link #skuOuterId(int, int)}), all
 *       on sale, every SKU starting at {@code quantityPerSku}: for benchmarks and for several shops
 *       listing the same goods. Built in well under a second for 50,000 SKUs.
 * </ul>
 *
 * @param kind generated or uniform
 * @param itemCount items; for a generated catalog 0 lets the seed choose 40–120
 * @param skusPerItem uniform only: SKUs per item, 0 for items without SKUs
 * @param quantityPerSku uniform only: starting quantity of every SKU (or SKU-less item)
 * @param outerIdPrefix uniform only: prefix of the merchant codes
 * @param stockMode uniform only: the stock mode of every item
 */
public record CatalogSpec(
    Kind kind,
    int itemCount,
    int skusPerItem,
    int quantityPerSku,
    String outerIdPrefix,
    StockMode stockMode) {

  /** How the catalog is built. */
  public enum Kind {
    GENERATED,
    UNIFORM
  }

  /** The most SKUs a uniform item may have (Tmall allows a few hundred; 600 is plenty here). */
  public static final int MAX_SKUS_PER_ITEM = 600;

  /** The most stock positions (SKUs, or items without SKUs) one catalog may have. */
  public static final int MAX_POSITIONS = 5_000_000;

  public CatalogSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outerIdPrefix, "outerIdPrefix");
    Objects.requireNonNull(stockMode, "stockMode");
    if (itemCount < 0 || kind == Kind.UNIFORM && itemCount == 0) {
      throw new IllegalArgumentException("itemCount must be >= 0 (> 0 for a uniform catalog)");
    }
    if (itemCount > 1_000_000) {
      throw new IllegalArgumentException("itemCount must be <= 1000000, got " + itemCount);
    }
    if ((long) itemCount * Math.max(1, skusPerItem) > MAX_POSITIONS) {
      throw new IllegalArgumentException(
          "itemCount × skusPerItem must be <= " + MAX_POSITIONS + ", got " + itemCount + " × " + skusPerItem);
    }
    if (skusPerItem < 0 || skusPerItem > MAX_SKUS_PER_ITEM) {
      throw new IllegalArgumentException(
          "skusPerItem must be in [0, " + MAX_SKUS_PER_ITEM + "], got " + skusPerItem);
    }
    if (quantityPerSku < 0) {
      throw new IllegalArgumentException("quantityPerSku must be >= 0, got " + quantityPerSku);
    }
    if (outerIdPrefix.contains(":") || outerIdPrefix.contains(";")) {
      throw new IllegalArgumentException("outerIdPrefix must not contain ':' or ';'");
    }
  }

  /** The seeded varied catalog; {@code itemCount} 0 lets the seed choose 40–120 items. */
  public static CatalogSpec generated(int itemCount) {
    return new CatalogSpec(Kind.GENERATED, itemCount, 0, 0, "SP", StockMode.ON_PAYMENT);
  }

  /**
   * {@code items} items of {@code skusPerItem} SKUs each, all on sale and 付款减库存, each SKU starting
   * at {@code quantityPerSku}. Item {@code i} (1-based) has merchant code {@link #itemOuterId(int)
   * itemOuterId(i)} and its SKU {@code j} (1-based) {@link #skuOuterId(int, int) skuOuterId(i, j)}.
   */
  public static CatalogSpec uniform(
      int items, int skusPerItem, int quantityPerSku, String outerIdPrefix) {
    return new CatalogSpec(
        Kind.UNIFORM, items, skusPerItem, quantityPerSku, outerIdPrefix, StockMode.ON_PAYMENT);
  }

  /** The same catalog with every item in the given stock mode (uniform catalogs only). */
  public CatalogSpec withStockMode(StockMode mode) {
    if (kind != Kind.UNIFORM) {
      throw new IllegalStateException("a generated catalog mixes stock modes by seed");
    }
    return new CatalogSpec(kind, itemCount, skusPerItem, quantityPerSku, outerIdPrefix, mode);
  }

  public boolean uniform() {
    return kind == Kind.UNIFORM;
  }

  /** Merchant code of item {@code item} (1-based): prefix + the number in at least 5 digits. */
  public String itemOuterId(int item) {
    return outerIdPrefix + padded(item, 5);
  }

  /**
   * Merchant code of SKU {@code sku} (1-based) of item {@code item} (1-based): the item's code, a
   * dash and the SKU number in at least 2 digits, e.g. {@code BENCH00017-03}.
   */
  public String skuOuterId(int item, int sku) {
    return itemOuterId(item) + "-" + padded(sku, 2);
  }

  private static String padded(int number, int width) {
    String digits = Integer.toString(number);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
