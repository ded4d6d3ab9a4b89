package com.tmallbridge.sandbox.tmall;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON forms of the control API: state, credentials, fault settings, stock and shops. */
final class ControlJson {
  private ControlJson() {}

  static ObjectNode state(SandboxState state) {
    ObjectNode node = ResponseShape.object();
    node.put("trades", state.trades());
    node.put("paidTrades", state.paidTrades());
    node.put("paymentFen", state.paymentFen());
    ObjectNode byStatus = node.putObject("byStatus");
    state.byStatus().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
    ObjectNode calls = node.putObject("apiCalls");
    state.apiCalls().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> calls.put(e.getKey(), e.getValue()));
    ObjectNode faults = node.putObject("faultsInjected");
    state.faultsInjected().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> faults.put(e.getKey(), e.getValue()));
    return node;
  }

  static ObjectNode credentials(SandboxCredentials credentials, String url) {
    ObjectNode node = ResponseShape.object();
    node.put("url", url);
    node.put("appKey", credentials.appKey());
    node.put("appSecret", credentials.appSecret());
    node.put("sessionKey", credentials.sessionKey());
    node.put("sellerNick", credentials.sellerNick());
    return node;
  }

  /** {@code {"shop","quantities":[{"numIid","skuId","quantity"}],"stats":{..}}}. */
  static ObjectNode stock(SandboxShop shop) {
    ObjectNode node = ResponseShape.object();
    node.put("shop", shop.sellerNick());
    ArrayNode quantities = node.putArray("quantities");
    shop.quantities()
        .forEach(
            (key, quantity) -> {
              ObjectNode entry = quantities.addObject();
              entry.put("numIid", key.numIid());
              entry.put("skuId", key.skuId());
              entry.put("quantity", quantity);
            });
    node.set("stats", stats(shop.stockStats()));
    return node;
  }

  static ObjectNode stats(StockStats stats) {
    ObjectNode node = ResponseShape.object();
    node.put("updateCalls", stats.updateCalls());
    node.put("skusUpdated", stats.skusUpdated());
    node.put("rejectedCalls", stats.rejectedCalls());
    return node;
  }

  /**
   * Sets quantities from {@code {"quantities":[{"numIid":1,"skuId":"2","quantity":3}]}} (skuId
   * {@code ""} or absent for items without SKUs) or {@code {"all":N}}.
   *
   * @throws IllegalArgumentException for a malformed body, an unknown position or a negative quantity
   */
  static void setStock(SandboxShop shop, JsonNode body) {
    if (body.has("all")) {
      shop.setAllQuantities(wholeNumber(body.path("all"), "all"));
      return;
    }
    JsonNode entries = body.path("quantities");
    if (!entries.isArray()) {
      throw new IllegalArgumentException("the body needs \"quantities\":[..] or \"all\":N");
    }
    Map<StockKey, Integer> quantities = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      if (!entry.path("numIid").canConvertToLong()) {
        throw new IllegalArgumentException("every entry needs a numeric numIid: " + entry);
      }
      String skuId = entry.path("skuId").isMissingNode() ? "" : entry.path("skuId").asString();
      quantities.put(
          new StockKey(entry.path("numIid").asLong(), skuId),
          wholeNumber(entry.path("quantity"), "quantity"));
    }
    shop.setQuantities(quantities);
  }

  /**
   * Adds a shop from {@code {"sellerNick":"..","catalog":{"kind":"uniform","items":2500,
   * "skusPerItem":20,"quantityPerSku":100,"outerIdPrefix":"BENCH","stockMode":"ON_PAYMENT"}}};
   * without {@code catalog} (or with {@code "kind":"generated"} and optional {@code "items"}) the
   * shop gets a generated catalog.
   */
  static SandboxShop addShop(TmallSandbox sandbox, JsonNode body) {
    String nick = body.path("sellerNick").asString("");
    JsonNode catalog = body.path("catalog");
    CatalogSpec spec;
    String kind = catalog.path("kind").asString("generated");
    if ("uniform".equalsIgnoreCase(kind)) {
      spec =
          CatalogSpec.uniform(
              wholeNumber(catalog.path("items"), "items"),
              wholeNumber(catalog.path("skusPerItem"), "skusPerItem"),
              wholeNumber(catalog.path("quantityPerSku"), "quantityPerSku"),
              catalog.path("outerIdPrefix").asString("SP"));
      if (catalog.has("stockMode")) {
        spec = spec.withStockMode(StockMode.valueOf(catalog.path("stockMode").asString()));
      }
    } else if ("generated".equalsIgnoreCase(kind)) {
      spec =
          CatalogSpec.generated(
              catalog.has("items") ? wholeNumber(catalog.path("items"), "items") : 0);
    } else {
      throw new IllegalArgumentException("catalog kind must be generated or uniform, got " + kind);
    }
    return sandbox.addShop(nick, spec);
  }

  static ObjectNode shop(SandboxShop shop, String url) {
    ObjectNode node = credentials(shop.credentials(), url);
    node.put("index", shop.index());
    node.put("catalog", shop.catalog().kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("items", shop.items().size());
    node.put("positions", shop.quantities().size());
    node.set("stats", stats(shop.stockStats()));
    return node;
  }

  static ObjectNode shops(List<SandboxShop> shops, String url) {
    ObjectNode node = ResponseShape.object();
    ArrayNode list = node.putArray("shops");
    shops.forEach(shop -> list.add(shop(shop, url)));
    return node;
  }

  private static int wholeNumber(JsonNode value, String name) {
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + value);
    }
    return value.asInt();
  }

  static ObjectNode faults(FaultSettings settings) {
    ObjectNode node = ResponseShape.object();
    node.put("errorRate", settings.errorRate());
    ObjectNode rates = node.putObject("methodErrorRates");
    settings.methodErrorRates().forEach(rates::put);
    node.put("banRate", settings.banRate());
    node.put("banMinSeconds", settings.banMinSeconds());
    node.put("banMaxSeconds", settings.banMaxSeconds());
    node.put("latencyMillis", settings.latencyMillis());
    node.put("malformedRate", settings.malformedRate());
    node.put("partialListRate", settings.partialListRate());
    return node;
  }

  /**
   * Fault settings from JSON; absent keys take the values of {@link FaultSettings#none()}.
   *
   * @throws IllegalArgumentException when a value is out of range
   */
  static FaultSettings faults(JsonNode node) {
    FaultSettings none = FaultSettings.none();
    Map<String, Double> rates = new HashMap<>();
    JsonNode methodRates = node.path("methodErrorRates");
    for (String method : methodRates.propertyNames()) {
      rates.put(method, methodRates.get(method).asDouble());
    }
    return new FaultSettings(
        node.path("errorRate").asDouble(none.errorRate()),
        rates,
        node.path("banRate").asDouble(none.banRate()),
        node.path("banMinSeconds").asInt(none.banMinSeconds()),
        node.path("banMaxSeconds").asInt(none.banMaxSeconds()),
        node.path("latencyMillis").asLong(none.latencyMillis()),
        node.path("malformedRate").asDouble(none.malformedRate()),
        node.path("partialListRate").asDouble(none.partialListRate()));
  }
}
