package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code stock_replenishment_setting}: one row per material and warehouse ('' = all warehouses). */
@Repository
class ReplenishmentSettingsRepository {
  private static final String COLUMNS = """
      material, warehouse, window_days, lead_days, safety_days, safety_quantity, coverage_days,
      min_order_quantity, pack_size, low_stock_threshold""";
  private static final String FIND = "select " + COLUMNS + " from stock_replenishment_setting where material = :material and warehouse = :warehouse";
  private static final String ALL = "select " + COLUMNS + " from stock_replenishment_setting order by material, warehouse";
  private static final String UPDATE = """
      update stock_replenishment_setting
         set window_days = :window, lead_days = :lead, safety_days = :safetyDays, safety_quantity = :safetyQuantity,
             coverage_days = :coverage, min_order_quantity = :moq, pack_size = :pack, low_stock_threshold = :threshold,
             updated_at = :now
       where material = :material and warehouse = :warehouse""";
  private static final String INSERT = """
      insert into stock_replenishment_setting (""" + COLUMNS + """
      , updated_at)
      values (:material, :warehouse, :window, :lead, :safetyDays, :safetyQuantity, :coverage, :moq, :pack, :threshold, :now)""";
  private static final String DELETE = "delete from stock_replenishment_setting where material = :material and warehouse = :warehouse";

  private final JdbcClient jdbc;

  ReplenishmentSettingsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ReplenishmentOverride> find(MaterialCode material, @Nullable String warehouse) {
    return jdbc.sql(FIND).param("material", material.value()).param("warehouse", key(warehouse))
        .query(ReplenishmentSettingsRepository::map).optional();
  }

  /** Every stored row, by material then warehouse (the all-warehouse row first). */
  List<ReplenishmentOverride> all() {
    return jdbc.sql(ALL).query(ReplenishmentSettingsRepository::map).list();
  }

  /** Writes the row, replacing the stored one. Callers serialise updates of one row in a transaction. */
  void save(ReplenishmentOverride row, Instant now) {
    if (bind(jdbc.sql(UPDATE), row, now).update() == 0) {
      bind(jdbc.sql(INSERT), row, now).update();
    }
  }

  /** @return whether a row was removed */
  boolean delete(MaterialCode material, @Nullable String warehouse) {
    return jdbc.sql(DELETE).param("material", material.value()).param("warehouse", key(warehouse)).update() == 1;
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ReplenishmentOverride row, Instant now) {
    return sql.param("material", row.material().value())
        .param("warehouse", key(row.warehouse()))
        .param("window", row.windowDays(), java.sql.Types.INTEGER)
        .param("lead", row.leadDays(), java.sql.Types.INTEGER)
        .param("safetyDays", row.safetyDays(), java.sql.Types.INTEGER)
        .param("safetyQuantity", row.safetyQuantity(), java.sql.Types.BIGINT)
        .param("coverage", row.coverageDays(), java.sql.Types.INTEGER)
        .param("moq", row.minOrderQuantity(), java.sql.Types.BIGINT)
        .param("pack", row.packSize(), java.sql.Types.BIGINT)
        .param("threshold", row.lowStockThreshold(), java.sql.Types.BIGINT)
        .param("now", now.atOffset(ZoneOffset.UTC));
  }

  private static String key(@Nullable String warehouse) {
    return warehouse == null ? "" : warehouse;
  }

  private static ReplenishmentOverride map(ResultSet rs, int row) throws SQLException {
    String warehouse = rs.getString("warehouse");
    return new ReplenishmentOverride(new MaterialCode(rs.getString("material")), warehouse.isEmpty() ? null : warehouse,
        rs.getObject("window_days", Integer.class), rs.getObject("lead_days", Integer.class),
        rs.getObject("safety_days", Integer.class), rs.getObject("safety_quantity", Long.class),
        rs.getObject("coverage_days", Integer.class), rs.getObject("min_order_quantity", Long.class),
        rs.getObject("pack_size", Long.class), rs.getObject("low_stock_threshold", Long.class));
  }
}
