package com.tmallbridge.stock;

/**
 * The publish rule a listing's figure came from: the narrowest rule that exists for it, and the
 * merged settings (each field inherited from the next wider rule) in short text.
 *
 * @param level where the narrowest rule sits
 * @param settings the effective settings, e.g. {@code percent 50, max 22, warehouses WH01}; {@code all} for the built-in default
 */
public record AppliedRule(Level level, String settings) {

  /** Where a rule sits, narrowest first. */
  public enum Level {
    /** A rule of this SKU. */
    SKU,
    /** A rule of the item. */
    ITEM,
    /** The shop's default rule. */
    SHOP,
    /** No rule: all sellable stock of every warehouse. */
    DEFAULT
  }

  static AppliedRule of(Level level, RuleSettings s) {
    StringBuilder text = new StringBuilder();
    if (s.percent() != 100) {
      append(text, "percent " + s.percent());
    }
    if (s.fixedAdd() != 0) {
      append(text, "add " + s.fixedAdd());
    }
    if (s.min() != 0) {
      append(text, "min " + s.min());
    }
    if (s.max() != null) {
      append(text, "max " + s.max());
    }
    if (s.zeroBelow() != 0) {
      append(text, "zero below " + s.zeroBelow());
    }
    if (s.safety() != 0) {
      append(text, "safety " + s.safety());
    }
    if (s.warehouses() != null) {
      append(text, "warehouses " + String.join(",", s.warehouses()));
    }
    return new AppliedRule(level, text.isEmpty() ? "all" : text.toString());
  }

  private static void append(StringBuilder text, String part) {
    if (!text.isEmpty()) {
      text.append(", ");
    }
    text.append(part);
  }
}
