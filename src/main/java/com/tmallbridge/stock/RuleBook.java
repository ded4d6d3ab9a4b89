package com.tmallbridge.stock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Resolves the effective rule of a listing: SKU override, then item override, then shop default. */
final class RuleBook {
  private final Map<String, StockRule> byKey = new HashMap<>();

  RuleBook(List<StockRule> rules) {
    rules.forEach(r -> byKey.put(key(r.shop().value(), r.numIid(), r.skuId()), r));
  }

  RuleSettings settingsFor(long shop, String numIid, String skuId) {
    StockRule[] chain = {
      skuId.isEmpty() ? null : byKey.get(key(shop, numIid, skuId)), byKey.get(key(shop, numIid, "")), byKey.get(key(shop, "", ""))
    };
    RuleSettings d = RuleSettings.DEFAULT;
    return new RuleSettings(
        pick(chain, StockRule::warehouses, d.warehouses()),
        pick(chain, StockRule::percent, d.percent()),
        pick(chain, StockRule::fixedAdd, d.fixedAdd()),
        pick(chain, StockRule::min, d.min()),
        pick(chain, StockRule::max, d.max()),
        pick(chain, StockRule::zeroBelow, d.zeroBelow()),
        pick(chain, StockRule::safety, d.safety()));
  }

  /** The narrowest rule that exists for the listing and the merged settings. */
  AppliedRule applied(long shop, String numIid, String skuId) {
    AppliedRule.Level level = !skuId.isEmpty() && byKey.containsKey(key(shop, numIid, skuId)) ? AppliedRule.Level.SKU
        : byKey.containsKey(key(shop, numIid, "")) ? AppliedRule.Level.ITEM
        : byKey.containsKey(key(shop, "", "")) ? AppliedRule.Level.SHOP : AppliedRule.Level.DEFAULT;
    return AppliedRule.of(level, settingsFor(shop, numIid, skuId));
  }

  private static <T> T pick(@Nullable StockRule[] chain, java.util.function.Function<StockRule, @Nullable T> field, T fallback) {
    for (StockRule r : chain) {
      if (r != null && field.apply(r) != null) {
        return field.apply(r);
      }
    }
    return fallback;
  }

  private static String key(long shop, String numIid, String skuId) {
    return shop + "/" + numIid + "/" + skuId;
  }
}
