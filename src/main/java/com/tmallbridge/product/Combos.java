package com.tmallbridge.product;

import java.util.List;
import java.util.Optional;

/**
 * Combo SKUs (组合装): a code that stands for a bundle of ERP materials. A combo code is used like
 * a material code: as a merchant code on Tmall or as the target of a mapping by hand.
 */
public interface Combos {

  /** The components of the combo with this code; empty when the code is not a combo. */
  Optional<List<Component>> componentsOf(String code);
}
