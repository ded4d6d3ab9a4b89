package com.tmallbridge.erp.embedded;

import org.springframework.jdbc.core.simple.JdbcClient;

/** One cheap query that proves the built-in ERP's tables answer, and what they hold. */
final class HealthProbe {
  private static final String COUNTS = """
      select (select count(*) from erp_material where active = true) as materials,
             (select count(*) from erp_warehouse) as warehouses,
             (select count(*) from erp_customer) as customers,
             (select count(*) from erp_sales_order) as sales_orders""";

  private final JdbcClient jdbc;

  HealthProbe(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One line for operators, e.g. {@code 12 active materials, 1 warehouses, 3 customers, 40 sales orders}. */
  String describe() {
    return jdbc.sql(COUNTS)
        .query((rs, row) -> rs.getLong("materials") + " active materials, " + rs.getLong("warehouses")
            + " warehouses, " + rs.getLong("customers") + " customers, " + rs.getLong("sales_orders") + " sales orders")
        .single();
  }
}
