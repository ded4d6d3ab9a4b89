package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.MaterialCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stock ledger: {@code erp_stock_move} rows, on-hand being their sum per warehouse. */
final class StockRepository {
  private static final String WAREHOUSE_EXISTS = "select count(*) from erp_warehouse where code = :code";
  private static final String NEXT_MOVE_ID = "update erp_counter set last_id = last_id + 1 where name = 'stock_move'";
  private static final String CURRENT_MOVE_ID = "select last_id from erp_counter where name = 'stock_move'";
  private static final String INSERT_MOVE = """
      insert into erp_stock_move (id, warehouse, material, quantity, reason, reference, created_at)
      values (:id, :warehouse, :material, :quantity, :reason, :reference, :now)
      on conflict do nothing""";
  private static final String INSERT_WAREHOUSE = """
      insert into erp_warehouse (code, name) values (:code, :name) on conflict do nothing""";
  private static final String RENAME_WAREHOUSE = "update erp_warehouse set name = :name where code = :code";
  private static final String ON_HAND = """
      select warehouse, sum(quantity) as on_hand
        from erp_stock_move
       where material = :material
       group by warehouse
       order by warehouse""";

  private static final String ON_HAND_MANY = """
      select material, warehouse, sum(quantity) as on_hand
        from erp_stock_move
       where material in (:materials)
       group by material, warehouse
       order by material, warehouse""";
  private static final String CHANGES_AFTER = """
      select id, material
        from erp_stock_move
       where id > :after
       order by id
       limit :limit""";
  private static final String DELIVERED_BETWEEN = """
      select material, warehouse, -sum(quantity) as delivered
        from erp_stock_move
       where reason = 'DELIVERY' and created_at >= :from and created_at < :to
       group by material, warehouse""";
  private static final int IN_LIST_CHUNK = 500;

  private final JdbcClient jdbc;

  StockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean warehouseExists(String code) {
    return jdbc.sql(WAREHOUSE_EXISTS).param("code", code).query(Long.class).single() > 0;
  }

  /**
   * Books a move. Its id comes from the {@code stock_move} counter row, whose lock is held until
   * the transaction ends, so ids become visible in increasing order and {@link #changesAfter}
   * never skips a move that commits late (see {@code V5__erp_embedded_delivery.sql}).
   *
   * @return whether the move was booked; false when its reference was booked before
   */
  boolean insertMove(StockMove move, Instant now) {
    jdbc.sql(NEXT_MOVE_ID).update();
    long id = jdbc.sql(CURRENT_MOVE_ID).query(Long.class).single();
    return jdbc.sql(INSERT_MOVE)
        .param("id", id)
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

  /** On-hand per material and warehouse code for several materials. */
  Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials) {
    Map<MaterialCode, Map<String, Long>> result = new LinkedHashMap<>();
    List<String> codes = materials.stream().map(MaterialCode::value).distinct().toList();
    for (int from = 0; from < codes.size(); from += IN_LIST_CHUNK) {
      List<String> chunk = codes.subList(from, Math.min(codes.size(), from + IN_LIST_CHUNK));
      RowCallbackHandler each = rs -> result
          .computeIfAbsent(new MaterialCode(rs.getString("material")), m -> new LinkedHashMap<>())
          .put(rs.getString("warehouse"), rs.getLong("on_hand"));
      jdbc.sql(ON_HAND_MANY).param("materials", chunk).query(each);
    }
    return result;
  }

  /** Adds the warehouse or renames it; concurrent adds of one code are safe. */
  void upsertWarehouse(String code, String name) {
    jdbc.sql(INSERT_WAREHOUSE).param("code", code).param("name", name).update();
    jdbc.sql(RENAME_WAREHOUSE).param("code", code).param("name", name).update();
  }

  List<String> warehouses() {
    return jdbc.sql("select code from erp_warehouse order by code").query(String.class).list();
  }

  /** Materials moved after move id {@code after}; the cursor is the last move id read. */
  Changes changesAfter(long after, int limit) {
    Set<MaterialCode> materials = new LinkedHashSet<>();
    long[] last = {after};
    int[] rows = {0};
    RowCallbackHandler each = rs -> {
      last[0] = rs.getLong("id");
      rows[0]++;
      materials.add(new MaterialCode(rs.getString("material")));
    };
    jdbc.sql(CHANGES_AFTER).param("after", after).param("limit", limit).query(each);
    return new Changes(new ArrayList<>(materials), last[0], rows[0] == limit);
  }

  Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
    Map<MaterialCode, Map<String, Long>> result = new LinkedHashMap<>();
    RowCallbackHandler each = rs -> result
        .computeIfAbsent(new MaterialCode(rs.getString("material")), m -> new LinkedHashMap<>())
        .put(rs.getString("warehouse"), rs.getLong("delivered"));
    jdbc.sql(DELIVERED_BETWEEN)
        .param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC))
        .query(each);
    return result;
  }

  /** Materials moved after a position, and the new position (the last move id read). */
  record Changes(List<MaterialCode> materials, long lastId, boolean more) {}

  /** One movement to book. */
  record StockMove(String warehouse, MaterialCode material, long quantity, String reason, String reference) {}
}
