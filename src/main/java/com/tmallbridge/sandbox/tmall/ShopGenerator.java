package com.tmallbridge.sandbox.tmall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generates a shop from a seed: seller nick, session (and, for the first shop, the app key and
 * secret) and its catalog.
 *
 * <p>The generated catalog ({@link CatalogSpec#generated(int)}) has 40–120 items with 1–6 SKUs each
 * (some without SKUs). Every item has an {@code outer_id}; a few SKUs have none: half of the
 * single-SKU items (where falling back on the item's code is safe) and about 3% of the SKUs of
 * multi-SKU items (where it is ambiguous). Stock per position: 10% sold out, 60% 20–999 units, 30%
 * 1,000–20,000 (best-sellers stocked for Double 11); 30% of items are 拍下减库存, the rest 付款减库存
 * (Tmall's default).
 *
 * <p>The uniform catalog ({@link CatalogSpec#uniform}) is built without random draws: item {@code
 * i} has merchant code {@code spec.itemOuterId(i)}, its SKU {@code j} {@code spec.skuOuterId(i,
 * j)}.
 *
 * <p>Shop {@code k} of a sandbox (0 for the default shop) draws its ids from its own ranges, so ids
 * never collide between shops.
 */
final class ShopGenerator {
  private static final String[] BRANDS = {"天猫测试", "云栖", "森屿", "南山", "知味", "青禾", "悦享", "木棉"};
  private static final String[] SUFFIXES = {"2025新款", "官方正品", "爆款", "限定款", "经典款"};
  private static final String PIC_CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final long ITEM_ID_BASE = 600_000_000_000L;
  private static final long SKU_ID_BASE = 4_000_000_000_000L;
  private static final long SHOP_ID_RANGE = 10_000_000_000L;

  private final SplittableRandom random;
  private final Instant now;
  private final int shopIndex;
  private long skuSequence;

  ShopGenerator(long seed, Instant now) {
    this(seed, now, 0);
  }

  /** The generator of shop {@code shopIndex} (0 = the default shop) of a sandbox. */
  ShopGenerator(long seed, Instant now, int shopIndex) {
    if (shopIndex < 0 || shopIndex > 1_000) {
      throw new IllegalArgumentException("shopIndex must be in [0, 1000], got " + shopIndex);
    }
    this.random = new SplittableRandom(shopIndex == 0 ? seed : seed ^ (0x5_40_9L * shopIndex));
    this.now = now;
    this.shopIndex = shopIndex;
  }

  /** Generates the shop; {@code itemCount} 0 lets the seed choose 40–120. */
  Shop generate(int itemCount) {
    return generate(CatalogSpec.generated(itemCount), null, null);
  }

  /**
   * Generates a shop selling {@code catalog}.
   *
   * @param app the app key and secret to use (those of the default shop); null to generate them
   * @param sellerNick the nick; null for {@code <brand>旗舰店}
   */
  Shop generate(CatalogSpec catalog, @Nullable SandboxCredentials app, @Nullable String sellerNick) {
    String brand = BRANDS[random.nextInt(BRANDS.length)];
    String appKey = String.valueOf(20_000_000 + random.nextInt(80_000_000));
    String appSecret = hex(16);
    String session = "6100" + hex(18) + (2_000_000_000L + random.nextLong(1_000_000_000L));
    SandboxCredentials credentials =
        new SandboxCredentials(
            app == null ? appKey : app.appKey(),
            app == null ? appSecret : app.appSecret(),
            session,
            sellerNick == null ? brand + "旗舰店" : sellerNick);
    if (catalog.uniform()) {
      return new Shop(credentials, uniform(catalog, brand));
    }
    int count = catalog.itemCount() > 0 ? catalog.itemCount() : 40 + random.nextInt(81);
    List<SandboxItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(item(i, brand));
    }
    if (items.stream().noneMatch(SandboxItem::onSale)) {
      items.set(0, onSale(items.get(0)));
    }
    return new Shop(credentials, items);
  }

  private SandboxItem item(int index, String brand) {
    ProductCatalog.Category category =
        ProductCatalog.CATEGORIES.get(random.nextInt(ProductCatalog.CATEGORIES.size()));
    long numIid =
        ITEM_ID_BASE + shopIndex * SHOP_ID_RANGE + index * 1_000_003L + random.nextInt(1_000);
    String outerId = "SP" + (1001 + index);
    String title =
        brand
            + " "
            + category.stems().get(random.nextInt(category.stems().size()))
            + " "
            + SUFFIXES[random.nextInt(SUFFIXES.length)]
            + " "
            + (char) ('A' + index % 26)
            + (index / 26 + 1);
    long basePrice = price(category);
    boolean withSkus = !category.properties().isEmpty() && random.nextInt(10) != 0;
    Instant listTime =
        TopTime.seconds(now.minus(Duration.ofSeconds(86_400L + random.nextLong(365L * 86_400))));
    Instant modified =
        listTime.plusSeconds(random.nextLong(Duration.between(listTime, now).getSeconds()));
    List<SandboxSku> skus =
        withSkus ? skus(category, outerId, basePrice, modified) : List.of();
    int quantity =
        skus.isEmpty() ? stockLevel() : skus.stream().mapToInt(SandboxSku::quantity).sum();
    StockMode mode = random.nextInt(10) < 3 ? StockMode.ON_CREATION : StockMode.ON_PAYMENT;
    long price = skus.stream().mapToLong(SandboxSku::priceFen).min().orElse(basePrice);
    return new SandboxItem(
        numIid,
        title,
        outerId,
        category.cid(),
        price,
        quantity,
        random.nextInt(10) == 0 ? "instock" : "onsale",
        listTime,
        modified,
        random.nextInt(5_000),
        picture(),
        skus,
        mode,
        0);
  }

  private List<SandboxSku> skus(
      ProductCatalog.Category category, String itemOuterId, long base, Instant modified) {
    List<int[]> combinations = combinations(category.properties());
    int wanted = 1 + random.nextInt(Math.min(6, combinations.size()));
    List<SandboxSku> skus = new ArrayList<>(wanted);
    for (int k = 0; k < wanted; k++) {
      int[] choice = combinations.remove(random.nextInt(combinations.size()));
      boolean withoutCode = wanted == 1 ? random.nextBoolean() : random.nextInt(100) < 3;
      String outerId = withoutCode ? null : itemOuterId + "-" + String.format("%02d", k + 1);
      skus.add(sku(category.properties(), choice, outerId, base, modified));
    }
    return skus;
  }

  private SandboxSku sku(
      List<ProductCatalog.Property> properties,
      int[] choice,
      @Nullable String outerId,
      long base,
      Instant modified) {
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int p = 0; p < properties.size(); p++) {
      ProductCatalog.Property property = properties.get(p);
      String id = property.pid() + ":" + (property.vidBase() + choice[p]);
      ids.add(id);
      names.add(id + ":" + property.name() + ":" + property.values().get(choice[p]));
    }
    long price = base + choice[choice.length - 1] * 1_000L;
    int quantity = stockLevel();
    skuSequence++;
    long skuId =
        SKU_ID_BASE + shopIndex * SHOP_ID_RANGE * 10 + skuSequence * 1_009L + random.nextInt(1_000);
    return new SandboxSku(
        skuId,
        outerId,
        String.join(";", ids),
        String.join(";", names),
        price,
        quantity,
        modified,
        0);
  }

  /** 10% sold out, 60% 20–999 units, 30% 1,000–20,000 (best-sellers stocked for Double 11). */
  private int stockLevel() {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return 0;
    }
    return roll < 7 ? 20 + random.nextInt(980) : 1_000 + random.nextInt(19_001);
  }

  /** The uniform catalog: no random draws, predictable codes, ids and prices. */
  private List<SandboxItem> uniform(CatalogSpec spec, String brand) {
    int skusPerItem = spec.skusPerItem();
    ProductCatalog.Category category = ProductCatalog.CATEGORIES.get(0);
    List<ProductCatalog.Property> properties =
        skusPerItem <= 25 ? category.properties() : List.of(specification(skusPerItem));
    List<int[]> combinations = skusPerItem == 0 ? List.of() : combinations(properties);
    Instant listTime = TopTime.seconds(now.minus(Duration.ofDays(30)));
    Instant modified = TopTime.seconds(now.minus(Duration.ofDays(1)));
    String picture = picture();
    String stem = category.stems().get(0);
    int range = category.maxYuan() - category.minYuan() + 1;
    long itemBase = ITEM_ID_BASE + shopIndex * SHOP_ID_RANGE;
    long skuBase = SKU_ID_BASE + shopIndex * SHOP_ID_RANGE * 10;
    List<SandboxItem> items = new ArrayList<>(spec.itemCount());
    for (int i = 1; i <= spec.itemCount(); i++) {
      String outerId = spec.itemOuterId(i);
      long price = (category.minYuan() + (i * 37L) % range) * 100 - 10;
      List<SandboxSku> skus = new ArrayList<>(skusPerItem);
      for (int j = 1; j <= skusPerItem; j++) {
        int[] choice = combinations.get(j - 1);
        StringBuilder ids = new StringBuilder(40);
        StringBuilder names = new StringBuilder(60);
        for (int p = 0; p < properties.size(); p++) {
          ProductCatalog.Property property = properties.get(p);
          String id = property.pid() + ":" + (property.vidBase() + choice[p]);
          if (p > 0) {
            ids.append(';');
            names.append(';');
          }
          ids.append(id);
          names
              .append(id)
              .append(':')
              .append(property.name())
              .append(':')
              .append(property.values().get(choice[p]));
        }
        skus.add(
            new SandboxSku(
                skuBase + ((long) (i - 1) * skusPerItem + j) * 1_009L,
                spec.skuOuterId(i, j),
                ids.toString(),
                names.toString(),
                price + (j - 1) % 5 * 1_000L,
                spec.quantityPerSku(),
                modified,
                0));
      }
      int quantity =
          (int)
              Math.min(
                  Integer.MAX_VALUE, (long) spec.quantityPerSku() * Math.max(1, skusPerItem));
      items.add(
          new SandboxItem(
              itemBase + i * 1_009L,
              brand + " " + stem + " " + outerId,
              outerId,
              category.cid(),
              price,
              quantity,
              "onsale",
              listTime,
              modified,
              0,
              picture,
              skus,
              spec.stockMode(),
              0));
    }
    return items;
  }

  /** A sales property 规格 with {@code count} values, for uniform items with many SKUs. */
  private static ProductCatalog.Property specification(int count) {
    List<String> values = new ArrayList<>(count);
    for (int v = 1; v <= count; v++) {
      values.add("规格" + String.format(java.util.Locale.ROOT, "%03d", v));
    }
    return new ProductCatalog.Property(122216905, "规格", 9_000_000, values);
  }

  private static List<int[]> combinations(List<ProductCatalog.Property> properties) {
    List<int[]> combinations = new ArrayList<>();
    combinations.add(new int[0]);
    for (ProductCatalog.Property property : properties) {
      List<int[]> extended = new ArrayList<>();
      for (int[] prefix : combinations) {
        for (int v = 0; v < property.values().size(); v++) {
          int[] next = Arrays.copyOf(prefix, prefix.length + 1);
          next[prefix.length] = v;
          extended.add(next);
        }
      }
      combinations = extended;
    }
    return combinations;
  }

  /** A price in fen ending like real shop prices: .00, .90 or .99. */
  private long price(ProductCatalog.Category category) {
    long yuan = category.minYuan() + random.nextInt(category.maxYuan() - category.minYuan() + 1);
    long[] endings = {0, 0, 10, 1};
    return yuan * 100 - endings[random.nextInt(endings.length)];
  }

  private String picture() {
    StringBuilder name = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      name.append(PIC_CHARS.charAt(random.nextInt(PIC_CHARS.length())));
    }
    return "https://img.alicdn.com/imgextra/i"
        + (1 + random.nextInt(4))
        + "/O1CN01"
        + name
        + ".jpg";
  }

  private String hex(int bytes) {
    byte[] value = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      value[i] = (byte) random.nextInt(256);
    }
    return HexFormat.of().formatHex(value);
  }

  private static SandboxItem onSale(SandboxItem item) {
    return new SandboxItem(
        item.numIid(),
        item.title(),
        item.outerId(),
        item.cid(),
        item.priceFen(),
        item.quantity(),
        "onsale",
        item.listTime(),
        item.modified(),
        item.soldQuantity(),
        item.picUrl(),
        item.skus(),
        item.stockMode(),
        item.withHoldQuantity());
  }
}
