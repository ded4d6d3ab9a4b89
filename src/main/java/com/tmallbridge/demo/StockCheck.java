package com.tmallbridge.demo;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.StockKey;
import com.tmallbridge.sandbox.tmall.StockMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Compares what the sandbox (Tmall) shows with what the ERP says may be sold, without reading the
 * bridge's own tables. For each material:
 *
 * <pre>
 * sellable = on-hand (ERP) − still to deliver (ERP sales orders, except trades closed on Tmall and
 *            sub-orders refunded before they shipped on Tmall) − safety stock, floored at 0
 * wanted   = 0 when sellable &lt; the zero-out threshold, else sellable (the demo shop publishes 100 %)
 * </pre>
 *
 * <ul>
 *   <li>{@code stock.overPublished}: materials whose Tmall figures, over every on-sale listing
 *       that sells them, add up to more than sellable;
 *   <li>{@code stock.drift}: materials whose Tmall figures do not add up to what should be
 *       published: min(sellable, Σ wanted) — one listing per material shows exactly its wanted
 *       figure; several listings of one material share it. Tmall's own holds are no drift: a
 *       拍下减库存 listing ({@link StockMode#ON_CREATION}) gave the units of a trade still waiting for
 *       payment away when the trade was created, which neither the ERP nor the bridge counts, so
 *       its figure may fall short by up to those units ({@link #heldByUnpaid});
 *   <li>{@link #overPublished}: the same comparison against what the ERP allowed at some moment of
 *       a time span ({@link StockWatch} samples the run with it).
 * </ul>
 *
 * Safety stock and the zero-out threshold are the demo's own shop settings, not read back from the
 * bridge.
 */
final class StockCheck {
  private static final Set<String> CLOSED = Set.of("TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO");
  private static final int SAMPLES = 10;

  /**
   * The ERP's side of the comparison.
   *
   * @param onHand on-hand per material over every warehouse
   * @param undelivered per Tmall trade id and material, units ordered and not yet delivered on
   *     the ERP's (non-cancelled) sales orders
   * @param safety safety stock per material (the shop's setting)
   */
  record ErpStock(Map<MaterialCode, Long> onHand, Map<String, Map<MaterialCode, Long>> undelivered, Map<MaterialCode, Long> safety) {}

  /** Problem counts and a few examples. */
  record Result(long skus, long overPublished, long drift, List<String> samples) {}

  /**
   * @param items the shop's items as the sandbox holds them
   * @param quantities the sandbox's figure per listing
   * @param trades the shop's trades (ground truth)
   * @param shippedOnTmall the sub-orders (oids) Tmall shows in a parcel
   * @param materialOf the ERP material each listing sells (the demo's own seeding rule)
   */
  Result compare(List<SandboxItem> items, Map<StockKey, Integer> quantities, List<SandboxTrade> trades, Set<Long> shippedOnTmall,
      ErpStock erp, BiFunction<SandboxItem, SandboxSku, String> materialOf, long zeroBelow) {
    Map<MaterialCode, Long> sellable = sellable(items, trades, shippedOnTmall, erp, materialOf);
    Map<StockKey, Long> held = heldByUnpaid(items, trades);
    long skus = 0;
    long over = 0;
    long drift = 0;
    List<String> samples = new ArrayList<>();
    for (Map.Entry<MaterialCode, List<StockKey>> e : listings(items, materialOf).entrySet()) {
      MaterialCode m = e.getKey();
      long may = sellable.getOrDefault(m, 0L);
      long wanted = may < zeroBelow ? 0 : may;
      skus += e.getValue().size();
      long shown = shown(e.getValue(), quantities);
      long expected = Math.min(may, wanted * e.getValue().size());
      if (shown > may) {
        over++;
        sample(samples, m + ": Tmall shows " + shown + " but only " + may + " may be sold");
      }
      long tmallHolds = e.getValue().stream().mapToLong(k -> held.getOrDefault(k, 0L)).sum();
      if (shown != expected && !(shown < expected && expected - shown <= tmallHolds)) {
        drift++;
        sample(samples, m + ": Tmall shows " + shown + ", should be " + expected + " (sellable " + may + ")");
      }
    }
    return new Result(skus, over, drift, samples);
  }

  /**
   * Materials whose Tmall figures add up to more than {@code allowed}: the most the ERP allowed at
   * any moment the figures could have been computed in.
   */
  static long overPublished(List<SandboxItem> items, Map<StockKey, Integer> quantities, Map<MaterialCode, Long> allowed,
      BiFunction<SandboxItem, SandboxSku, String> materialOf, List<String> samples) {
    long over = 0;
    for (Map.Entry<MaterialCode, List<StockKey>> e : listings(items, materialOf).entrySet()) {
      long shown = shown(e.getValue(), quantities);
      long may = allowed.getOrDefault(e.getKey(), 0L);
      if (shown > may) {
        over++;
        sample(samples, e.getKey() + ": Tmall showed " + shown + " while the ERP allowed at most " + may);
      }
    }
    return over;
  }

  /**
   * Per listing, the units Tmall took for trades still waiting for payment on 拍下减库存 items: Tmall
   * shows that much less than was published until the trade is paid or closed (and a push
   * meanwhile gives them back).
   */
  static Map<StockKey, Long> heldByUnpaid(List<SandboxItem> items, List<SandboxTrade> trades) {
    Set<Long> onCreation = new java.util.HashSet<>();
    items.stream().filter(i -> i.stockMode() == StockMode.ON_CREATION).forEach(i -> onCreation.add(i.numIid()));
    Map<StockKey, Long> held = new HashMap<>();
    for (SandboxTrade t : trades) {
      if ("WAIT_BUYER_PAY".equals(t.status())) {
        t.lines().stream().filter(l -> onCreation.contains(l.numIid()))
            .forEach(l -> held.merge(StockKey.of(l.numIid(), l.skuId()), (long) l.num(), Long::sum));
      }
    }
    return held;
  }

  /**
   * Per material, the units Tmall gave back to 拍下减库存 listings for trades closed unpaid since
   * {@code since}: Tmall raises the figure itself, on top of what was pushed, until the bridge has
   * seen the closure and pushed again.
   */
  static Map<MaterialCode, Long> givenBackSince(List<SandboxItem> items, List<SandboxTrade> trades, Instant since,
      BiFunction<SandboxItem, SandboxSku, String> materialOf) {
    Map<Long, SandboxItem> onCreation = new HashMap<>();
    items.stream().filter(i -> i.stockMode() == StockMode.ON_CREATION).forEach(i -> onCreation.put(i.numIid(), i));
    Map<MaterialCode, Long> back = new HashMap<>();
    for (SandboxTrade t : trades) {
      if (!"TRADE_CLOSED_BY_TAOBAO".equals(t.status()) || t.endTime() == null || t.endTime().isBefore(since)) {
        continue;
      }
      for (SandboxTradeLine l : t.lines()) {
        SandboxItem item = onCreation.get(l.numIid());
        if (item != null) {
          SandboxSku sku = l.skuId() == null ? null : item.skus().stream().filter(s -> s.skuId() == l.skuId()).findFirst().orElse(null);
          back.merge(new MaterialCode(materialOf.apply(item, sku)), (long) l.num(), Long::sum);
        }
      }
    }
    return back;
  }

  /**
   * What may be sold of every material a listing sells, by the formula above.
   *
   * @param shippedOnTmall the sub-orders (oids) Tmall shows in a parcel
   */
  static Map<MaterialCode, Long> sellable(List<SandboxItem> items, List<SandboxTrade> trades, Set<Long> shippedOnTmall, ErpStock erp,
      BiFunction<SandboxItem, SandboxSku, String> materialOf) {
    Map<String, SandboxTrade> byTid = new HashMap<>();
    trades.forEach(t -> byTid.put(Long.toString(t.tid()), t));
    Map<MaterialCode, Long> owed = new HashMap<>();
    erp.undelivered().forEach((tid, perMaterial) -> {
      SandboxTrade t = byTid.get(tid);
      if (t != null && CLOSED.contains(t.status())) {
        return;
      }
      Set<String> refunded = refundedMaterials(t, shippedOnTmall, items, materialOf);
      perMaterial.forEach((m, q) -> {
        if (!refunded.contains(m.value())) {
          owed.merge(m, q, Long::sum);
        }
      });
    });
    Map<MaterialCode, Long> sellable = new HashMap<>();
    for (MaterialCode m : listings(items, materialOf).keySet()) {
      sellable.put(m, Math.max(0, erp.onHand().getOrDefault(m, 0L) - owed.getOrDefault(m, 0L) - erp.safety().getOrDefault(m, 0L)));
    }
    return sellable;
  }

  private static Map<MaterialCode, List<StockKey>> listings(List<SandboxItem> items, BiFunction<SandboxItem, SandboxSku, String> materialOf) {
    Map<MaterialCode, List<StockKey>> listings = new LinkedHashMap<>();
    for (SandboxItem item : items) {
      if (!item.onSale()) {
        continue;
      }
      if (item.skus().isEmpty()) {
        listings.computeIfAbsent(new MaterialCode(materialOf.apply(item, null)), k -> new ArrayList<>()).add(StockKey.of(item.numIid(), null));
      }
      for (SandboxSku sku : item.skus()) {
        listings.computeIfAbsent(new MaterialCode(materialOf.apply(item, sku)), k -> new ArrayList<>()).add(StockKey.of(item.numIid(), sku.skuId()));
      }
    }
    return listings;
  }

  private static long shown(List<StockKey> keys, Map<StockKey, Integer> quantities) {
    return keys.stream().mapToLong(k -> quantities.getOrDefault(k, 0)).sum();
  }

  /**
   * Materials of the trade's sub-orders refunded before they shipped on Tmall: their units are free
   * again. A refund after shipping (the goods left) frees nothing until they come back. Decided per
   * sub-order, as Tmall decides a refund's phase and the bridge its reservations: a sub-order
   * refunded while another of the trade had shipped in a parcel of its own is free as well (the
   * ERP cancels its line a little later, the after-sale flow's work, not a reason to count it).
   */
  private static Set<String> refundedMaterials(SandboxTrade t, Set<Long> shippedOnTmall, List<SandboxItem> items,
      BiFunction<SandboxItem, SandboxSku, String> materialOf) {
    if (t == null) {
      return Set.of();
    }
    Set<String> refunded = new java.util.HashSet<>();
    for (SandboxTradeLine l : t.lines()) {
      if (!"SUCCESS".equals(l.refundStatus()) || shippedOnTmall.contains(l.oid())) {
        continue;
      }
      for (SandboxItem item : items) {
        if (item.numIid() != l.numIid()) {
          continue;
        }
        SandboxSku sku = l.skuId() == null ? null
            : item.skus().stream().filter(s -> s.skuId() == l.skuId()).findFirst().orElse(null);
        refunded.add(materialOf.apply(item, sku));
      }
    }
    return refunded;
  }

  private static void sample(List<String> samples, String problem) {
    if (samples.size() < SAMPLES) {
      samples.add(problem);
    }
  }
}
