package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.MaterialCatalog;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps Tmall sub-orders to ERP materials, a page of trades at a time: first the explicit mapping
 * table (shop, num_iid, sku_id), then the SKU's merchant code ({@code outer_sku_id}), then the
 * item's ({@code outer_iid}). The resulting codes are checked against the ERP's material catalog
 * in one call per page when the ERP supports {@link MaterialCatalog}.
 */
@Component
class SkuResolver {
  private final OrderRepository repository;
  private final ErpRegistry erp;

  SkuResolver(OrderRepository repository, ErpRegistry erp) {
    this.repository = repository;
    this.erp = erp;
  }

  /** Resolution of every line of the given trades, keyed by sub-order id. */
  Resolution resolve(ShopId shop, Collection<ChannelTrade> trades) {
    Set<String> numIids = new HashSet<>();
    trades.forEach(t -> t.lines().forEach(l -> numIids.add(l.numIid())));
    Map<String, String> explicit = repository.mappings(shop, numIids);
    Map<String, MaterialCode> candidates = new LinkedHashMap<>();
    Map<String, String> unresolved = new HashMap<>();
    for (ChannelTrade t : trades) {
      for (ChannelTradeLine l : t.lines()) {
        String code = candidate(l, explicit);
        if (code == null) {
          unresolved.put(l.oid(), describe(l) + " has no merchant code (outer_sku_id/outer_iid) and no mapping");
        } else {
          candidates.put(l.oid(), new MaterialCode(code));
        }
      }
    }
    checkExistence(trades, candidates, unresolved);
    return new Resolution(candidates, unresolved);
  }

  private void checkExistence(Collection<ChannelTrade> trades, Map<String, MaterialCode> candidates, Map<String, String> unresolved) {
    if (!erp.supports(MaterialCatalog.class) || candidates.isEmpty()) {
      return;
    }
    Set<MaterialCode> existing = erp.capability(MaterialCatalog.class).existing(new HashSet<>(candidates.values()));
    for (ChannelTrade t : trades) {
      for (ChannelTradeLine l : t.lines()) {
        MaterialCode code = candidates.get(l.oid());
        if (code != null && !existing.contains(code)) {
          candidates.remove(l.oid());
          unresolved.put(l.oid(), describe(l) + " maps to material '" + code + "', which the ERP does not have");
        }
      }
    }
  }

  private static @Nullable String candidate(ChannelTradeLine l, Map<String, String> explicit) {
    String mapped = explicit.get(OrderRepository.mappingKey(l.numIid(), l.skuId()));
    if (mapped != null) {
      return mapped;
    }
    if (l.outerSkuId() != null && !l.outerSkuId().isBlank()) {
      return l.outerSkuId();
    }
    return l.outerIid() != null && !l.outerIid().isBlank() ? l.outerIid() : null;
  }

  private static String describe(ChannelTradeLine l) {
    return "sub-order " + l.oid() + " (item " + l.numIid() + (l.skuId() == null ? "" : " sku " + l.skuId())
        + " '" + l.title() + "')";
  }

  /** Materials and failures per sub-order id. */
  record Resolution(Map<String, MaterialCode> materials, Map<String, String> unresolved) {
    Map<String, MaterialCode> materialsOf(ChannelTrade t) {
      Map<String, MaterialCode> m = new HashMap<>();
      t.lines().forEach(l -> { if (materials.containsKey(l.oid())) m.put(l.oid(), materials.get(l.oid())); });
      return m;
    }

    Map<String, String> unresolvedOf(ChannelTrade t) {
      Map<String, String> m = new LinkedHashMap<>();
      t.lines().forEach(l -> { if (unresolved.containsKey(l.oid())) m.put(l.oid(), unresolved.get(l.oid())); });
      return m;
    }

  }
}
