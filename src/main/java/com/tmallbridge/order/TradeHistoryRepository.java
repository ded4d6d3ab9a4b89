package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what happened to one trade: its timestamps, all its exceptions and its amendment row. */
@Repository
class TradeHistoryRepository {
  private static final String TIMES = "select first_seen_at, exported_at from order_trade where shop_id = ? and tid = ?";
  private static final String EXCEPTIONS = """
      select id, reason_code, message, status, retries, created_at, resolved_at, closed_by, close_note
        from order_exception where shop_id = ? and tid = ? order by id""";
  private static final String AMENDMENT = """
      select snapshot_modified, cancel_requested_at, cancel_outcome from order_trade_amendment where shop_id = ? and tid = ?""";

  private final JdbcClient jdbc;

  TradeHistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** First seen and exported times, empty when the trade is unknown. */
  Optional<Instant[]> times(ShopId shop, String tid) {
    return jdbc.sql(TIMES).params(shop.value(), tid)
        .query((rs, n) -> new Instant[] {instant(rs, "first_seen_at"), instant(rs, "exported_at")}).optional();
  }

  List<ExceptionRecord> exceptions(ShopId shop, String tid) {
    return jdbc.sql(EXCEPTIONS).params(shop.value(), tid).query((rs, n) -> new ExceptionRecord(rs.getLong("id"),
        rs.getString("reason_code"), rs.getString("message"), rs.getString("status"), rs.getInt("retries"),
        instant(rs, "created_at"), instant(rs, "resolved_at"), rs.getString("closed_by"), rs.getString("close_note"))).list();
  }

  /** The amendment row: snapshot modified time, cancel requested time, cancel outcome; empty when none. */
  Optional<Amendment> amendment(ShopId shop, String tid) {
    return jdbc.sql(AMENDMENT).params(shop.value(), tid)
        .query((rs, n) -> new Amendment(instant(rs, "snapshot_modified"), instant(rs, "cancel_requested_at"), rs.getString("cancel_outcome")))
        .optional();
  }

  record Amendment(@Nullable Instant snapshotModified, @Nullable Instant cancelRequestedAt, @Nullable String cancelOutcome) {}

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
