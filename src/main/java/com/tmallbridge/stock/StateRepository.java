package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dirty materials, oversell flags and feed cursors of the stock flow. */
@Repository
class StateRepository {
  private static final String INSERT_OVERSELL = """
      insert into stock_oversell (shop_id, tid, material, num_iid, sku_id, ordered, sellable, shortfall, created_at)
      values (:shop, :tid, :material, :numIid, :skuId, :ordered, :sellable, :shortfall, :now)
      on conflict do nothing""";
  private static final String SELECT_OVERSELL = """
      select o.*, s.code from stock_oversell o join shop s on s.id = o.shop_id""";
  private static final String UPDATE_CURSOR = "update stock_cursor set position = :position, updated_at = :now where feed = :feed and erp = :erp";
  private static final String INSERT_CURSOR = "insert into stock_cursor (feed, erp, position, updated_at) values (:feed, :erp, :position, :now)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  StateRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Marks materials for recomputation: one row per distinct material, inserted in one batch. */
  void markDirty(Collection<MaterialCode> materials) {
    List<Object[]> rows = new LinkedHashSet<>(materials).stream().map(m -> new Object[] {m.value()}).toList();
    if (!rows.isEmpty()) {
      template.batchUpdate("insert into stock_dirty (material) values (?)", rows);
    }
  }

  /** The dirty materials up to the highest mark now, and that mark (0 when none). */
  Dirty dirty() {
    long upTo = jdbc.sql("select coalesce(max(id), 0) from stock_dirty").query(Long.class).single();
    Set<MaterialCode> materials = new LinkedHashSet<>();
    jdbc.sql("select distinct material from stock_dirty where id <= :upTo").param("upTo", upTo).query(String.class).list()
        .forEach(m -> materials.add(new MaterialCode(m)));
    return new Dirty(materials, upTo);
  }

  void clearDirty(long upTo) {
    jdbc.sql("delete from stock_dirty where id <= :upTo").param("upTo", upTo).update();
  }

  record Dirty(Set<MaterialCode> materials, long upTo) {}

  void flagOversell(ShopId shop, String tid, MaterialCode material, String numIid, String skuId, long ordered, long sellable, Instant now) {
    jdbc.sql(INSERT_OVERSELL).param("shop", shop.value()).param("tid", tid).param("material", material.value()).param("numIid", numIid)
        .param("skuId", skuId).param("ordered", ordered).param("sellable", sellable).param("shortfall", ordered - Math.max(0, sellable))
        .param("now", Db.ts(now)).update();
  }

  List<Oversell> oversells(@Nullable ShopId shop, int limit) {
    String where = shop == null ? "" : " where o.shop_id = :shop";
    var spec = jdbc.sql(SELECT_OVERSELL + where + " order by o.created_at desc, o.tid limit :limit").param("limit", limit);
    if (shop != null) {
      spec = spec.param("shop", shop.value());
    }
    return spec.query((rs, n) -> new Oversell(rs.getString("code"), rs.getString("tid"), rs.getString("num_iid"), rs.getString("sku_id"),
        rs.getString("material"), rs.getLong("ordered"), rs.getLong("sellable"), rs.getLong("shortfall"), Db.instant(rs, "created_at")))
        .list();
  }

  Optional<String> cursor(String feed, String erp) {
    return jdbc.sql("select position from stock_cursor where feed = :feed and erp = :erp").param("feed", feed).param("erp", erp)
        .query(String.class).optional();
  }

  void moveCursor(String feed, String erp, String position, Instant now) {
    Map<String, Object> p = Map.of("feed", feed, "erp", erp, "position", position, "now", Db.ts(now));
    if (jdbc.sql(UPDATE_CURSOR).params(p).update() == 0) {
      jdbc.sql(INSERT_CURSOR).params(p).update();
    }
  }
}
