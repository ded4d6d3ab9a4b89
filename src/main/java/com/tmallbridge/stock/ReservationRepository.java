package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reservations of paid, undelivered units: one row per (shop, tid, oid, material). The only writer of
 * {@code stock_reservation}'s units and status: every change of an open row's units is reported to
 * {@link ReservedTotals} in the same transaction.
 */
@Repository
class ReservationRepository {
  private static final String RESERVE = """
      insert into stock_reservation (shop_id, tid, oid, material, num_iid, sku_id, quantity, delivered, status, reserved_at, needs_push)
      values (?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?, true)
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
  private static final String OPEN_ROW = """
      select quantity, delivered from stock_reservation
       where shop_id = :shop and tid = :tid and oid = :oid and material = :material and status = 'OPEN' for update""";

  /** A row of no units, released at once, that only makes its listing due for a push ({@link PublicationRepository#NEEDS_PUSH}). */
  private static final String LISTING_DUE = """
      insert into stock_reservation (shop_id, tid, oid, material, num_iid, sku_id, quantity, delivered, status, release_reason, reserved_at,
                                     released_at, needs_push)
      values (:shop, :tid, :oid, '-', :numIid, :skuId, 0, 0, 'RELEASED', 'CLOSED', :now, :now, true)
      on conflict do nothing""";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ReservedTotals totals;

  ReservationRepository(JdbcClient jdbc, JdbcTemplate template, ReservedTotals totals) {
    this.jdbc = jdbc;
    this.template = template;
    this.totals = totals;
  }

  /** @return whether the row is new (false when this line was reserved before) */
  boolean reserve(ShopId shop, String tid, String oid, MaterialCode material, String numIid, String skuId, long quantity, Instant now) {
    return reserveAll(List.of(new NewReservation(shop, tid, oid, material, numIid, skuId, quantity)), now)[0];
  }

  /**
   * A line to reserve.
   *
   * @param quantity units, positive
   */
  record NewReservation(ShopId shop, String tid, String oid, MaterialCode material, String numIid, String skuId, long quantity) {}

  /**
   * Reserves several lines as {@link #reserve} one after the other would, in one JDBC batch.
   *
   * @return per line, in list order, whether its row is new
   * @throws IllegalStateException when the driver does not report each statement's count (PgJDBC
   *     with {@code reWriteBatchedInserts}), since the totals would then go wrong
   */
  boolean[] reserveAll(List<NewReservation> lines, Instant now) {
    boolean[] created = new boolean[lines.size()];
    if (lines.isEmpty()) {
      return created;
    }
    Object ts = Db.ts(now);
    List<Object[]> rows = new ArrayList<>(lines.size());
    for (NewReservation r : lines) {
      rows.add(new Object[] {r.shop().value(), r.tid(), r.oid(), r.material().value(), r.numIid(), r.skuId(), r.quantity(), ts});
    }
    int[] counts = template.batchUpdate(RESERVE, rows);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalStateException("the JDBC driver did not report whether reservation " + lines.get(i) + " is new");
      }
      created[i] = counts[i] == 1;
      if (created[i]) {
        totals.add(lines.get(i).material(), lines.get(i).quantity());
      }
    }
    return created;
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
    Map<MaterialCode, Long> open = openUnits(shop, tid, oid);
    var spec = jdbc.sql(oid == null ? RELEASE_TRADE : RELEASE_LINE).param("shop", shop.value()).param("tid", tid)
        .param("reason", reason).param("now", Db.ts(now));
    if (oid != null) {
      spec = spec.param("oid", oid);
    }
    spec.update();
    open.forEach((material, units) -> totals.add(material, -units));
    return new ArrayList<>(open.keySet());
  }

  /** Counts delivered units against an open row, releasing it once all its units left. */
  boolean deliver(ShopId shop, String tid, String oid, MaterialCode material, long quantity, Instant now) {
    Map<String, Object> key = Map.of("shop", shop.value(), "tid", tid, "oid", oid, "material", material.value());
    Optional<long[]> row = jdbc.sql(OPEN_ROW).params(key).query((rs, n) -> new long[] {rs.getLong("quantity"), rs.getLong("delivered")})
        .optional();
    if (row.isEmpty()) {
      return false;
    }
    jdbc.sql(DELIVER).params(key).param("quantity", quantity).param("now", Db.ts(now)).update();
    long open = row.get()[0] - row.get()[1];
    // as DELIVER's case: a row whose units all left is released, so all it still held stops counting
    totals.add(material, -(row.get()[1] + quantity >= row.get()[0] ? open : quantity));
    return true;
  }

  /** Open (reserved, undelivered) units per material, over every shop (absent = none). */
  Map<MaterialCode, Long> openByMaterial(Collection<MaterialCode> materials) {
    return totals.reserved(materials);
  }

  /** Locks the open rows of a trade (or of its line {@code oid}) and sums their open units per material, in material order. */
  private Map<MaterialCode, Long> openUnits(ShopId shop, String tid, String oid) {
    String sql = "select material, quantity - delivered as units from stock_reservation where shop_id = :shop and tid = :tid"
        + " and status = 'OPEN'" + (oid == null ? "" : " and oid = :oid") + " order by material for update";
    var spec = jdbc.sql(sql).param("shop", shop.value()).param("tid", tid);
    if (oid != null) {
      spec = spec.param("oid", oid);
    }
    Map<MaterialCode, Long> units = new LinkedHashMap<>();
    spec.query(rs -> {
      units.merge(new MaterialCode(rs.getString("material")), rs.getLong("units"), Long::sum);
    });
    return units;
  }
}
