package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Publish rules, promotion locks and safety stock. */
@Repository
class RuleRepository {
  private static final String UPDATE_RULE = """
      update stock_rule set warehouses = :warehouses, percent = :percent, fixed_add = :fixedAdd, min_qty = :min, max_qty = :max,
             zero_below = :zeroBelow, safety = :safety, updated_at = :now
       where shop_id = :shop and num_iid = :numIid and sku_id = :skuId""";
  private static final String INSERT_RULE = """
      insert into stock_rule (shop_id, num_iid, sku_id, warehouses, percent, fixed_add, min_qty, max_qty, zero_below, safety, updated_at)
      values (:shop, :numIid, :skuId, :warehouses, :percent, :fixedAdd, :min, :max, :zeroBelow, :safety, :now)""";
  private static final String SELECT_RULES = "select * from stock_rule";
  private static final String INSERT_LOCK = """
      insert into stock_lock (shop_id, material, num_iid, sku_id, quantity, starts_at, ends_at, note, created_at)
      values (:shop, :material, :numIid, :skuId, :quantity, :from, :to, :note, :now)""";
  private static final String UPDATE_SAFETY = "update stock_safety set quantity = :quantity, updated_at = :now where material = :material";
  private static final String INSERT_SAFETY = "insert into stock_safety (material, quantity, updated_at) values (:material, :quantity, :now)";

  private final JdbcClient jdbc;

  RuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void putRule(StockRule r, Instant now) {
    Map<String, Object> p = new HashMap<>();
    p.put("shop", r.shop().value());
    p.put("numIid", r.numIid());
    p.put("skuId", r.skuId());
    p.put("warehouses", r.warehouses() == null ? null : String.join(",", r.warehouses()));
    p.put("percent", r.percent());
    p.put("fixedAdd", r.fixedAdd());
    p.put("min", r.min());
    p.put("max", r.max());
    p.put("zeroBelow", r.zeroBelow());
    p.put("safety", r.safety());
    p.put("now", Db.ts(now));
    if (jdbc.sql(UPDATE_RULE).params(p).update() == 0) {
      jdbc.sql(INSERT_RULE).params(p).update();
    }
  }

  boolean removeRule(ShopId shop, String numIid, String skuId) {
    return jdbc.sql("delete from stock_rule where shop_id = :shop and num_iid = :numIid and sku_id = :skuId")
        .param("shop", shop.value()).param("numIid", numIid).param("skuId", skuId).update() > 0;
  }

  /** Every rule, shop defaults first. */
  List<StockRule> rules() {
    return jdbc.sql(SELECT_RULES + " order by shop_id, num_iid, sku_id").query(RuleRepository::rule).list();
  }

  private static StockRule rule(ResultSet rs, int n) throws SQLException {
    String warehouses = rs.getString("warehouses");
    return new StockRule(new ShopId(rs.getLong("shop_id")), rs.getString("num_iid"), rs.getString("sku_id"),
        warehouses == null ? null : Arrays.asList(warehouses.split(",")), Db.intOrNull(rs, "percent"), Db.longOrNull(rs, "fixed_add"),
        Db.longOrNull(rs, "min_qty"), Db.longOrNull(rs, "max_qty"), Db.longOrNull(rs, "zero_below"), Db.longOrNull(rs, "safety"));
  }

  long addLock(PromotionLock l, Instant now) {
    jdbc.sql(INSERT_LOCK)
        .param("shop", l.shop().value())
        .param("material", l.material() == null ? null : l.material().value())
        .param("numIid", l.numIid())
        .param("skuId", l.skuId() == null ? "" : l.skuId())
        .param("quantity", l.quantity())
        .param("from", Db.ts(l.from()))
        .param("to", Db.ts(l.to()))
        .param("note", l.note())
        .param("now", Db.ts(now))
        .update();
    return jdbc.sql("select max(id) from stock_lock where shop_id = :shop").param("shop", l.shop().value()).query(Long.class).single();
  }

  boolean removeLock(long id) {
    return jdbc.sql("delete from stock_lock where id = :id").param("id", id).update() > 0;
  }

  /** Locks that have not ended before {@code since}, ordered by id. */
  List<PromotionLock> locks(@Nullable Instant since) {
    String where = since == null ? "" : " where ends_at >= :since";
    var spec = jdbc.sql("select * from stock_lock" + where + " order by id");
    if (since != null) {
      spec = spec.param("since", Db.ts(since));
    }
    return spec.query((rs, n) -> new PromotionLock(rs.getLong("id"), new ShopId(rs.getLong("shop_id")),
        rs.getString("material") == null ? null : new MaterialCode(rs.getString("material")), rs.getString("num_iid"),
        rs.getString("sku_id"), rs.getLong("quantity"), Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"), rs.getString("note")))
        .list();
  }

  void putSafety(MaterialCode material, long quantity, Instant now) {
    if (quantity == 0) {
      jdbc.sql("delete from stock_safety where material = :material").param("material", material.value()).update();
      return;
    }
    Map<String, Object> p = Map.of("material", material.value(), "quantity", quantity, "now", Db.ts(now));
    if (jdbc.sql(UPDATE_SAFETY).params(p).update() == 0) {
      jdbc.sql(INSERT_SAFETY).params(p).update();
    }
  }

  /** Safety stock of {@code materials} (absent = none): reads only their rows, by primary key. */
  Map<MaterialCode, Long> safety(Collection<MaterialCode> materials) {
    Map<MaterialCode, Long> result = new HashMap<>();
    List<String> codes = materials.stream().map(MaterialCode::value).distinct().toList();
    for (int from = 0; from < codes.size(); from += 500) {
      jdbc.sql("select material, quantity from stock_safety where material in (:materials)")
          .param("materials", codes.subList(from, Math.min(codes.size(), from + 500)))
          .query(rs -> {
            result.put(new MaterialCode(rs.getString("material")), rs.getLong("quantity"));
          });
    }
    return result;
  }

  Map<MaterialCode, Long> safety() {
    Map<MaterialCode, Long> result = new HashMap<>();
    jdbc.sql("select material, quantity from stock_safety").query(rs -> {
      result.put(new MaterialCode(rs.getString("material")), rs.getLong("quantity"));
    });
    return result;
  }
}
