package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.ArrayList;
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

  /**
   * The dirty materials marked so far, with the marks read. Clear exactly those marks ({@link
   * #clearDirty}): a mark another transaction inserted before but committed after this read has a
   * lower id than marks read here, and clearing "every id up to the highest read" would delete it
   * unprocessed.
   */
  Dirty dirty() {
    Set<MaterialCode> materials = new LinkedHashSet<>();
    List<Long> ids = new ArrayList<>();
    jdbc.sql("select id, material from stock_dirty order by id").query(rs -> {
      ids.add(rs.getLong(1));
      materials.add(new MaterialCode(rs.getString(2)));
    });
    return new Dirty(materials, ids);
  }

  /** Deletes the marks {@link #dirty} read (in one JDBC batch). */
  void clearDirty(Dirty read) {
    if (!read.ids().isEmpty()) {
      template.batchUpdate("delete from stock_dirty where id = ?", read.ids().stream().map(id -> new Object[] {id}).toList());
    }
  }

  /** Dirty materials and the ids of the marks that named them. */
  record Dirty(Set<MaterialCode> materials, List<Long> ids) {}

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
