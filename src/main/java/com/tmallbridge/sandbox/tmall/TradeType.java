package com.tmallbridge.sandbox.tmall;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The trade types the sandbox generates. Most trades are {@code guarantee_trade}; {@code fixed} and
 * {@code step} appear only when {@link TradeMix} asks for them. {@code fixed} is outside TOP's
 * default type filter, so a client that forgets to list it misses those trades, as on real TOP.
 */
enum TradeType {
  GUARANTEE_TRADE("guarantee_trade"),
  FIXED("fixed"),
  STEP("step");

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
      return EnumSet.of(GUARANTEE_TRADE, STEP);
    }
    Set<TradeType> selected = EnumSet.noneOf(TradeType.class);
    for (String name : value.split(",")) {
      for (TradeType type : values()) {
        if (type.topName.equals(name.trim())) {
          selected.add(type);
        }
      }
    }
    return selected;
  }
}
