package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.Material;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code erp_material} table. Deactivated materials count as absent for sales. */
final class MaterialRepository {
  private static final String UPDATE = """
      update erp_material
         set name = :name, unit = :unit, sale_price_fen = :price, standard_cost_fen = coalesce(:cost, standard_cost_fen), active = true,
             updated_at = :now
       where code = :code""";
  private static final String INSERT = """
      insert into erp_material (code, name, unit, sale_price_fen, standard_cost_fen, active, created_at, updated_at)
      values (:code, :name, :unit, :price, :cost, true, :now, :now)
      on conflict do nothing""";
  private static final String ACTIVE_AMONG = """
      select code from erp_material where active = true and code in (:codes)""";
  private static final String ACTIVE_WITH_CODES = """
      select code, name, unit, sale_price_fen, standard_cost_fen from erp_material where active = true and code in (:codes)""";
  private static final String ACTIVE_AFTER = """
      select code, name, unit, sale_price_fen, standard_cost_fen from erp_material
       where active = true and code > :after
       order by code
       limit :limit""";
  private static final String EXISTS = "select count(*) from erp_material where code = :code";

  /** Keeps IN lists well below PostgreSQL's limit of 32767 bind parameters per statement. */
  private static final int IN_LIST_CHUNK = 1000;

  private final JdbcClient jdbc;

  MaterialRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Updates and reactivates the material, or inserts it. Update first, then insert-if-absent, then
   * update again: portable to H2 and PostgreSQL and safe when two callers insert one code at once.
   */
  void upsert(Material material, Instant now) {
    if (update(UPDATE, material, now) == 0 && update(INSERT, material, now) == 0) {
      update(UPDATE, material, now);
    }
  }

  /** The codes among {@code codes} that exist and are active. */
  Set<MaterialCode> activeAmong(Set<MaterialCode> codes) {
    List<String> all = codes.stream().map(MaterialCode::value).toList();
    Set<MaterialCode> found = new HashSet<>();
    for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
      jdbc.sql(ACTIVE_AMONG).param("codes", chunk).query(String.class).list()
          .forEach(code -> found.add(new MaterialCode(code)));
    }
    return found;
  }

  /** The active materials among {@code codes}. */
  List<Material> activeWithCodes(Set<MaterialCode> codes) {
    List<String> all = codes.stream().map(MaterialCode::value).toList();
    List<Material> found = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
      found.addAll(jdbc.sql(ACTIVE_WITH_CODES).param("codes", chunk).query(MaterialRepository::material).list());
    }
    return found;
  }

  /** Up to {@code limit} active materials ordered by code, after {@code after} (from the first when null). */
  List<Material> activeAfter(@Nullable MaterialCode after, int limit) {
    return jdbc.sql(ACTIVE_AFTER).param("after", after == null ? "" : after.value()).param("limit", limit)
        .query(MaterialRepository::material).list();
  }

  private static Material material(ResultSet rs, int row) throws SQLException {
    return new Material(new MaterialCode(rs.getString("code")), rs.getString("name"), rs.getString("unit"), rs.getLong("sale_price_fen"),
        rs.getObject("standard_cost_fen", Long.class));
  }

  /** Whether the material exists at all, active or not (stock may still move for inactive ones). */
  boolean exists(MaterialCode code) {
    return jdbc.sql(EXISTS).param("code", code.value()).query(Long.class).single() > 0;
  }

  private int update(String sql, Material material, Instant now) {
    return jdbc.sql(sql)
        .param("code", material.code().value())
        .param("name", material.name())
        .param("unit", material.unit())
        .param("price", material.salePriceFen())
        .param("cost", material.standardCostFen(), java.sql.Types.BIGINT)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
  }
}
