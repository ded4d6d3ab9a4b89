package com.tmallbridge.demo;

import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The floor of {@code bench erp}: the same sales as plain JSON-RPC calls through the sandbox's own
 * {@link TrytonRpc}, no bridge logic. Setup (not timed) creates the products and one party with an
 * address per trade in a few bulk calls; then each trade is one {@code sale.sale} {@code create}
 * (same lines, quantities, unit prices and post fee line as the connector writes), {@code quote}
 * and {@code confirm}, one after the other.
 */
final class BareTrytonSales {
  private static final int BULK = 200;

  private final TrytonRpc tryton;
  private final Consumer<String> progress;
  private long unit;

  BareTrytonSales(TrytonRpc tryton, Consumer<String> progress) {
    this.tryton = tryton;
    this.progress = progress;
  }

  /**
   * Creates, quotes and confirms one sale per trade; returns the seconds the sales took (setup excluded).
   *
   * @param materialOf the material code of each sub-order
   */
  double run(List<SandboxTrade> trades, Map<Long, String> materialOf) {
    unit = tryton.model("product.uom", "search", List.of(List.of("symbol", "=", "u")), 0, 1, null).get(0).asLong();
    Map<String, Long> products = products(new LinkedHashSet<>(materialOf.values()));
    List<long[]> parties = parties(trades.size());
    progress.accept("  set up " + products.size() + " products and " + parties.size() + " parties (not timed)");
    long t0 = System.nanoTime();
    long lastShown = t0;
    for (int i = 0; i < trades.size(); i++) {
      SandboxTrade trade = trades.get(i);
      long sale = tryton.model("sale.sale", "create", List.of(sale(trade, parties.get(i), products, materialOf))).get(0).asLong();
      tryton.model("sale.sale", "quote", List.of(sale));
      tryton.model("sale.sale", "confirm", List.of(sale));
      if (System.nanoTime() - lastShown > 2_000_000_000L) {
        progress.accept(String.format("  after %d ms: %d/%d sales confirmed", (System.nanoTime() - t0) / 1_000_000, i + 1, trades.size()));
        lastShown = System.nanoTime();
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private Map<String, Object> sale(SandboxTrade trade, long[] party, Map<String, Long> products, Map<Long, String> materialOf) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (SandboxTradeLine line : trade.lines()) {
      long product = products.get(materialOf.get(line.oid()));
      long amount = line.divideOrderFeeFen();
      long floor = amount / line.num();
      long dearer = amount % line.num();
      lines.add(line(product, line.num() - dearer, floor, line));
      if (dearer > 0) {
        lines.add(line(product, dearer, floor + 1, line));
      }
    }
    if (trade.postFeeFen() > 0) {
      lines.add(Map.of("type", "line", "quantity", 1, "unit", unit, "unit_price", decimal(trade.postFeeFen()),
          "description", "Post fee", "note", "post-fee"));
    }
    Map<String, Object> sale = new LinkedHashMap<>();
    sale.put("party", party[0]);
    sale.put("invoice_address", party[1]);
    sale.put("shipment_address", party[1]);
    sale.put("invoice_method", "manual");
    sale.put("shipment_method", "order");
    sale.put("reference", "bare:" + trade.tid());
    sale.put("description", "Tmall order " + trade.tid());
    sale.put("lines", List.of(List.of("create", lines)));
    return sale;
  }

  private Map<String, Object> line(long product, long quantity, long unitFen, SandboxTradeLine line) {
    return Map.of("type", "line", "product", product, "quantity", quantity, "unit", unit, "unit_price", decimal(unitFen),
        "description", line.title(), "note", Long.toString(line.oid()));
  }

  /** One product per material code, created in bulk; returns product ids by code. */
  private Map<String, Long> products(Collection<String> codes) {
    List<String> all = List.copyOf(codes);
    for (int from = 0; from < all.size(); from += BULK) {
      List<Map<String, Object>> templates = new ArrayList<>();
      for (String code : all.subList(from, Math.min(all.size(), from + BULK))) {
        templates.add(Map.of("name", code, "type", "goods", "default_uom", unit, "sale_uom", unit, "salable", true,
            "list_price", decimal(100), "products", List.of(List.of("create", List.of(Map.of("suffix_code", code))))));
      }
      tryton.model("product.template", "create", templates);
    }
    Map<String, Long> ids = new HashMap<>();
    for (JsonNode row : tryton.model("product.product", "search_read", List.of(List.of("code", "in", all)), 0, null, null, List.of("code"))) {
      ids.put(row.get("code").asString(), row.get("id").asLong());
    }
    return ids;
  }

  /** {@code count} parties with one address each, created in bulk; returns {party id, address id} pairs. */
  private List<long[]> parties(int count) {
    List<long[]> parties = new ArrayList<>();
    for (int from = 0; from < count; from += BULK) {
      List<Map<String, Object>> values = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + BULK); i++) {
        values.add(Map.of("name", "Bare buyer " + i, "code", "bare-" + i, "addresses", List.of(List.of("create",
            List.of(Map.of("name", "Bare buyer " + i, "street", "1 Test Road", "city", "Shanghai", "postal_code", "200000"))))));
      }
      JsonNode ids = tryton.model("party.party", "create", values);
      List<Long> created = new ArrayList<>();
      ids.forEach(id -> created.add(id.asLong()));
      for (JsonNode row : tryton.model("party.party", "read", created, List.of("addresses"))) {
        parties.add(new long[] {row.get("id").asLong(), row.get("addresses").get(0).asLong()});
      }
    }
    return parties;
  }

  private static Map<String, Object> decimal(long fen) {
    return TrytonRpc.decimal(BigDecimal.valueOf(fen, 2));
  }
}
