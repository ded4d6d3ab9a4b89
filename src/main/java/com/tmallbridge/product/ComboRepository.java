package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product_combo} table: one row per (combo code, component material). */
@Repository
class ComboRepository {
  private static final String ALL = "select code, material_code, quantity from product_combo order by code, material_code";
  private static final String BY_CODES =
      "select code, material_code, quantity from product_combo where code in (:codes) order by code, material_code";
  private static final String BY_MATERIALS = "select distinct code from product_combo where material_code in (:materials)";
  private static final String DELETE = "delete from product_combo where code = ?";
  private static final String INSERT =
      "insert into product_combo (code, material_code, quantity, created_at) values (?, ?, ?, ?)";

  private final JdbcClient jdbc;

  ComboRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Combo> all() {
    return group(jdbc.sql(ALL).query(ComboRepository::row).list());
  }

  /** The combos among {@code codes}, keyed by code. */
  Map<String, Combo> byCodes(Collection<String> codes) {
    Map<String, Combo> found = new LinkedHashMap<>();
    if (codes.isEmpty()) {
      return found;
    }
    List<String> list = List.copyOf(new java.util.LinkedHashSet<>(codes));
    for (int from = 0; from < list.size(); from += 1000) {
      group(jdbc.sql(BY_CODES).param("codes", list.subList(from, Math.min(list.size(), from + 1000)))
          .query(ComboRepository::row).list())
          .forEach(c -> found.put(c.code(), c));
    }
    return found;
  }

  /** Codes of the combos that have any of {@code materials} as a component. */
  List<String> usingMaterials(Collection<String> materials) {
    if (materials.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(BY_MATERIALS).param("materials", List.copyOf(materials)).query(String.class).list();
  }

  void replace(Combo combo, Instant now) {
    jdbc.sql(DELETE).params(combo.code()).update();
    for (Component c : combo.components()) {
      jdbc.sql(INSERT).params(combo.code(), c.material().value(), c.quantity(), now.atOffset(ZoneOffset.UTC)).update();
    }
  }

  boolean remove(String code) {
    return jdbc.sql(DELETE).params(code).update() > 0;
  }

  private record Row(String code, Component component) {}

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getString(1), new Component(new MaterialCode(rs.getString(2)), rs.getInt(3)));
  }

  private static List<Combo> group(List<Row> rows) {
    Map<String, List<Component>> byCode = new LinkedHashMap<>();
    rows.forEach(r -> byCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r.component()));
    List<Combo> combos = new ArrayList<>();
    byCode.forEach((code, components) -> combos.add(new Combo(code, components)));
    return combos;
  }
}
