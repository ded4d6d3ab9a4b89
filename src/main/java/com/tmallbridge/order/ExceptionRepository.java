package com.tmallbridge.order;

import com.tmallbridge.core.ErrorCode;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Order exceptions: at most one unresolved (OPEN or RETRYING) exception per trade; raising again
 * updates it.
 */
@Repository
class ExceptionRepository {
  static final String OPEN = "OPEN";
  static final String RETRYING = "RETRYING";
  static final String RESOLVED = "RESOLVED";
  /** Closed by an operator without a retry ({@link #ignore}); a newer snapshot that fails again raises a new exception. */
  static final String IGNORED = "IGNORED";

  private static final String COLUMNS =
      "id, shop_id, tid, reason_code, message, status, retries, outbox_message, created_at, updated_at";
  private static final String UPDATE_OPEN =
      """
      update order_exception set reason_code = :reason, message = :message, status = 'OPEN',
             outbox_message = :outbox, updated_at = :now
       where shop_id = :shop and tid = :tid and status in ('OPEN', 'RETRYING')
      """;
  private static final String INSERT =
      """
      insert into order_exception (shop_id, tid, reason_code, message, status, outbox_message, retries, created_at, updated_at)
      values (:shop, :tid, :reason, :message, 'OPEN', :outbox, 0, :now, :now)
      """;

  private static final String RESOLVE = """
      update order_exception set status = 'RESOLVED', resolved_at = ?, updated_at = ?
       where shop_id = ? and tid = ? and status in ('OPEN', 'RETRYING')""";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ExceptionRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void raise(ShopId shop, String tid, ErrorCode reason, String message, @Nullable String outboxMessage, Instant now) {
    String text = message.length() > 2000 ? message.substring(0, 2000) : message;
    var spec = jdbc.sql(UPDATE_OPEN);
    int updated = bind(spec, shop, tid, reason, text, outboxMessage, now).update();
    if (updated == 0) {
      bind(jdbc.sql(INSERT), shop, tid, reason, text, outboxMessage, now).update();
    }
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, ShopId shop, String tid, ErrorCode reason, String message, @Nullable String outbox, Instant now) {
    return spec.param("shop", shop.value()).param("tid", tid).param("reason", reason.code())
        .param("message", message).param("outbox", outbox).param("now", OrderRepository.utc(now));
  }

  /**
   * Records something the bridge handled on its own as an already resolved exception (an audit
   * entry operators find with {@code exceptions list --status RESOLVED}); leaves open ones alone.
   */
  void recordResolved(ShopId shop, String tid, ErrorCode reason, String message, Instant now) {
    String text = message.length() > 2000 ? message.substring(0, 2000) : message;
    jdbc.sql("""
            insert into order_exception (shop_id, tid, reason_code, message, status, retries, created_at, updated_at, resolved_at)
            values (:shop, :tid, :reason, :message, 'RESOLVED', 0, :now, :now, :now)""")
        .param("shop", shop.value()).param("tid", tid).param("reason", reason.code()).param("message", text)
        .param("now", OrderRepository.utc(now)).update();
  }

  /** Resolves the trade's unresolved exception, if any. */
  void resolve(ShopId shop, String tid, Instant now) {
    OffsetDateTime at = OrderRepository.utc(now);
    template.update(RESOLVE, at, at, shop.value(), tid);
  }

  /** Resolves the unresolved exceptions of several trades (tids by shop), one JDBC batch. */
  void resolve(Map<ShopId, ? extends Collection<String>> tidsByShop, Instant now) {
    OffsetDateTime at = OrderRepository.utc(now);
    List<Object[]> rows = new ArrayList<>();
    tidsByShop.forEach((shop, tids) -> tids.forEach(tid -> rows.add(new Object[] {at, at, shop.value(), tid})));
    if (!rows.isEmpty()) {
      template.batchUpdate(RESOLVE, rows);
    }
  }

  /**
   * Closes an unresolved exception without retrying it, naming who did it and why.
   *
   * @return false when the exception is unknown or no longer unresolved
   */
  boolean ignore(long id, String by, String note, Instant now) {
    OffsetDateTime at = OrderRepository.utc(now);
    return jdbc.sql("""
            update order_exception set status = 'IGNORED', resolved_at = :at, updated_at = :at, closed_by = :by, close_note = :note
             where id = :id and status in ('OPEN', 'RETRYING')""")
        .param("at", at).param("by", by).param("note", note).param("id", id).update() == 1;
  }

  void markRetrying(long id, Instant now) {
    jdbc.sql("update order_exception set status = 'RETRYING', retries = retries + 1, updated_at = ? where id = ?")
        .params(OrderRepository.utc(now), id).update();
  }

  Optional<ExceptionView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from order_exception where id = ?").param(id).query(ExceptionRepository::map).optional();
  }

  List<ExceptionView> list(@Nullable String status, int limit) {
    String where = status == null ? "status in ('OPEN', 'RETRYING')" : "status = :status";
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("limit", limit);
    if (status != null) {
      params.put("status", status);
    }
    return jdbc.sql("select " + COLUMNS + " from order_exception where " + where + " order by id limit :limit")
        .params(params)
        .query(ExceptionRepository::map).list();
  }

  /** Unresolved exceptions of {@code shops} (null: all), oldest first. */
  List<ExceptionView> unresolved(java.util.@Nullable Collection<ShopId> shops, int limit) {
    return unresolved(shops, null, 0, limit);
  }

  /** Unresolved exceptions of {@code shops} (null: all) with {@code reason} (null: any), oldest first. */
  List<ExceptionView> unresolved(java.util.@Nullable Collection<ShopId> shops, @Nullable String reason, int limit) {
    return unresolved(shops, reason, 0, limit);
  }

  /** A page of unresolved exceptions of {@code shops} (null: all) and of {@code reason} (null: any), oldest first. */
  List<ExceptionView> unresolved(java.util.@Nullable Collection<ShopId> shops, @Nullable String reason, int offset, int limit) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("limit", limit);
    params.put("offset", offset);
    String scope = "";
    if (shops != null) {
      scope = " and shop_id in (:shops)";
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    if (reason != null) {
      scope += " and reason_code = :reason";
      params.put("reason", reason);
    }
    return jdbc.sql("select " + COLUMNS + " from order_exception where status in ('OPEN', 'RETRYING')" + scope
            + " order by id limit :limit offset :offset")
        .params(params).query(ExceptionRepository::map).list();
  }

  /** Unresolved exceptions of {@code shops} (null: all) by reason code. */
  java.util.Map<String, Long> unresolvedByReason(java.util.@Nullable Collection<ShopId> shops) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    String scope = "";
    if (shops != null) {
      scope = " and shop_id in (:shops)";
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("select reason_code, count(*) from order_exception where status in ('OPEN', 'RETRYING')" + scope + " group by reason_code")
        .params(params).query(rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
    return counts;
  }

  /** Exceptions raised at or after {@code from} in {@code shops} (null: all): trades held in that time. */
  long raisedSince(java.time.Instant from, java.util.@Nullable Collection<ShopId> shops) {
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("from", from.atOffset(java.time.ZoneOffset.UTC));
    String scope = "";
    if (shops != null) {
      scope = " and shop_id in (:shops)";
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    return jdbc.sql("select count(*) from order_exception where created_at >= :from" + scope).params(params).query(Long.class).single();
  }

  long countUnresolved() {
    return jdbc.sql("select count(*) from order_exception where status in ('OPEN', 'RETRYING')").query(Long.class).single();
  }

  private static ExceptionView map(ResultSet rs, int row) throws SQLException {
    return new ExceptionView(
        rs.getLong("id"), rs.getLong("shop_id"), rs.getString("tid"), rs.getString("reason_code"), rs.getString("message"),
        rs.getString("status"), rs.getInt("retries"), rs.getString("outbox_message"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
