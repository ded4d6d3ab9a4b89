package com.tmallbridge.demo;

import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the parcels that left the ERP's warehouse with the parcels and after-sale cases Tmall
 * shows, without reading the bridge's tables:
 *
 * <ul>
 *   <li>{@code notWrittenBack}: ERP deliveries of a Tmall trade with a sub-order that Tmall does not
 *       show in any of the trade's parcels (gift lines, which Tmall does not know, and replacement
 *       orders of exchanges, which Tmall's exchange flow carries, are left out);
 *   <li>{@code unknownOnTmall}: Tmall parcels that no ERP delivery accounts for — no delivery of the
 *       trade carries the parcel's waybill number and every sub-order Tmall put in it (a wrong
 *       waybill, a sub-order marked shipped that stayed in the warehouse);
 *   <li>{@code shippedAfterRequest}: ERP deliveries carrying a sub-order after the buyer asked for
 *       its refund before shipping, while the request waited for the seller or after it succeeded
 *       (a refusal or withdrawal ends it: Tmall's ground truth keeps when). The bridge's intercept
 *       is what stops that parcel; Tmall's times are whole seconds, so a delivery in the second of
 *       the request or of its end is given the benefit of the doubt.
 * </ul>
 */
final class ShipmentCheck {
  private static final int SAMPLES = 10;

  /**
   * Problem counts, figures and a few examples.
   *
   * @param deliveries ERP deliveries of the shop
   * @param ofTmallSubOrders those that carry Tmall sub-orders
   * @param tmallParcels Tmall's parcels of the shop
   * @param splitTrades trades Tmall shows in more than one parcel
   */
  record Result(long deliveries, long ofTmallSubOrders, long tmallParcels, long splitTrades, long notWrittenBack, long unknownOnTmall,
      long shippedAfterRequest, List<String> samples) {}

  /**
   * @param deliveries the ERP's deliveries of the demo shop's sales orders
   * @param parcels Tmall's parcels of the shop's trades (ground truth from the sandbox)
   * @param refunds every after-sale case of the shop (ground truth from the sandbox)
   */
  Result compare(List<ErpDelivery> deliveries, List<SandboxParcel> parcels, List<SandboxRefund> refunds) {
    List<String> samples = new ArrayList<>();
    Map<Long, Set<Long>> shownByTid = new HashMap<>();
    Map<Long, Integer> parcelsByTid = new HashMap<>();
    parcels.forEach(p -> {
      shownByTid.computeIfAbsent(p.tid(), k -> new HashSet<>()).addAll(p.oids());
      parcelsByTid.merge(p.tid(), 1, Integer::sum);
    });
    Map<Long, List<ErpDelivery>> deliveriesByTid = new HashMap<>();
    long ofTmall = 0;
    long notWrittenBack = 0;
    for (ErpDelivery d : deliveries) {
      String tid = d.channelOrderNo().value();
      Set<Long> oids = subOrders(d);
      if (ReplacementOrderNo.parse(tid).isPresent() || oids.isEmpty()) {
        continue; // a replacement order (not a Tmall trade) or gifts only
      }
      ofTmall++;
      deliveriesByTid.computeIfAbsent(Long.parseLong(tid), k -> new ArrayList<>()).add(d);
      Set<Long> missing = new LinkedHashSet<>(oids);
      missing.removeAll(shownByTid.getOrDefault(Long.parseLong(tid), Set.of()));
      if (!missing.isEmpty()) {
        notWrittenBack++;
        sample(samples, "delivery " + d.deliveryNo() + " (trade " + tid + ", " + d.carrier() + " " + d.trackingNo()
            + ") left the ERP but Tmall shows sub-orders " + missing + " unshipped");
      }
    }
    long unknown = 0;
    for (SandboxParcel p : parcels) {
      boolean accounted = deliveriesByTid.getOrDefault(p.tid(), List.of()).stream()
          .anyMatch(d -> p.outSid().equals(d.trackingNo()) && subOrders(d).containsAll(p.oids()));
      if (!accounted) {
        unknown++;
        sample(samples, "Tmall parcel " + p.companyCode() + " " + p.outSid() + " of trade " + p.tid() + " (sub-orders " + p.oids()
            + ") matches no ERP delivery");
      }
    }
    long afterRequest = shippedAfterRequest(deliveriesByTid, refunds, samples);
    long split = parcelsByTid.values().stream().filter(n -> n > 1).count();
    return new Result(deliveries.size(), ofTmall, parcels.size(), split, notWrittenBack, unknown, afterRequest, samples);
  }

  private static long shippedAfterRequest(Map<Long, List<ErpDelivery>> deliveriesByTid, List<SandboxRefund> refunds, List<String> samples) {
    long count = 0;
    for (SandboxRefund r : refunds) {
      if (!"onsale".equals(r.refundPhase())) {
        continue;
      }
      boolean ended = "SELLER_REFUSE_BUYER".equals(r.status()) || "CLOSED".equals(r.status());
      for (ErpDelivery d : deliveriesByTid.getOrDefault(r.tid(), List.of())) {
        Instant shipped = d.shippedAt().truncatedTo(ChronoUnit.SECONDS);
        boolean inForce = shipped.isAfter(r.created()) && (!ended || r.waitEnded() == null || shipped.isBefore(r.waitEnded()));
        if (inForce && subOrders(d).contains(r.oid())) {
          count++;
          sample(samples, "delivery " + d.deliveryNo() + " carried sub-order " + r.oid() + " at " + d.shippedAt() + " after refund "
              + r.refundId() + " was asked for before shipping (" + r.created() + ", " + r.status() + ")");
        }
      }
    }
    return count;
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
