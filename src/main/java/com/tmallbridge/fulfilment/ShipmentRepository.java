package com.tmallbridge.fulfilment;

import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Shipment rows and the delivery cursor. Methods join the caller's transaction. */
@Repository
class ShipmentRepository {
  private static final String INSERT = """
      insert into fulfilment_shipment (erp, delivery_no, sales_order_no, shop_id, tid, oids, whole_trade, erp_carrier,
                                       tracking_no, state, reason_code, message, retries, shipped_at, created_at, updated_at)
      values (:erp, :deliveryNo, :salesOrderNo, :shop, :tid, :oids, :whole, :carrier, :tracking, :state, :reason, :message, 0,
              :shippedAt, :now, :now)""";
  private static final String SELECT_VIEW = """
      select f.*, s.code from fulfilment_shipment f join shop s on s.id = f.shop_id""";
  private static final String SET_STATE = """
      update fulfilment_shipment set state = :state, reason_code = :reason, message = :message, updated_at = :now
       where id = :id""";
  private static final String UPDATE_CURSOR =
      "update fulfilment_cursor set position = :position, updated_at = :now where feed = :feed and erp = :erp";
  private static final String INSERT_CURSOR =
      "insert into fulfilment_cursor (feed, erp, position, updated_at) values (:feed, :erp, :position, :now)";

  private final JdbcClient jdbc;

  ShipmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A shipment row as the flow needs it. */
  record Row(long id, ShopId shop, String tid, List<String> oids, boolean wholeTrade, @Nullable String erpCarrier,
      @Nullable String companyCode, @Nullable String trackingNo, ShipmentState state, @Nullable String outboxMessage, int retries) {}

  /** A new row for an ERP delivery. */
  record NewShipment(String erp, String deliveryNo, String salesOrderNo, ShopId shop, String tid, List<String> oids, boolean wholeTrade,
      @Nullable String erpCarrier, @Nullable String trackingNo, ShipmentState state, @Nullable String reasonCode,
      @Nullable String message, Instant shippedAt) {}

  boolean exists(String erp, String deliveryNo) {
    return jdbc.sql("select count(*) from fulfilment_shipment where erp = :erp and delivery_no = :no").param("erp", erp)
        .param("no", deliveryNo).query(Long.class).single() > 0;
  }

  /** Whether the trade has a parcel other than {@code exceptId} that carries sub-orders (not a gifts-only one). */
  boolean hasOtherParcel(ShopId shop, String tid, long exceptId) {
    return jdbc.sql("""
        select count(*) from fulfilment_shipment where shop_id = :shop and tid = :tid and state <> 'SKIPPED' and id <> :id""")
        .param("shop", shop.value()).param("tid", tid).param("id", exceptId).query(Long.class).single() > 0;
  }

  long insert(NewShipment s, Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT).param("erp", s.erp()).param("deliveryNo", s.deliveryNo()).param("salesOrderNo", s.salesOrderNo())
        .param("shop", s.shop().value()).param("tid", s.tid()).param("oids", String.join(",", s.oids())).param("whole", s.wholeTrade())
        .param("carrier", s.erpCarrier()).param("tracking", s.trackingNo()).param("state", s.state().name())
        .param("reason", s.reasonCode()).param("message", clip(s.message())).param("shippedAt", Db.ts(s.shippedAt()))
        .param("now", Db.ts(now)).update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select * from fulfilment_shipment where id = :id").param("id", id).query(ShipmentRepository::row).optional();
  }

  Optional<Row> findByMessage(String outboxMessage) {
    return jdbc.sql("select * from fulfilment_shipment where outbox_message = :m").param("m", outboxMessage)
        .query(ShipmentRepository::row).optional();
  }

  void queued(long id, String outboxMessage, Instant now) {
    jdbc.sql("update fulfilment_shipment set outbox_message = :m, updated_at = :now where id = :id").param("m", outboxMessage)
        .param("now", Db.ts(now)).param("id", id).update();
  }

  void sent(long id, ShipmentState state, String companyCode, String detail, Instant now) {
    jdbc.sql("""
        update fulfilment_shipment set state = :state, company_code = :company, reason_code = null, message = :message,
               sent_at = :now, updated_at = :now where id = :id""")
        .param("state", state.name()).param("company", companyCode).param("message", clip(detail)).param("now", Db.ts(now))
        .param("id", id).update();
  }

  void failed(long id, String reasonCode, String message, Instant now) {
    jdbc.sql(SET_STATE).param("state", ShipmentState.FAILED.name()).param("reason", reasonCode).param("message", clip(message))
        .param("now", Db.ts(now)).param("id", id).update();
  }

  /** FAILED → PENDING for an operator retry, with corrections; counts the retry. */
  void reopen(long id, List<String> oids, boolean wholeTrade, @Nullable String trackingNo, @Nullable String companyCode, Instant now) {
    jdbc.sql("""
        update fulfilment_shipment set state = 'PENDING', reason_code = null, message = null, oids = :oids, whole_trade = :whole,
               tracking_no = :tracking, company_code = :company, retries = retries + 1, updated_at = :now where id = :id""")
        .param("oids", String.join(",", oids)).param("whole", wholeTrade).param("tracking", trackingNo).param("company", companyCode)
        .param("now", Db.ts(now)).param("id", id).update();
  }

  /** Ids of FAILED shipments of a shop whose ERP carrier is {@code erpCarrier} and whose reason is {@code reasonCode}. */
  List<Long> failedWith(ShopId shop, String erpCarrier, String reasonCode) {
    return jdbc.sql("""
        select id from fulfilment_shipment where shop_id = :shop and erp_carrier = :carrier and state = 'FAILED'
           and reason_code = :reason order by id""")
        .param("shop", shop.value()).param("carrier", erpCarrier).param("reason", reasonCode).query(Long.class).list();
  }

  List<Long> failedIds() {
    return jdbc.sql("select id from fulfilment_shipment where state = 'FAILED' order by id").query(Long.class).list();
  }

  List<ShipmentView> list(@Nullable ShopId shop, @Nullable ShipmentState state, @Nullable String tid, int limit) {
    return list(shop == null ? null : List.of(shop), state, tid, false, 0, limit);
  }

  /** Shipments of {@code shops} (null: all), oldest or newest first, filtered by the non-null arguments. */
  List<ShipmentView> list(java.util.@Nullable Collection<ShopId> shops, @Nullable ShipmentState state, @Nullable String tid,
      boolean newestFirst, int offset, int limit) {
    StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" where 1 = 1");
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    if (shops != null) {
      sql.append(" and f.shop_id in (:shops)");
      p.put("shops", shops.stream().map(ShopId::value).toList());
    }
    if (state != null) {
      sql.append(" and f.state = :state");
      p.put("state", state.name());
    }
    if (tid != null) {
      sql.append(" and f.tid = :tid");
      p.put("tid", tid);
    }
    sql.append(newestFirst ? " order by f.id desc" : " order by f.id").append(" limit :limit offset :offset");
    p.put("limit", limit);
    p.put("offset", offset);
    return jdbc.sql(sql.toString()).params(p).query(ShipmentRepository::view).list();
  }

  /** Newest first, of the given shops, optionally one state and trades whose id starts with {@code tidPrefix}. */
  List<ShipmentView> recent(java.util.Collection<ShopId> shops, @Nullable ShipmentState state, @Nullable String tidPrefix, int limit) {
    if (shops.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" where f.shop_id in (:shops)");
    var params = new java.util.HashMap<String, Object>();
    params.put("shops", shops.stream().map(ShopId::value).toList());
    if (state != null) {
      sql.append(" and f.state = :state");
      params.put("state", state.name());
    }
    if (tidPrefix != null && !tidPrefix.isBlank()) {
      sql.append(" and f.tid like :tid");
      params.put("tid", tidPrefix.strip().replace("%", "").replace("_", "") + "%");
    }
    params.put("limit", limit);
    return jdbc.sql(sql.append(" order by f.id desc limit :limit").toString()).params(params).query(ShipmentRepository::view).list();
  }

  Optional<ShipmentView> view(long id) {
    return jdbc.sql(SELECT_VIEW + " where f.id = :id").param("id", id).query(ShipmentRepository::view).optional();
  }

  Map<ShipmentState, Long> countByState() {
    Map<ShipmentState, Long> counts = new EnumMap<>(ShipmentState.class);
    jdbc.sql("select state, count(*) from fulfilment_shipment group by state")
        .query(rs -> {
          counts.put(ShipmentState.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  /** Parcels written back by sub-order (split shipments), not as a whole trade. */
  long splitCount() {
    return jdbc.sql("select count(*) from fulfilment_shipment where whole_trade = false and state in ('SENT', 'ALREADY_SHIPPED')")
        .query(Long.class).single();
  }

  Optional<String> cursor(String feed, String erp) {
    return jdbc.sql("select position from fulfilment_cursor where feed = :feed and erp = :erp").param("feed", feed).param("erp", erp)
        .query(String.class).optional();
  }

  void moveCursor(String feed, String erp, String position, Instant now) {
    Map<String, Object> p = Map.of("feed", feed, "erp", erp, "position", position, "now", Db.ts(now));
    if (jdbc.sql(UPDATE_CURSOR).params(p).update() == 0) {
      jdbc.sql(INSERT_CURSOR).params(p).update();
    }
  }

  private static @Nullable String clip(@Nullable String message) {
    return message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
  }

  private static List<String> oids(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getLong("id"), new ShopId(rs.getLong("shop_id")), rs.getString("tid"), oids(rs.getString("oids")),
        rs.getBoolean("whole_trade"), rs.getString("erp_carrier"), rs.getString("company_code"), rs.getString("tracking_no"),
        ShipmentState.valueOf(rs.getString("state")), rs.getString("outbox_message"), rs.getInt("retries"));
  }

  private static ShipmentView view(ResultSet rs, int n) throws SQLException {
    return new ShipmentView(rs.getLong("id"), rs.getString("code"), rs.getString("tid"), rs.getString("delivery_no"),
        rs.getString("sales_order_no"), oids(rs.getString("oids")), rs.getBoolean("whole_trade"), rs.getString("erp_carrier"),
        rs.getString("company_code"), rs.getString("tracking_no"), ShipmentState.valueOf(rs.getString("state")),
        rs.getString("reason_code"), rs.getString("message"), rs.getInt("retries"), Db.instant(rs, "shipped_at"),
        Db.instant(rs, "sent_at"));
  }
}
