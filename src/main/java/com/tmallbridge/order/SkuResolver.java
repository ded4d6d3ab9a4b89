package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.GiftRules;
import com.tmallbridge.product.SkuMatch;
import com.tmallbridge.product.SkuMatching;
import com.tmallbridge.product.SkuRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps Tmall sub-orders to ERP materials, a page of trades at a time, through the product module's
 * {@link SkuMatching} (mapping by hand, then combo code, then {@code outer_sku_id}, then
 * {@code outer_iid}; every material must exist in the ERP). For pages with combos it also reads the
 * components' ERP sale prices (the weights of the combo apportionment), and for every fully matched
 * trade it asks the shop's {@link GiftRules} which gifts it earns.
 */
@org.springframework.stereotype.Component
class SkuResolver {
  private final SkuMatching matching;
  private final GiftRules giftRules;
  private final ErpRegistry erp;

  SkuResolver(SkuMatching matching, GiftRules giftRules, ErpRegistry erp) {
    this.matching = matching;
    this.giftRules = giftRules;
    this.erp = erp;
  }

  /** Resolution of every line of the given trades, keyed by sub-order id. */
  Resolution resolve(ShopId shop, Collection<ChannelTrade> trades) {
    Map<String, SkuRef> refs = new HashMap<>();
    trades.forEach(t -> t.lines().forEach(l -> refs.put(l.oid(), ref(l))));
    Map<SkuRef, SkuMatch> matches = matching.match(shop, new HashSet<>(refs.values()));
    Map<String, LineMatch> matched = new HashMap<>();
    Map<String, String> unresolved = new HashMap<>();
    boolean combos = false;
    for (ChannelTrade t : trades) {
      for (ChannelTradeLine l : t.lines()) {
        SkuMatch m = matches.get(refs.get(l.oid()));
        if (m != null && m.matched()) {
          matched.put(l.oid(), new LineMatch(Objects.requireNonNull(m.code()), m.components()));
          combos |= m.combo();
        } else {
          unresolved.put(l.oid(), describe(l) + " " + (m == null ? "was not matched" : m.problem()));
        }
      }
    }
    Map<MaterialCode, Long> prices = combos ? salePrices(matched) : Map.of();
    GiftRules.ShopGifts shopGifts = giftRules.forShop(shop);
    Map<String, List<GiftRules.Gift>> gifts = new HashMap<>();
    for (ChannelTrade t : trades) {
      if (t.lines().stream().allMatch(l -> matched.containsKey(l.oid()))) {
        gifts.put(t.tid(), shopGifts.giftsFor(Objects.requireNonNullElse(t.payTime(), t.modified()), t.paymentFen(), giftLines(t, matched)));
      }
    }
    return new Resolution(matched, unresolved, prices, gifts);
  }

  private static SkuRef ref(ChannelTradeLine l) {
    return new SkuRef(l.numIid(), l.skuId() == null ? "" : l.skuId(), l.outerSkuId(), l.outerIid());
  }

  private static List<GiftRules.TradeLine> giftLines(ChannelTrade t, Map<String, LineMatch> matched) {
    List<GiftRules.TradeLine> lines = new ArrayList<>();
    for (ChannelTradeLine l : t.lines()) {
      LineMatch m = matched.get(l.oid());
      lines.add(new GiftRules.TradeLine(l.numIid(), l.skuId() == null ? "" : l.skuId(), m.code(), m.components(), l.num()));
    }
    return lines;
  }

  /** ERP sale prices of the combo components in {@code matched}; empty when the ERP cannot list them. */
  private Map<MaterialCode, Long> salePrices(Map<String, LineMatch> matched) {
    if (!erp.supports(MaterialCatalog.class)) {
      return Map.of();
    }
    Set<MaterialCode> wanted = new HashSet<>();
    matched.values().forEach(m -> m.components().forEach(c -> wanted.add(c.material())));
    Map<MaterialCode, Long> prices = new HashMap<>();
    for (Material m : erp.capability(MaterialCatalog.class).find(wanted)) {
      prices.put(m.code(), m.salePriceFen());
    }
    return prices;
  }

  private static String describe(ChannelTradeLine l) {
    return "sub-order " + l.oid() + " (item " + l.numIid() + (l.skuId() == null ? "" : " sku " + l.skuId())
        + " '" + l.title() + "')";
  }

  /**
   * What a sub-order matched.
   *
   * @param code the material or combo code
   * @param components the materials one unit stands for (one of quantity 1 for a plain material)
   */
  record LineMatch(String code, List<Component> components) {
    static LineMatch plain(MaterialCode material) {
      return new LineMatch(material.value(), List.of(new Component(material, 1)));
    }

    boolean plain() {
      return components.size() == 1 && components.get(0).quantity() == 1 && components.get(0).material().value().equals(code);
    }
  }

  /** Matches, failures and gifts per sub-order id / tid, and sale prices of combo components. */
  record Resolution(
      Map<String, LineMatch> matches, Map<String, String> unresolved, Map<MaterialCode, Long> salePrices,
      Map<String, List<GiftRules.Gift>> gifts) {

    Map<String, LineMatch> matchesOf(ChannelTrade t) {
      Map<String, LineMatch> m = new HashMap<>();
      t.lines().forEach(l -> { if (matches.containsKey(l.oid())) m.put(l.oid(), matches.get(l.oid())); });
      return m;
    }

    Map<String, String> unresolvedOf(ChannelTrade t) {
      Map<String, String> m = new LinkedHashMap<>();
      t.lines().forEach(l -> { if (unresolved.containsKey(l.oid())) m.put(l.oid(), unresolved.get(l.oid())); });
      return m;
    }

    List<GiftRules.Gift> giftsOf(ChannelTrade t) {
      return gifts.getOrDefault(t.tid(), List.of());
    }
  }
}
