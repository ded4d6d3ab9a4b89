package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The one matching precedence of the bridge (see {@link SkuMatching}): mapping by hand, combo code,
 * SKU merchant code, item merchant code. A page of SKUs costs one query for mappings, one for
 * combos and one ERP existence check.
 */
@Service
class SkuMatcher implements SkuMatching {
  private final MappingRepository mappings;
  private final ComboCatalog combos;
  private final ErpMaterials materials;

  SkuMatcher(MappingRepository mappings, ComboCatalog combos, ErpMaterials materials) {
    this.mappings = mappings;
    this.combos = combos;
    this.materials = materials;
  }

  @Override
  public Map<SkuRef, SkuMatch> match(ShopId shop, Collection<SkuRef> skus) {
    Set<String> numIids = new HashSet<>();
    skus.forEach(s -> numIids.add(s.numIid()));
    Map<String, String> byHand = mappings.byItems(shop, numIids);
    Map<SkuRef, Candidate> candidates = new LinkedHashMap<>();
    Set<String> codes = new HashSet<>();
    for (SkuRef sku : skus) {
      Candidate c = candidate(sku, byHand.get(MappingRepository.key(sku.numIid(), sku.skuId())));
      candidates.put(sku, c);
      if (c != null) {
        codes.add(c.code());
      }
    }
    Map<String, Combo> comboByCode = combos.byCodes(codes);
    Set<MaterialCode> needed = new HashSet<>();
    candidates.values().forEach(c -> { if (c != null) needed.addAll(materialsOf(c.code(), comboByCode)); });
    Set<MaterialCode> existing = materials.existing(needed);
    Map<SkuRef, SkuMatch> result = new LinkedHashMap<>();
    candidates.forEach((sku, c) -> result.put(sku, decide(sku, c, comboByCode, existing)));
    return result;
  }

  private record Candidate(MatchSource source, String code) {}

  private static @Nullable Candidate candidate(SkuRef sku, @Nullable String byHand) {
    if (byHand != null) {
      return new Candidate(MatchSource.MAPPING, byHand);
    }
    if (sku.skuOuterId() != null) {
      return new Candidate(MatchSource.SKU_OUTER_ID, sku.skuOuterId());
    }
    return sku.itemOuterId() == null ? null : new Candidate(MatchSource.ITEM_OUTER_ID, sku.itemOuterId());
  }

  private static List<MaterialCode> materialsOf(String code, Map<String, Combo> comboByCode) {
    Combo combo = comboByCode.get(code);
    return combo == null ? List.of(new MaterialCode(code)) : combo.components().stream().map(Component::material).toList();
  }

  private static SkuMatch decide(SkuRef sku, @Nullable Candidate c, Map<String, Combo> comboByCode, Set<MaterialCode> existing) {
    if (c == null) {
      return new SkuMatch(sku, null, null, List.of(), "has no merchant code (SKU or item outer_id) and no mapping");
    }
    Combo combo = comboByCode.get(c.code());
    MatchSource source = combo != null && c.source() != MatchSource.MAPPING ? MatchSource.COMBO : c.source();
    List<Component> components =
        combo != null ? combo.components() : List.of(new Component(new MaterialCode(c.code()), 1));
    Set<String> missing = new TreeSet<>();
    components.stream().map(Component::material).filter(m -> !existing.contains(m)).forEach(m -> missing.add(m.value()));
    if (missing.isEmpty()) {
      return new SkuMatch(sku, source, c.code(), components, null);
    }
    String problem = combo == null
        ? "maps to material '" + c.code() + "' (" + describe(source) + "), which the ERP does not have"
        : "maps to combo '" + c.code() + "' whose component(s) " + missing + " the ERP does not have";
    return new SkuMatch(sku, source, c.code(), List.of(), problem);
  }

  static String describe(MatchSource source) {
    return switch (source) {
      case MAPPING -> "mapping by hand";
      case COMBO -> "combo code";
      case SKU_OUTER_ID -> "SKU merchant code";
      case ITEM_OUTER_ID -> "item merchant code";
    };
  }
}
