package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.MaterialCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stock ledger: {@code erp_stock_move} rows, on-hand being their sum per warehouse. */
final class StockRepository {
  private static final String WAREHOUSE_EXISTS = "select count(*) from erp_warehouse where code = :code";
  private static final String INSERT_MOVE = """
      insert into erp_stock_move (warehouse, material, quantity, reason, reference, created_at)
      values (:warehouse, :material, :quantity, :reason, :reference, :now)
      on conflict do nothing""";
  private static final String ON_HAND = """
      select warehouse, sum(quantity) as on_hand
        from erp_stock_move
       where material = :material
       group by warehouse
       order by warehouse""";

  private final JdbcClient jdbc;

  StockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean warehouseExists(String code) {
    return jdbc.sql(WAREHOUSE_EXISTS).param("code", code).query(Long.class).single() > 0;
  }

  /** @return whether the move was booked; false when its reference was booked before */
  boolean insertMove(StockMove move, Instant now) {
    return jdbc.sql(INSERT_MOVE)
        .param("warehouse", move.warehouse())
        .param("material", move.material().value())
        .param("quantity", move.quantity())
        .param("reason", move.reason())
        .param("reference", move.reference())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update() == 1;
  }

  /** On-hand per warehouse code, in code order; warehouses without moves are absent. */
  Map<String, Long> onHand(MaterialCode material) {
    Map<String, Long> result = new LinkedHashMap<>();
    RowCallbackHandler each = rs -> result.put(rs.getString("warehouse"), rs.getLong("on_hand"));
    jdbc.sql(ON_HAND).param("material", material.value()).query(each);
    return result;
  }

  /** One movement to book. */
  record StockMove(String warehouse, MaterialCode material, long quantity, String reason, String reference) {}
}
