package com.tmallbridge.stock;

import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per listing: the wanted figure, the last pushed one, the last error, whether a push is queued. */
@Repository
class PublicationRepository {
  /**
   * A row needs a push when its figure differs from the pushed one and did not just fail with it —
   * or when a sale was reserved on it that no push followed: Tmall deducted the sale from what it
   * shows itself, so the pushed figure is no longer Tmall's even if the wanted one comes out equal
   * (a receipt or a return may offset the sale).
   */
  static final String NEEDS_PUSH = """
      ((pushed is null or pushed <> wanted or force_push or exists (select 1 from stock_reservation r where r.needs_push
         and r.shop_id = stock_publication.shop_id and r.num_iid = stock_publication.num_iid and r.sku_id = stock_publication.sku_id))
       and (failed_quantity is null or failed_quantity <> wanted or force_push))""";
  private static final String SALES_PUSHED = """
      update stock_reservation set needs_push = false
       where needs_push and shop_id = :shop and num_iid = :numIid and sku_id = :skuId and reserved_at <= :started""";
  private static final String UPDATE = """
      update stock_publication set components = :components, wanted = :wanted, computed_at = :now
       where shop_id = :shop and num_iid = :numIid and sku_id = :skuId""";
  private static final String INSERT = """
      insert into stock_publication (shop_id, num_iid, sku_id, components, wanted, computed_at, force_push)
      values (:shop, :numIid, :skuId, :components, :wanted, :now, false)""";
  private static final String ITEMS_TO_PUSH = "select distinct shop_id, num_iid from stock_publication where " + NEEDS_PUSH
      + " and (pending_since is null or pending_since < :stale) order by shop_id, num_iid";
  private static final String ROWS_TO_PUSH = "select * from stock_publication where shop_id = :shop and num_iid = :numIid and "
      + NEEDS_PUSH + " order by sku_id";
  private static final String PUSHED = """
      update stock_publication set pushed = :quantity, pushed_at = :now, last_error_code = null, last_error = null, error_at = null,
             failed_quantity = null, force_push = false
       where shop_id = :shop and num_iid = :numIid and sku_id = :skuId""";
  private static final String FAILED = """
      update stock_publication set last_error_code = :code, last_error = :message, error_at = :now, failed_quantity = :quantity,
             force_push = false
       where shop_id = :shop and num_iid = :numIid and sku_id = :skuId""";

  private final JdbcClient jdbc;

  PublicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Listings whose last successful push is at or after {@code since}, of {@code shops} (null = all). */
  long pushedSince(Instant since, @Nullable Collection<ShopId> shops) {
    var spec = jdbc.sql("select count(*) from stock_publication where pushed_at >= :since"
        + (shops == null ? "" : " and shop_id in (:shops)")).param("since", Db.ts(since));
    if (shops != null) {
      spec = spec.param("shops", shops.stream().map(ShopId::value).toList());
    }
    return spec.query(Long.class).single();
  }

  void putWanted(ShopId shop, String numIid, String skuId, String components, long wanted, Instant now) {
    var p = new java.util.HashMap<String, Object>();
    p.put("shop", shop.value());
    p.put("numIid", numIid);
    p.put("skuId", skuId);
    p.put("components", components.length() > 1000 ? components.substring(0, 1000) : components);
    p.put("wanted", wanted);
    p.put("now", Db.ts(now));
    if (jdbc.sql(UPDATE).params(p).update() == 0) {
      jdbc.sql(INSERT).params(p).update();
    }
  }

  /** Items with a SKU to push and no push queued (or one queued before {@code staleBefore}). */
  List<ItemKey> itemsToPush(Instant staleBefore) {
    return jdbc.sql(ITEMS_TO_PUSH).param("stale", Db.ts(staleBefore))
        .query((rs, n) -> new ItemKey(new ShopId(rs.getLong("shop_id")), rs.getString("num_iid"))).list();
  }

  void markPending(ItemKey item, @Nullable Instant since) {
    jdbc.sql("update stock_publication set pending_since = :since where shop_id = :shop and num_iid = :numIid")
        .param("since", Db.ts(since)).param("shop", item.shop().value()).param("numIid", item.numIid()).update();
  }

  List<Row> rowsToPush(ItemKey item) {
    return jdbc.sql(ROWS_TO_PUSH).param("shop", item.shop().value()).param("numIid", item.numIid()).query(PublicationRepository::row).list();
  }

  /**
   * Records a pushed figure; the sales reserved on the listing before the push started ({@code
   * started}) need no push of their own any more: Tmall deducted them before this figure replaced
   * its own.
   */
  void recordPushed(ItemKey item, String skuId, long quantity, Instant now, Instant started) {
    jdbc.sql(PUSHED).param("quantity", quantity).param("now", Db.ts(now)).param("shop", item.shop().value())
        .param("numIid", item.numIid()).param("skuId", skuId).update();
    jdbc.sql(SALES_PUSHED).param("shop", item.shop().value()).param("numIid", item.numIid()).param("skuId", skuId)
        .param("started", Db.ts(started)).update();
  }

  void recordFailed(ItemKey item, String skuId, long quantity, String code, String message, Instant now) {
    jdbc.sql(FAILED).param("code", code).param("message", message.length() > 1000 ? message.substring(0, 1000) : message)
        .param("now", Db.ts(now)).param("quantity", quantity).param("shop", item.shop().value()).param("numIid", item.numIid())
        .param("skuId", skuId).update();
  }

  /** Marks rows to be pushed again even when their figure did not change; returns how many. */
  int force(@Nullable ShopId shop, @Nullable String numIid, @Nullable String skuId) {
    StringBuilder sql = new StringBuilder("update stock_publication set force_push = true, failed_quantity = null where 1 = 1");
    var p = new java.util.HashMap<String, Object>();
    if (shop != null) {
      sql.append(" and shop_id = :shop");
      p.put("shop", shop.value());
    }
    if (numIid != null) {
      sql.append(" and num_iid = :numIid");
      p.put("numIid", numIid);
    }
    if (skuId != null) {
      sql.append(" and sku_id = :skuId");
      p.put("skuId", skuId);
    }
    return jdbc.sql(sql.toString()).params(p).update();
  }

  /** Rows of a shop (or all), ordered by shop, item, SKU. */
  List<Row> rows(@Nullable ShopId shop) {
    String where = shop == null ? "" : " where shop_id = :shop";
    var spec = jdbc.sql("select * from stock_publication" + where + " order by shop_id, num_iid, sku_id");
    if (shop != null) {
      spec = spec.param("shop", shop.value());
    }
    return spec.query(PublicationRepository::row).list();
  }

  /** Removes rows of a shop's listings that are no longer listed. */
  void retain(ShopId shop, Collection<String> keys) {
    for (Row r : rows(shop)) {
      if (!keys.contains(r.numIid() + "/" + r.skuId())) {
        jdbc.sql("delete from stock_publication where shop_id = :shop and num_iid = :numIid and sku_id = :skuId")
            .param("shop", shop.value()).param("numIid", r.numIid()).param("skuId", r.skuId()).update();
      }
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(new ShopId(rs.getLong("shop_id")), rs.getString("num_iid"), rs.getString("sku_id"), rs.getString("components"),
        rs.getLong("wanted"), Db.instant(rs, "computed_at"), Db.longOrNull(rs, "pushed"), Db.instant(rs, "pushed_at"),
        rs.getString("last_error_code"), rs.getString("last_error"), Db.longOrNull(rs, "failed_quantity"), rs.getBoolean("force_push"),
        Db.instant(rs, "pending_since"));
  }

  /** A Tmall item of a shop: the unit of one push message (so pushes of one item stay ordered). */
  record ItemKey(ShopId shop, String numIid) {
    String aggregateId() {
      return shop.value() + ":" + numIid;
    }
  }

  record Row(
      ShopId shop, String numIid, String skuId, String components, long wanted, Instant computedAt, @Nullable Long pushed,
      @Nullable Instant pushedAt, @Nullable String lastErrorCode, @Nullable String lastError, @Nullable Long failedQuantity,
      boolean forcePush, @Nullable Instant pendingSince) {}
}
