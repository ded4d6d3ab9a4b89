package com.tmallbridge.erp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Knows every {@link ErpConnector} bean and which one is active ({@code bridge.erp.active},
 * default {@code embedded}). Startup fails on two connectors
 * with one id; an unknown active id fails the first use with a message listing the known ids.
 */
@Component
public class ErpRegistry {
  /** Every capability interface of the SPI. */
  private static final List<Class<?>> CAPABILITIES = List.of(
      MaterialCatalog.class, CustomerSink.class, SalesOrderSink.class, SalesOrderQuery.class, SalesOrderAmendment.class,
      StockLedger.class, DeliveryFeed.class, DeliveryHold.class, SalesOrderLineCancellation.class, ReturnSink.class,
      DeliveryBooking.class, VoucherSink.class);

  private final Map<String, ErpConnector> connectors = new LinkedHashMap<>();
  private final String activeId;

  public ErpRegistry(List<ErpConnector> all, @Value("${bridge.erp.active:embedded}") String activeId) {
    for (ErpConnector c : all) {
      ErpConnector previous = connectors.putIfAbsent(c.id(), c);
      if (previous != null) {
        throw new IllegalStateException(
            "two ERP connectors share the id '" + c.id() + "': " + previous.getClass().getName()
                + " and " + c.getClass().getName());
      }
    }
    this.activeId = activeId;
  }

  /**
   * The active connector.
   *
   * @throws IllegalStateException when {@code bridge.erp.active} names no known connector
   */
  public ErpConnector active() {
    ErpConnector found = connectors.get(activeId);
    if (found == null) {
      throw new IllegalStateException(
          "bridge.erp.active is '" + activeId + "' but the known ERP connectors are " + connectors.keySet());
    }
    return found;
  }

  /**
   * The active connector as the given capability.
   *
   * @throws UnsupportedOperationException when the active ERP lacks that capability
   */
  public <T> T capability(Class<T> type) {
    ErpConnector active = active();
    if (!type.isInstance(active)) {
      throw new UnsupportedOperationException(
          "the active ERP '" + active.id() + "' does not support " + type.getSimpleName());
    }
    return type.cast(active);
  }

  /** Every known connector, in registration order. */
  public List<ErpConnector> all() {
    return List.copyOf(connectors.values());
  }

  /** The id of the active connector, as configured ({@code bridge.erp.active}). */
  public String activeId() {
    return activeId;
  }

  /** The capability interfaces of the SPI that {@code connector} implements, in the SPI's order. */
  public static List<Class<?>> capabilitiesOf(ErpConnector connector) {
    return CAPABILITIES.stream().filter(c -> c.isInstance(connector)).toList();
  }

  /** Whether the active connector's writes go to a remote system (no shared transaction). */
  public boolean activeIsRemote() {
    return active().locality() == ErpConnector.Locality.REMOTE;
  }

  /** Whether the active connector has the capability. */
  public boolean supports(Class<?> type) {
    return type.isInstance(active());
  }
}
