package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.Material;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Materials as Tryton products: one {@code product.template} (name, list price, unit, goods,
 * salable) with one {@code product.product} whose {@code suffix_code} is the material code; the
 * template has no code, so Tryton's computed product {@code code} equals the material code. A
 * material's standard cost is the product's {@code cost_price} (company-dependent; read rounded half up
 * to the fen, 0 read as none; written only when the material carries one).
 * Lookups by code go in pages of {@code pageSize} ({@code code in [...]}).
 */
final class TrytonCatalog {
  private static final List<String> FIELDS = List.of("code", "name", "template", "default_uom", "list_price", "cost_price");

  private final TrytonClient client;
  private final TrytonLocations locations;
  private final TrytonProperties properties;
  private final Map<String, String> trytonToBridgeUnit = new HashMap<>();

  TrytonCatalog(TrytonClient client, TrytonLocations locations, TrytonProperties properties) {
    this.client = client;
    this.locations = locations;
    this.properties = properties;
    properties.units().forEach((bridge, tryton) -> trytonToBridgeUnit.put(tryton, bridge));
  }

  /** The products with these codes, by code; unknown codes are absent. */
  Map<MaterialCode, TrytonProduct> products(Collection<MaterialCode> codes) {
    List<String> distinct = codes.stream().map(MaterialCode::value).distinct().toList();
    Map<MaterialCode, TrytonProduct> found = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += properties.pageSize()) {
      List<String> page = distinct.subList(from, Math.min(distinct.size(), from + properties.pageSize()));
      for (JsonNode row : client.call("product.product", "search_read",
          args(List.of(List.of("code", "in", page)), 0, null, null, FIELDS))) {
        TrytonProduct product = product(row);
        found.putIfAbsent(new MaterialCode(product.code()), product);
      }
    }
    return found;
  }

  /**
   * The products with these codes, by code.
   *
   * @throws ConnectorException permanent naming the codes Tryton does not have
   */
  Map<MaterialCode, TrytonProduct> require(Collection<MaterialCode> codes) {
    Map<MaterialCode, TrytonProduct> found = products(codes);
    Set<MaterialCode> missing = new LinkedHashSet<>(codes);
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.UNKNOWN_MATERIAL, false, "Tryton has no product with code " + missing);
    }
    return found;
  }

  Set<MaterialCode> existing(Collection<MaterialCode> codes) {
    return new LinkedHashSet<>(products(codes).keySet());
  }

  void upsert(Material material) {
    Long uom = locations.uomId(properties.units().getOrDefault(material.unit(), material.unit()));
    if (uom == null) {
      throw new ConnectorException(TrytonErrorCode.UNKNOWN_UNIT, false,
          "no Tryton unit of measure for unit '" + material.unit() + "' of " + material.code());
    }
    TrytonProduct existing = products(List.of(material.code())).get(material.code());
    if (existing == null) {
      Map<String, Object> template = new LinkedHashMap<>();
      template.put("name", material.name());
      template.put("type", "goods");
      template.put("default_uom", uom);
      template.put("sale_uom", uom);
      template.put("salable", true);
      template.put("list_price", TrytonMapper.decimal(material.salePriceFen()));
      Map<String, Object> product = new LinkedHashMap<>();
      product.put("suffix_code", material.code().value());
      if (material.standardCostFen() != null) {
        product.put("cost_price", TrytonMapper.decimal(material.standardCostFen()));
      }
      template.put("products", List.of(List.of("create", List.of(product))));
      client.call("product.template", "create", List.of(List.of(template)));
      return;
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    if (!existing.name().equals(material.name())) {
      changes.put("name", material.name());
    }
    if (existing.listPriceFen() != material.salePriceFen()) {
      changes.put("list_price", TrytonMapper.decimal(material.salePriceFen()));
    }
    if (existing.uom() != uom) {
      changes.put("default_uom", uom);
      changes.put("sale_uom", uom);
    }
    if (!changes.isEmpty()) {
      client.call("product.template", "write", List.of(List.of(existing.template()), changes));
    }
    if (material.standardCostFen() != null && !material.standardCostFen().equals(existing.costFen())) {
      client.call("product.product", "write",
          List.of(List.of(existing.id()), Map.of("cost_price", TrytonMapper.decimal(material.standardCostFen()))));
    }
  }

  /** The products with these codes as materials (read in pages of {@code pageSize} codes). */
  List<Material> find(Collection<MaterialCode> codes) {
    return products(codes).values().stream().map(this::material).toList();
  }

  /** Up to {@code limit} products with a code after {@code after}, ordered by code (the suffix code: templates have none). */
  List<Material> materialsAfter(@Nullable MaterialCode after, int limit) {
    List<Object> domain = new ArrayList<>();
    domain.add(java.util.Arrays.asList("suffix_code", "!=", null));
    if (after != null) {
      domain.add(List.of("suffix_code", ">", after.value()));
    }
    JsonNode page = client.call("product.product", "search_read",
        args(domain, 0, limit, List.of(List.of("suffix_code", "ASC"), List.of("id", "ASC")), FIELDS));
    List<Material> materials = new ArrayList<>();
    for (JsonNode row : page) {
      if (TrytonMapper.text(row, "code") != null) {
        materials.add(material(product(row)));
      }
    }
    return materials;
  }

  private Material material(TrytonProduct p) {
    String symbol = locations.uomSymbol(p.uom());
    String unit = symbol == null ? "" : trytonToBridgeUnit.getOrDefault(symbol, symbol);
    return new Material(new MaterialCode(p.code()), p.name(), unit, p.listPriceFen(), p.costFen());
  }

  /** Product ids to codes, for the products that have one. */
  Map<Long, MaterialCode> codes(Collection<Long> productIds) {
    Map<Long, MaterialCode> codes = new HashMap<>();
    List<Long> ids = List.copyOf(new LinkedHashSet<>(productIds));
    for (int from = 0; from < ids.size(); from += properties.pageSize()) {
      List<Long> page = ids.subList(from, Math.min(ids.size(), from + properties.pageSize()));
      for (JsonNode row : client.call("product.product", "read", List.of(page, List.of("code")))) {
        String code = TrytonMapper.text(row, "code");
        if (code != null && !code.isBlank()) {
          codes.put(row.get("id").asLong(), new MaterialCode(code));
        }
      }
    }
    return codes;
  }

  private static TrytonProduct product(JsonNode row) {
    JsonNode price = row.get("list_price");
    return new TrytonProduct(row.get("id").asLong(), row.get("template").asLong(), row.get("code").asString(),
        row.get("name").asString(), row.get("default_uom").asLong(),
        price == null || price.isNull() ? 0 : TrytonMapper.fen(price), cost(row.get("cost_price")));
  }

  /** {@code cost_price} rounded half up to the fen; null when absent or 0. */
  private static @Nullable Long cost(@Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    BigDecimal yuan = value.isObject() ? new BigDecimal(value.get("decimal").asString())
        : value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
    long fen = yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return fen == 0 ? null : fen;
  }
}
