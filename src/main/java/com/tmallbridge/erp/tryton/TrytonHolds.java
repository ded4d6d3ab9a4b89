package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErpDocNo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Delivery holds as Tryton notes ({@code ir.note}) on the sale: {@code Bridge hold <key>} followed
 * by the reason, and {@code Bridge release <key>} when released. A sale is held while it has a
 * hold note without a matching release note. Copies of both notes go to the sale's open customer
 * shipments, so a warehouse clerk working in Tryton sees the hold on the shipment as well (Tryton
 * itself does not stop a clerk from shipping; the connector's {@link TrytonBookings} refuses).
 * Notes are kept for good, so holding with a released key changes nothing. Concurrent holds of
 * one key may leave duplicate notes, which count as one.
 */
final class TrytonHolds {
  static final String HOLD = "Bridge hold ";
  static final String RELEASE = "Bridge release ";

  private final TrytonClient client;
  private final TrytonOrderLines orders;
  private final TrytonNotes notes;

  TrytonHolds(TrytonClient client, TrytonOrderLines orders, TrytonNotes notes) {
    this.client = client;
    this.orders = orders;
    this.notes = notes;
  }

  void hold(ErpDocNo salesOrderNo, String holdKey, String reason) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    if (notes.find(List.of(sale.resource()), HOLD + holdKey).isPresent()) {
      return;
    }
    List<String> resources = new ArrayList<>();
    resources.add(sale.resource());
    resources.addAll(openShipments(sale));
    notes.add(resources, HOLD + holdKey, "Do not ship this order: " + reason.strip()
        + "\n(held by TmallBridge; the bridge releases it with a '" + RELEASE.strip() + "' note)");
  }

  boolean release(ErpDocNo salesOrderNo, String holdKey) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    List<TrytonNotes.Note> all = notes.on(List.of(sale.resource()), "Bridge ");
    boolean held = all.stream().anyMatch(n -> n.key().equals(HOLD + holdKey));
    boolean released = all.stream().anyMatch(n -> n.key().equals(RELEASE + holdKey));
    if (held && !released) {
      List<String> resources = new ArrayList<>();
      resources.add(sale.resource());
      resources.addAll(openShipments(sale));
      notes.add(resources, RELEASE + holdKey, "The hold is released; the order may ship unless another hold remains.");
      return !unreleased(all, holdKey).isEmpty();
    }
    return !unreleased(all, null).isEmpty();
  }

  boolean isHeld(ErpDocNo salesOrderNo) {
    return isHeld(orders.sale(salesOrderNo));
  }

  boolean isHeld(TrytonOrderLines.Sale sale) {
    return !unreleased(notes.on(List.of(sale.resource()), "Bridge "), null).isEmpty();
  }

  /** Keys held and not released, leaving out {@code releasing}. */
  private static Set<String> unreleased(List<TrytonNotes.Note> all, @Nullable String releasing) {
    Set<String> held = new HashSet<>();
    all.stream().filter(n -> n.key().startsWith(HOLD)).forEach(n -> held.add(n.key().substring(HOLD.length())));
    all.stream().filter(n -> n.key().startsWith(RELEASE)).forEach(n -> held.remove(n.key().substring(RELEASE.length())));
    if (releasing != null) {
      held.remove(releasing);
    }
    return held;
  }

  private List<String> openShipments(TrytonOrderLines.Sale sale) {
    List<String> open = new ArrayList<>();
    if (sale.shipments().isEmpty()) {
      return open;
    }
    for (JsonNode s : client.call("stock.shipment.out", "read", List.of(sale.shipments(), List.of("state")))) {
      String state = s.get("state").asString();
      if (!"done".equals(state) && !"cancelled".equals(state)) {
        open.add(TrytonNotes.resource("stock.shipment.out", s.get("id").asLong()));
      }
    }
    return open;
  }
}
