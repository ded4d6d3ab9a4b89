package com.tmallbridge.console.web;

import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.fulfilment.ShipmentView;
import com.tmallbridge.order.ExceptionRecord;
import com.tmallbridge.order.TradeDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a trade, oldest first, from the façades' records: received, paid, held (each
 * exception), retried into resolution or ignored, sent to the ERP, the Tmall version the ERP order
 * was last written from (an amendment when later than the first), cancellation requested, shipped and confirmed to Tmall, refunds asked for.
 */
final class TradeHistory {
  private TradeHistory() {}

  /**
   * One event.
   *
   * @param at when
   * @param kind the message key suffix ({@code history.<kind>}) naming the event
   * @param detail the values involved (codes, numbers, notes), in no language
   */
  record Event(Instant at, String kind, String detail) {}

  static List<Event> of(TradeDetail d, List<ShipmentView> shipments, List<RefundView> refunds) {
    List<Event> events = new ArrayList<>();
    events.add(new Event(d.firstSeenAt(), "received", d.trade().status()));
    add(events, d.trade().payTime(), "paid", "");
    for (ExceptionRecord e : d.exceptions()) {
      events.add(new Event(e.createdAt(), "held", e.reasonCode() + ": " + e.message()));
      if ("IGNORED".equals(e.status())) {
        add(events, e.resolvedAt(), "ignored", e.reasonCode() + " · " + e.closedBy() + ": " + e.closeNote());
      } else if ("RESOLVED".equals(e.status())) {
        add(events, e.resolvedAt(), "resolved", e.reasonCode() + (e.retries() > 0 ? " · " + e.retries() + "×" : ""));
      }
    }
    add(events, d.exportedAt(), "exported", Objects.requireNonNullElse(d.trade().erpOrderNo(), ""));
    // the Tmall version the ERP order was last written from (created, or amended since): at that version's modified time
    add(events, d.exportedAt() == null ? null : d.amendedAt(), "erpVersion", "");
    add(events, d.cancelRequestedAt(), "cancelRequested", Objects.requireNonNullElse(d.cancelOutcome(), ""));
    for (ShipmentView s : shipments) {
      events.add(new Event(s.shippedAt(), "shipped", s.deliveryNo() + " · " + Objects.requireNonNullElse(s.erpCarrier(), "")
          + " " + Objects.requireNonNullElse(s.trackingNo(), "") + " · " + s.state()));
      add(events, s.sentAt(), "confirmed", s.deliveryNo() + " · " + Objects.requireNonNullElse(s.companyCode(), ""));
    }
    for (RefundView r : refunds) {
      events.add(new Event(r.created(), "refund", r.refundId() + " · " + r.kind() + " · " + ViewFormat.INSTANCE.yuan(r.refundFeeFen())
          + " · " + r.status() + " · " + r.stage()));
    }
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private static void add(List<Event> events, @Nullable Instant at, String kind, String detail) {
    if (at != null) {
      events.add(new Event(at, kind, detail));
    }
  }
}
