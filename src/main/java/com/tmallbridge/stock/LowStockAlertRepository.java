package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code stock_low_alert}. The unique {@code open_key} (set only while open) guarantees one open
 * alert per material and warehouse, even with two passes running at once.
 */
@Repository
class LowStockAlertRepository {
  private static final String COLUMNS = """
      id, material, warehouse, status, opened_at, on_hand_at_open, threshold, days_of_cover,
      suggested_quantity, last_on_hand, last_checked_at, closed_at""";
  private static final String OPEN_ONE = """
      insert into stock_low_alert (material, warehouse, status, open_key, opened_at, on_hand_at_open, threshold,
                                   days_of_cover, suggested_quantity, last_on_hand, last_checked_at)
      values (:material, :warehouse, 'OPEN', :openKey, :now, :onHand, :threshold, :cover, :suggested, :onHand, :now)
      on conflict do nothing""";
  private static final String FIND_OPEN = "select " + COLUMNS + " from stock_low_alert where open_key = :openKey";
  private static final String ALL_OPEN = "select " + COLUMNS + " from stock_low_alert where status = 'OPEN' order by material, warehouse";
  private static final String TOUCH = """
      update stock_low_alert set last_on_hand = :onHand, last_checked_at = :now
       where id = :id and status = 'OPEN'""";
  private static final String CLOSE = """
      update stock_low_alert set status = 'CLOSED', open_key = null, closed_at = :now, last_on_hand = :onHand, last_checked_at = :now
       where id = :id and status = 'OPEN'""";
  private static final String LIST = "select " + COLUMNS + " from stock_low_alert %s order by opened_at desc, id desc limit :limit";
  private static final String COUNT_OPEN = "select count(*) from stock_low_alert where status = 'OPEN'";

  private final JdbcClient jdbc;

  LowStockAlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Opens an alert unless one is open for the pair already.
   *
   * @return the new alert, or empty when one was open
   */
  Optional<LowStockAlert> open(ReplenishmentSuggestion s, Instant now) {
    int inserted = jdbc.sql(OPEN_ONE)
        .param("material", s.material().value())
        .param("warehouse", s.warehouse())
        .param("openKey", openKey(s.material(), s.warehouse()))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("onHand", s.onHand())
        .param("threshold", s.threshold())
        .param("cover", s.daysOfCover(), Types.NUMERIC)
        .param("suggested", s.suggestedQuantity())
        .update();
    return inserted == 1 ? findOpen(s.material(), s.warehouse()) : Optional.empty();
  }

  Optional<LowStockAlert> findOpen(MaterialCode material, String warehouse) {
    return jdbc.sql(FIND_OPEN).param("openKey", openKey(material, warehouse)).query(LowStockAlertRepository::map).optional();
  }

  List<LowStockAlert> allOpen() {
    return jdbc.sql(ALL_OPEN).query(LowStockAlertRepository::map).list();
  }

  /** Records the latest on-hand of an alert that stays open. */
  void touch(long id, long onHand, Instant now) {
    jdbc.sql(TOUCH).param("id", id).param("onHand", onHand).param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  /** @return whether the alert was open and is now closed */
  boolean close(long id, long onHand, Instant now) {
    return jdbc.sql(CLOSE).param("id", id).param("onHand", onHand).param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
  }

  /** Newest first; only open ones when {@code openOnly}. */
  List<LowStockAlert> list(boolean openOnly, int limit) {
    return jdbc.sql(LIST.formatted(openOnly ? "where status = 'OPEN'" : "")).param("limit", limit)
        .query(LowStockAlertRepository::map).list();
  }

  int countOpen() {
    return jdbc.sql(COUNT_OPEN).query(Long.class).single().intValue();
  }

  private static String openKey(MaterialCode material, String warehouse) {
    return material.value() + "|" + warehouse;
  }

  private static LowStockAlert map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
    return new LowStockAlert(rs.getLong("id"), new MaterialCode(rs.getString("material")), rs.getString("warehouse"),
        rs.getString("status"), rs.getObject("opened_at", OffsetDateTime.class).toInstant(), rs.getLong("on_hand_at_open"),
        rs.getBigDecimal("threshold"), rs.getBigDecimal("days_of_cover"), rs.getLong("suggested_quantity"),
        rs.getLong("last_on_hand"), rs.getObject("last_checked_at", OffsetDateTime.class).toInstant(),
        closed == null ? null : closed.toInstant());
  }
}
