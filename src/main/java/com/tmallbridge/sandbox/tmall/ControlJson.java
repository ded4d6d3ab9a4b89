package com.tmallbridge.sandbox.tmall;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON forms of the control API: state, credentials and fault settings. */
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
