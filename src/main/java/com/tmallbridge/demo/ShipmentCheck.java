package com.tmallbridge.demo;

import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Compares the parcels that left the ERP's warehouse with what Tmall shows, without reading the
 * bridge's tables:
 *
 * <ul>
 *   <li>{@code shippedInErpNotOnTmall}: ERP deliveries of a Tmall trade with a sub-order that Tmall
 *       does not show in any of the trade's parcels (gift lines, which Tmall does not know, and
 *       replacement orders of exchanges, which Tmall's exchange flow carries, are left out);
 *   <li>{@code shippedWhileHeld}: ERP deliveries booked while a hold on their sales order was in
 *       force — a parcel that left after an intercept.
 * </ul>
 */
final class ShipmentCheck {
  private static final int SAMPLES = 10;

  /** Problem counts, figures and a few examples. */
  record Result(long parcels, long tmallParcels, long shippedInErpNotOnTmall, long shippedWhileHeld, List<String> samples) {}

  /**
   * @param deliveries the ERP's deliveries of the demo shop's sales orders
   * @param parcelsOf Tmall's parcels of a trade (ground truth from the sandbox)
   * @param holds every hold the ERP ever placed on the shop's sales orders
   */
  Result compare(List<ErpDelivery> deliveries, LongFunction<List<SandboxParcel>> parcelsOf, List<AfterSaleFacts.Hold> holds) {
    long tmallParcels = 0;
    long notOnTmall = 0;
    long whileHeld = 0;
    List<String> samples = new ArrayList<>();
    for (ErpDelivery d : deliveries) {
      for (AfterSaleFacts.Hold h : holds) {
        if (h.salesOrderNo().equals(d.salesOrderNo()) && h.heldAt(d.shippedAt())) {
          whileHeld++;
          sample(samples, "delivery " + d.deliveryNo() + " of " + d.salesOrderNo() + " left at " + d.shippedAt() + " while hold "
              + h.key() + " was in force");
          break;
        }
      }
      String tid = d.channelOrderNo().value();
      if (ReplacementOrderNo.parse(tid).isPresent()) {
        continue; // a replacement order: not a Tmall trade
      }
      Set<Long> oids = subOrders(d);
      if (oids.isEmpty()) {
        continue;
      }
      tmallParcels++;
      Set<Long> shown = new HashSet<>();
      parcelsOf.apply(Long.parseLong(tid)).forEach(p -> shown.addAll(p.oids()));
      if (!shown.containsAll(oids)) {
        notOnTmall++;
        Set<Long> missing = new LinkedHashSet<>(oids);
        missing.removeAll(shown);
        sample(samples, "delivery " + d.deliveryNo() + " (trade " + tid + ", " + d.carrier() + " " + d.trackingNo()
            + ") left the ERP but Tmall shows sub-orders " + missing + " unshipped");
      }
    }
    return new Result(deliveries.size(), tmallParcels, notOnTmall, whileHeld, samples);
  }

  /** The Tmall sub-orders of a delivery: {@code oid} and {@code oid#n} lines, gift lines left out. */
  private static Set<Long> subOrders(ErpDelivery d) {
    Set<Long> oids = new LinkedHashSet<>();
    for (ErpDelivery.Line l : d.lines()) {
      String id = l.externalLineId();
      int hash = id.indexOf('#');
      String oid = hash < 0 ? id : id.substring(0, hash);
      if (!oid.isEmpty() && oid.chars().allMatch(Character::isDigit)) {
        oids.add(Long.parseLong(oid));
      }
    }
    return oids;
  }

  private static void sample(List<String> samples, String problem) {
    if (samples.size() < SAMPLES) {
      samples.add(problem);
    }
  }
}
