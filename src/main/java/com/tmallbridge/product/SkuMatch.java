package com.tmallbridge.product;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of matching one Tmall SKU to ERP materials.
 *
 * @param sku the SKU
 * @param source the rule that supplied the code; null when no rule supplied one
 * @param code the material or combo code found; null when none
 * @param components the materials the SKU stands for (one of quantity 1 for a plain material);
 *     empty when unmatched
 * @param problem why the SKU is unmatched (no code, or a code or combo component the ERP does not
 *     have); null when matched
 */
public record SkuMatch(
    SkuRef sku, @Nullable MatchSource source, @Nullable String code, List<Component> components, @Nullable String problem) {

  public SkuMatch {
    components = List.copyOf(components);
  }

  public boolean matched() {
    return !components.isEmpty();
  }

  /** Whether the code is a combo (stands for a bundle of materials). */
  public boolean combo() {
    return matched()
        && !(components.size() == 1 && components.get(0).quantity() == 1 && components.get(0).material().value().equals(code));
  }
}
