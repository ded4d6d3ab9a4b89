package com.tmallbridge.stock;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelSku;
import com.tmallbridge.channel.ItemCatalog;
import com.tmallbridge.channel.QuantityUpdate;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.StockPublisher;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.Listing;
import com.tmallbridge.product.Listings;
import com.tmallbridge.testsupport.TestErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** In-memory listings and a fake Tmall that holds quantities, counts calls and can reject SKUs. */
final class StockFakes {
  private StockFakes() {}

  static final class FakeListings implements Listings {
    final List<Listing> all = new CopyOnWriteArrayList<>();

    void add(long shop, String numIid, String skuId, Component... components) {
      all.add(new Listing(new ShopId(shop), numIid, skuId, null, List.of(components)));
    }

    @Override
    public List<Listing> ofShop(ShopId shop) {
      return all.stream().filter(l -> l.shop().equals(shop)).toList();
    }

    @Override
    public List<Listing> using(Collection<MaterialCode> materials) {
      return all.stream().filter(l -> l.components().stream().anyMatch(c -> materials.contains(c.material()))).toList();
    }
  }

  /** A fake Tmall: quantities per (shop, item, SKU); SKU ids in {@link #rejected} fail permanently. */
  static final class FakeTmall implements StockPublisher, ItemCatalog {
    final Map<String, Long> quantities = new ConcurrentHashMap<>();
    final Set<String> rejected = ConcurrentHashMap.newKeySet();
    final List<String> calls = new CopyOnWriteArrayList<>();

    static String key(ShopId shop, String numIid, String skuId) {
      return shop.value() + "/" + numIid + "/" + skuId;
    }

    long shown(long shop, String numIid, String skuId) {
      return quantities.getOrDefault(key(new ShopId(shop), numIid, skuId), -1L);
    }

    @Override
    public QuantityUpdate setSkuQuantities(ShopCredentials shop, String numIid, Map<String, Long> bySku) {
      if (bySku.size() > MAX_SKUS_PER_CALL) {
        throw new IllegalArgumentException("too many SKUs: " + bySku.size());
      }
      calls.add("skus " + numIid + " " + bySku.keySet());
      for (String sku : bySku.keySet()) {
        if (rejected.contains(sku)) {
          throw rejection(sku);
        }
      }
      bySku.forEach((sku, q) -> quantities.put(key(shop.shop(), numIid, sku), q));
      return new QuantityUpdate(numIid, 0, bySku, Instant.EPOCH);
    }

    @Override
    public QuantityUpdate setItemQuantity(ShopCredentials shop, String numIid, String skuId, long quantity) {
      calls.add("item " + numIid + " " + skuId);
      if (skuId != null && rejected.contains(skuId)) {
        throw rejection(skuId);
      }
      quantities.put(key(shop.shop(), numIid, skuId == null ? "" : skuId), quantity);
      return new QuantityUpdate(numIid, quantity, skuId == null ? Map.of() : Map.of(skuId, quantity), Instant.EPOCH);
    }

    private static ChannelException rejection(String sku) {
      return new ChannelException(new TestErrorCode("TEST-001", "sku rejected"), ChannelException.Kind.PERMANENT,
          "isv.item-quantity-update-failed: sku " + sku + " unknown", null, null);
    }

    @Override
    public void onSaleItems(ShopCredentials shop, Consumer<List<ChannelItem>> pageSink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ChannelItem> item(ShopCredentials shop, String numIid) {
      return items(shop, List.of(numIid)).stream().findFirst();
    }

    @Override
    public List<ChannelItem> items(ShopCredentials shop, Collection<String> numIids) {
      List<ChannelItem> result = new ArrayList<>();
      for (String numIid : numIids) {
        String prefix = shop.shop().value() + "/" + numIid + "/";
        List<ChannelSku> skus = new ArrayList<>();
        long[] itemQuantity = {0};
        quantities.forEach((k, q) -> {
          if (k.startsWith(prefix)) {
            String sku = k.substring(prefix.length());
            if (sku.isEmpty()) {
              itemQuantity[0] = q;
            } else {
              skus.add(new ChannelSku(sku, null, null, null, 100, (int) (long) q));
              itemQuantity[0] += q;
            }
          }
        });
        result.add(new ChannelItem(numIid, "item " + numIid, null, 100, (int) itemQuantity[0], "onsale", skus));
      }
      return result;
    }
  }

  @TestConfiguration
  static class Beans {
    @Bean
    @Primary
    FakeListings fakeListings() {
      return new FakeListings();
    }

    @Bean
    @Primary
    FakeTmall fakeTmall() {
      return new FakeTmall();
    }
  }
}
