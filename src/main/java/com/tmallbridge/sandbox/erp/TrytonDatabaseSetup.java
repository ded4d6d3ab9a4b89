package com.tmallbridge.sandbox.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What a merchant's Tryton administrator does once after installing: the CNY currency (Tryton 6.0
 * ships none), a company, the admin user's company, manual invoicing and shipping on order as
 * sale defaults (so confirming a sale needs no chart of accounts), the accounts, fiscal years and
 * journal vouchers are posted to ({@link TrytonAccountingSetup}), and the bridge's own user with
 * the admin's groups. The default warehouse ({@code WH}) is looked up, not created.
 */
final class TrytonDatabaseSetup {
  private static final Logger log = LoggerFactory.getLogger(TrytonDatabaseSetup.class);

  private final TrytonRpc admin;

  TrytonDatabaseSetup(TrytonRpc admin) {
    this.admin = admin;
  }

  void run() {
    long currency = admin.model("currency.currency", "create", List.of(Map.of(
        "name", "Yuan Renminbi", "code", "CNY", "symbol", "¥", "digits", 2,
        "rounding", TrytonRpc.decimal(new BigDecimal("0.01"))))).get(0).asLong();
    long party = admin.model("party.party", "create", List.of(Map.of("name", "TmallBridge Demo Trading Co"))).get(0).asLong();
    long company = admin.model("company.company", "create", List.of(Map.of("party", party, "currency", currency))).get(0).asLong();
    admin.model("res.user", "write", List.of(1), Map.of("companies", List.of(List.of("add", List.of(company))), "company", company));
    admin.login();
    new TrytonAccountingSetup(admin).run(company, TrytonServer.SETUP_YEAR);
    admin.model("sale.configuration", "write", List.of(1), Map.of("sale_invoice_method", "manual", "sale_shipment_method", "order"));
    JsonNode warehouses = admin.model("stock.location", "search_read",
        List.of(List.of("type", "=", "warehouse")), 0, 10, null, List.of("code", "name"));
    if (warehouses.isEmpty()) {
      throw new IllegalStateException("the initialised Tryton database has no warehouse");
    }
    JsonNode adminUser = admin.model("res.user", "read", List.of(1), List.of("groups")).get(0);
    List<Long> groups = new ArrayList<>();
    adminUser.get("groups").forEach(g -> groups.add(g.asLong()));
    admin.model("res.user", "create", List.of(Map.of(
        "name", "TmallBridge", "login", TrytonServer.USER, "password", TrytonServer.PASSWORD,
        "groups", List.of(List.of("add", groups)),
        "companies", List.of(List.of("add", List.of(company))), "company", company)));
    log.info("Tryton set up: CNY (id {}), company {} (id {}), warehouse {}, user '{}'",
        currency, "TmallBridge Demo Trading Co", company, warehouses.get(0).get("code").asString(), TrytonServer.USER);
  }
}
