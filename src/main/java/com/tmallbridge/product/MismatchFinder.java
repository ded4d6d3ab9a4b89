package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.Material;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the problems of a shop's stored listings for the mismatch report. Pure: every input is
 * given. Advice never suggests that the bridge sets merchant codes on Tmall: TOP's write method for
 * SKUs ({@code taobao.item.sku.update}) is not available to it, so codes are set in Tmall's seller
 * centre (千牛/卖家中心) by a person.
 */
final class MismatchFinder {
  static final String SET_ON_TMALL = "set it in Tmall's seller centre (the bridge cannot write merchant codes to Tmall)";

  private final String shopCode;
  private final Map<MaterialCode, Material> materials;
  private final boolean erpCanTell;
  private final Map<String, Combo> combos;
  private final BigDecimal tolerancePercent;

  /**
   * @param materials the ERP's materials among the codes the listings match and the combos' components
   * @param erpCanTell whether the ERP can list materials at all (prices and missing components are
   *     checked only then)
   */
  MismatchFinder(String shopCode, Map<MaterialCode, Material> materials, boolean erpCanTell, List<Combo> combos,
      BigDecimal tolerancePercent) {
    this.shopCode = shopCode;
    this.materials = materials;
    this.erpCanTell = erpCanTell;
    this.combos = new LinkedHashMap<>();
    combos.forEach(c -> this.combos.put(c.code(), c));
    this.tolerancePercent = tolerancePercent;
  }

  /**
   * The material codes whose ERP records the report reads: what the matched on-sale rows stand for
   * (a combo's components for a combo) and every combo's components — a bounded lookup instead of
   * the whole catalogue.
   */
  static Set<MaterialCode> codesToPrice(List<ListingRow> onSale, List<Combo> combos) {
    Map<String, Combo> byCode = new LinkedHashMap<>();
    combos.forEach(c -> byCode.put(c.code(), c));
    Set<MaterialCode> codes = new java.util.HashSet<>();
    for (ListingRow r : onSale) {
      if (r.matched() && r.matchCode() != null) {
        Combo combo = byCode.get(r.matchCode());
        if (combo == null) {
          codes.add(new MaterialCode(r.matchCode()));
        } else {
          combo.components().forEach(c -> codes.add(c.material()));
        }
      }
    }
    combos.forEach(c -> c.components().forEach(component -> codes.add(component.material())));
    return codes;
  }

  /** Problems of the on-sale rows and of every combo, ordered by category, item and SKU. */
  List<Mismatch> find(List<ListingRow> onSale) {
    List<Mismatch> lines = new ArrayList<>();
    for (ListingRow r : onSale) {
      if (r.outerId() == null) {
        lines.add(noOuterId(r));
      }
      boolean ownCode = r.matchSource() == MatchSource.MAPPING || r.outerId() != null;
      if (!r.matched() && r.matchCode() != null && ownCode && !combos.containsKey(r.matchCode())) {
        lines.add(line(Mismatch.Category.UNKNOWN_CODE, r, r.problem(),
            r.matchSource() == MatchSource.MAPPING
                ? "correct the mapping (products map) or create the material in the ERP"
                : "create the material in the ERP (products create-materials --shop " + shopCode + "), correct the code — "
                    + SET_ON_TMALL + " — or map by hand (products map)"));
      }
      if (r.matched() && erpCanTell) {
        priceLine(r).ifPresent(lines::add);
      }
    }
    lines.addAll(duplicates(onSale));
    lines.addAll(brokenCombos(onSale));
    lines.sort(Comparator.comparing(Mismatch::category)
        .thenComparing(m -> m.numIid() == null ? "" : m.numIid())
        .thenComparing(m -> m.skuId() == null ? "" : m.skuId()));
    return lines;
  }

  private Mismatch noOuterId(ListingRow r) {
    String what = r.skuId().isEmpty() ? "the item has no merchant code" : "the SKU has no merchant code of its own";
    if (r.matchSource() == MatchSource.MAPPING) {
      return line(Mismatch.Category.NO_OUTER_ID, r, what + "; it is mapped by hand to '" + r.matchCode() + "'",
          "nothing urgent; to drop the mapping, give it a merchant code: " + SET_ON_TMALL);
    }
    if (r.matchSource() == MatchSource.ITEM_OUTER_ID || r.matchSource() == MatchSource.COMBO) {
      return line(Mismatch.Category.NO_OUTER_ID, r, what + "; it is matched through the item's code '" + r.matchCode()
              + "', as is every SKU of the item without its own code",
          "check that every such SKU really is '" + r.matchCode() + "'; otherwise map by hand (products map) or " + SET_ON_TMALL);
    }
    String fallback = r.matchCode() == null ? "" : " and the item's code '" + r.matchCode() + "' is not an ERP material";
    return line(Mismatch.Category.NO_OUTER_ID, r, what + fallback + ", so orders for it are held (UNMAPPED_SKU)",
        "map by hand (products map --shop " + shopCode + " --item " + r.numIid() + (r.skuId().isEmpty() ? "" : " --sku " + r.skuId())
            + " --material CODE) or give it a merchant code: " + SET_ON_TMALL + "; then run products match");
  }

  private java.util.Optional<Mismatch> priceLine(ListingRow r) {
    Combo combo = combos.get(r.matchCode());
    List<Component> components = combo != null ? combo.components() : List.of(new Component(new MaterialCode(r.matchCode()), 1));
    long erpFen = 0;
    for (Component c : components) {
      Material m = materials.get(c.material());
      if (m == null) {
        return java.util.Optional.empty();
      }
      erpFen += m.salePriceFen() * c.quantity();
    }
    long diff = Math.abs(r.priceFen() - erpFen);
    // diff / erp > tolerance% ⇔ diff·100 > tolerance·erp; exact in BigDecimal
    BigDecimal allowed = tolerancePercent.multiply(BigDecimal.valueOf(erpFen));
    if (BigDecimal.valueOf(diff).multiply(BigDecimal.valueOf(100)).compareTo(allowed) <= 0) {
      return java.util.Optional.empty();
    }
    String erpWhat = combo != null ? "the sum of combo '" + combo.code() + "' components' ERP sale prices" : "the ERP sale price";
    return java.util.Optional.of(line(Mismatch.Category.PRICE_DIFFERS, r,
        "Tmall price " + com.tmallbridge.core.Money.formatYuan(r.priceFen()) + " differs from " + erpWhat + " "
            + com.tmallbridge.core.Money.formatYuan(erpFen) + " by more than " + tolerancePercent.stripTrailingZeros().toPlainString() + "%",
        "correct the price on Tmall or in the ERP (the bridge changes neither); orders always use what the buyer paid"));
  }

  private List<Mismatch> duplicates(List<ListingRow> onSale) {
    Map<String, List<ListingRow>> byCode = onSale.stream().filter(r -> r.outerId() != null)
        .collect(Collectors.groupingBy(ListingRow::outerId, LinkedHashMap::new, Collectors.toList()));
    List<Mismatch> lines = new ArrayList<>();
    byCode.forEach((code, rows) -> {
      if (rows.size() < 2) {
        return;
      }
      String all = rows.stream().map(r -> r.numIid() + (r.skuId().isEmpty() ? "" : "/" + r.skuId())).collect(Collectors.joining(", "));
      for (ListingRow r : rows) {
        lines.add(line(Mismatch.Category.DUPLICATE_OUTER_ID, r,
            "merchant code '" + code + "' is used by " + rows.size() + " SKUs of the shop: " + all,
            "if they are the same goods nothing is wrong (they share its stock); otherwise give each its own code — "
                + SET_ON_TMALL + " — or map by hand (products map)"));
      }
    });
    return lines;
  }

  private List<Mismatch> brokenCombos(List<ListingRow> onSale) {
    List<Mismatch> lines = new ArrayList<>();
    for (Combo combo : combos.values()) {
      Set<String> missing = new TreeSet<>();
      combo.components().stream().filter(c -> !materials.containsKey(c.material())).forEach(c -> missing.add(c.material().value()));
      if (missing.isEmpty() || !erpCanTell) {
        continue;
      }
      long users = onSale.stream().filter(r -> combo.code().equals(r.matchCode())).count();
      lines.add(new Mismatch(Mismatch.Category.COMBO_COMPONENT_MISSING, null, null, combo.code(), "combo " + combo.code(),
          "components " + missing + " do not exist in the ERP; " + users + " listing(s) of the shop use the combo and their orders are held",
          "create the materials in the ERP, or correct the combo (products combos set --code " + combo.code() + " ...)"));
    }
    return lines;
  }

  private static Mismatch line(Mismatch.Category category, ListingRow r, String problem, String advice) {
    return new Mismatch(category, r.numIid(), r.skuId(), r.outerId(), r.displayName(), problem, advice);
  }
}
