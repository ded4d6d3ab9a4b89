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
 * Generates a shop from a seed: seller nick, app key/secret, session, and 40–120 items with 1–6
 * SKUs each (some without SKUs). Every item has an {@code outer_id}; a few SKUs have none: half of
 * the single-SKU items (where falling back on the item's code is safe) and about 3% of the SKUs of
 * multi-SKU items (where it is ambiguous).
 */
final class ShopGenerator {
  private static final String[] BRANDS = {"天猫测试", "云栖", "森屿", "南山", "知味", "青禾", "悦享", "木棉"};
  private static final String[] SUFFIXES = {"2025新款", "官方正品", "爆款", "限定款", "经典款"};
  private static final String PIC_CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final SplittableRandom random;
  private final Instant now;
  private long skuSequence;

  ShopGenerator(long seed, Instant now) {
    this.random = new SplittableRandom(seed);
    this.now = now;
  }

  /** Generates the shop; {@code itemCount} 0 lets the seed choose 40–120. */
  Shop generate(int itemCount) {
    String brand = BRANDS[random.nextInt(BRANDS.length)];
    SandboxCredentials credentials =
        new SandboxCredentials(
            String.valueOf(20_000_000 + random.nextInt(80_000_000)),
            hex(16),
            "6100" + hex(18) + (2_000_000_000L + random.nextLong(1_000_000_000L)),
            brand + "旗舰店");
    int count = itemCount > 0 ? itemCount : 40 + random.nextInt(81);
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
    long numIid = 600_000_000_000L + index * 1_000_003L + random.nextInt(1_000);
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
    List<SandboxSku> skus = withSkus ? skus(category, outerId, basePrice) : List.of();
    Instant listTime = now.minus(Duration.ofSeconds(86_400L + random.nextLong(365L * 86_400)));
    Instant modified =
        listTime.plusSeconds(random.nextLong(Duration.between(listTime, now).getSeconds()));
    int quantity =
        skus.isEmpty() ? random.nextInt(1_000) : skus.stream().mapToInt(SandboxSku::quantity).sum();
    long price = skus.stream().mapToLong(SandboxSku::priceFen).min().orElse(basePrice);
    return new SandboxItem(
        numIid,
        title,
        outerId,
        category.cid(),
        price,
        quantity,
        random.nextInt(10) == 0 ? "instock" : "onsale",
        TopTime.seconds(listTime),
        TopTime.seconds(modified),
        random.nextInt(5_000),
        picture(),
        skus);
  }

  private List<SandboxSku> skus(ProductCatalog.Category category, String itemOuterId, long base) {
    List<int[]> combinations = combinations(category.properties());
    int wanted = 1 + random.nextInt(Math.min(6, combinations.size()));
    List<SandboxSku> skus = new ArrayList<>(wanted);
    for (int k = 0; k < wanted; k++) {
      int[] choice = combinations.remove(random.nextInt(combinations.size()));
      boolean withoutCode = wanted == 1 ? random.nextBoolean() : random.nextInt(100) < 3;
      String outerId = withoutCode ? null : itemOuterId + "-" + String.format("%02d", k + 1);
      skus.add(sku(category.properties(), choice, outerId, base));
    }
    return skus;
  }

  private SandboxSku sku(
      List<ProductCatalog.Property> properties, int[] choice, @Nullable String outerId, long base) {
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int p = 0; p < properties.size(); p++) {
      ProductCatalog.Property property = properties.get(p);
      String id = property.pid() + ":" + (property.vidBase() + choice[p]);
      ids.add(id);
      names.add(id + ":" + property.name() + ":" + property.values().get(choice[p]));
    }
    long price = base + choice[choice.length - 1] * 1_000L;
    int quantity = random.nextInt(10) == 0 ? 0 : random.nextInt(1_000);
    skuSequence++;
    long skuId = 4_000_000_000_000L + skuSequence * 1_009L + random.nextInt(1_000);
    return new SandboxSku(
        skuId, outerId, String.join(";", ids), String.join(";", names), price, quantity);
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
        item.skus());
  }
}
