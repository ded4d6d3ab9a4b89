package com.tmallbridge.product;

import java.util.List;

/**
 * A combo SKU (组合装): a code that stands for a bundle of ERP materials.
 *
 * @param code the combo's code (used as a Tmall merchant code or as a mapping target)
 * @param components distinct materials with units per combo sold, at least one
 */
public record Combo(String code, List<Component> components) {

  public Combo {
    components = List.copyOf(components);
  }
}
