package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product_sku_mapping} table: mappings by hand, keyed (shop, num_iid, sku_id ''). */
@Repository
class MappingRepository {
  private static final String BY_ITEMS =
      "select num_iid, sku_id, material_code from product_sku_mapping where shop_id = :shop and num_iid in (:ids)";
  private static final String UPDATE =
      "update product_sku_mapping set material_code = ? where shop_id = ? and num_iid = ? and sku_id = ?";
  private static final String INSERT =
      "insert into product_sku_mapping (shop_id, num_iid, sku_id, material_code, created_at) values (?, ?, ?, ?, ?)";
  private static final String DELETE = "delete from product_sku_mapping where shop_id = ? and num_iid = ? and sku_id = ?";
  private static final String ALL =
      "select shop_id, num_iid, sku_id, material_code, created_at from product_sku_mapping order by shop_id, num_iid, sku_id";
  private static final int IN_LIST_CHUNK = 1000;

  private final JdbcClient jdbc;

  MappingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String key(String numIid, @Nullable String skuId) {
    return numIid + "|" + (skuId == null ? "" : skuId);
  }

  /** Code per {@link #key} for the given items of a shop. */
  Map<String, String> byItems(ShopId shop, Collection<String> numIids) {
    Map<String, String> map = new HashMap<>();
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(numIids));
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      jdbc.sql(BY_ITEMS)
          .param("shop", shop.value())
          .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
          .query(rs -> { map.put(key(rs.getString(1), rs.getString(2)), rs.getString(3)); });
    }
    return map;
  }

  void put(ShopId shop, String numIid, String skuId, String code, Instant now) {
    if (jdbc.sql(UPDATE).params(code, shop.value(), numIid, skuId).update() == 0) {
      jdbc.sql(INSERT).params(shop.value(), numIid, skuId, code, now.atOffset(ZoneOffset.UTC)).update();
    }
  }

  boolean remove(ShopId shop, String numIid, String skuId) {
    return jdbc.sql(DELETE).params(shop.value(), numIid, skuId).update() > 0;
  }

  List<SkuMapping> all() {
    return jdbc.sql(ALL)
        .query((rs, n) -> new SkuMapping(new ShopId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class).toInstant()))
        .list();
  }
}
