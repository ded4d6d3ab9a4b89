package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations of paid, undelivered units: one row per (shop, tid, oid, material). */
@Repository
class ReservationRepository {
  private static final String RESERVE = """
      insert into stock_reservation (shop_id, tid, oid, material, num_iid, sku_id, quantity, delivered, status, reserved_at, needs_push)
      values (:shop, :tid, :oid, :material, :numIid, :skuId, :quantity, 0, 'OPEN', :now, true)
      on conflict do nothing""";
  private static final String RELEASE_TRADE = """
      update stock_reservation set status = 'RELEASED', release_reason = :reason, released_at = :now
       where shop_id = :shop and tid = :tid and status = 'OPEN'""";
  private static final String RELEASE_LINE = RELEASE_TRADE + " and oid = :oid";
  private static final String DELIVER = """
      update stock_reservation
         set delivered = delivered + :quantity,
             status = case when delivered + :quantity >= quantity then 'RELEASED' else 'OPEN' end,
             release_reason = case when delivered + :quantity >= quantity then 'SHIPPED' else release_reason end,
             released_at = case when delivered + :quantity >= quantity then :now else released_at end
       where shop_id = :shop and tid = :tid and oid = :oid and material = :material and status = 'OPEN'""";
  private static final String OPEN_BY_MATERIAL = """
      select material, sum(quantity - delivered) as reserved from stock_reservation
       where status = 'OPEN' and material in (:materials) group by material""";
  private static final int CHUNK = 500;

  /** A row of no units, released at once, that only makes its listing due for a push ({@link PublicationRepository#NEEDS_PUSH}). */
  private static final String LISTING_DUE = """
      insert into stock_reservation (shop_id, tid, oid, material, num_iid, sku_id, quantity, delivered, status, release_reason, reserved_at,
                                     released_at, needs_push)
      values (:shop, :tid, :oid, '-', :numIid, :skuId, 0, 0, 'RELEASED', 'CLOSED', :now, :now, true)
      on conflict do nothing""";

  private final JdbcClient jdbc;

  ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return whether the row is new (false when this line was reserved before) */
  boolean reserve(ShopId shop, String tid, String oid, MaterialCode material, String numIid, String skuId, long quantity, Instant now) {
    return jdbc.sql(RESERVE).param("shop", shop.value()).param("tid", tid).param("oid", oid).param("material", material.value())
        .param("numIid", numIid).param("skuId", skuId).param("quantity", quantity).param("now", Db.ts(now)).update() == 1;
  }

  /**
   * Makes a listing due for a push whatever its figure, as a new reservation does, without
   * reserving anything: Tmall changed the figure itself (see {@code UnpaidTradeClosed}).
   */
  void markListingDue(ShopId shop, String tid, int index, String numIid, String skuId, Instant now) {
    jdbc.sql(LISTING_DUE).param("shop", shop.value()).param("tid", tid).param("oid", "listing-" + index).param("numIid", numIid)
        .param("skuId", skuId).param("now", Db.ts(now)).update();
  }

  /** Releases the open rows of a trade (all its lines, or only {@code oid}); returns their materials. */
  List<MaterialCode> release(ShopId shop, String tid, String oid, String reason, Instant now) {
    List<MaterialCode> materials = openMaterials(shop, tid, oid);
    var spec = jdbc.sql(oid == null ? RELEASE_TRADE : RELEASE_LINE).param("shop", shop.value()).param("tid", tid)
        .param("reason", reason).param("now", Db.ts(now));
    if (oid != null) {
      spec = spec.param("oid", oid);
    }
    spec.update();
    return materials;
  }

  /** Counts delivered units against an open row, releasing it once all its units left. */
  boolean deliver(ShopId shop, String tid, String oid, MaterialCode material, long quantity, Instant now) {
    return jdbc.sql(DELIVER).param("shop", shop.value()).param("tid", tid).param("oid", oid).param("material", material.value())
        .param("quantity", quantity).param("now", Db.ts(now)).update() > 0;
  }

  /** Open (reserved, undelivered) units per material, over every shop. */
  Map<MaterialCode, Long> openByMaterial(Collection<MaterialCode> materials) {
    Map<MaterialCode, Long> result = new HashMap<>();
    List<String> codes = materials.stream().map(MaterialCode::value).distinct().toList();
    for (int from = 0; from < codes.size(); from += CHUNK) {
      jdbc.sql(OPEN_BY_MATERIAL).param("materials", codes.subList(from, Math.min(codes.size(), from + CHUNK)))
          .query(rs -> {
            result.put(new MaterialCode(rs.getString("material")), rs.getLong("reserved"));
          });
    }
    return result;
  }

  private List<MaterialCode> openMaterials(ShopId shop, String tid, String oid) {
    String sql = "select distinct material from stock_reservation where shop_id = :shop and tid = :tid and status = 'OPEN'"
        + (oid == null ? "" : " and oid = :oid");
    var spec = jdbc.sql(sql).param("shop", shop.value()).param("tid", tid);
    if (oid != null) {
      spec = spec.param("oid", oid);
    }
    return new ArrayList<>(spec.query(String.class).list().stream().map(MaterialCode::new).toList());
  }
}
