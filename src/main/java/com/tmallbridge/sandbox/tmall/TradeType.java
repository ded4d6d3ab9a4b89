package com.tmallbridge.sandbox.tmall;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The trade types the sandbox generates. Most trades are {@code fixed} (一口价); {@code step} and
 * {@code tmall_i18n} appear as {@link TradeMix} asks. As on TOP, {@code guarantee_trade} is a query
 * alias of {@code fixed} and {@code auction}, never a trade's type, and {@code tmall_i18n} is outside
 * the default filter, so a client that does not list the types it wants misses those trades.
 */
enum TradeType {
  FIXED("fixed"),
  STEP("step"),
  TMALL_I18N("tmall_i18n");

  private final String topName;

  TradeType(String topName) {
    this.topName = topName;
  }

  String topName() {
    return topName;
  }

  /**
   * The types a {@code type} request parameter selects. Absent means TOP's default list ({@code
   * guarantee_trade,auto_delivery,ec,cod,step}); names of types the sandbox never generates are
   * accepted and match nothing.
   */
  static Set<TradeType> parseFilter(@Nullable String value) {
    if (value == null) {
      return EnumSet.of(FIXED, STEP);
    }
    Set<TradeType> selected = EnumSet.noneOf(TradeType.class);
    for (String name : value.split(",")) {
      if ("guarantee_trade".equals(name.trim())) {
        selected.add(FIXED);
      }
      for (TradeType type : values()) {
        if (type.topName.equals(name.trim())) {
          selected.add(type);
        }
      }
    }
    return selected;
  }
}
