package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;
import org.jspecify.annotations.Nullable;

/**
 * A material (stock-keeping item) in the ERP.
 *
 * @param code unique material code
 * @param name display name
 * @param unit unit of measure, e.g. {@code pcs}
 * @param salePriceFen list sale price in fen
 * @param standardCostFen the standard cost of one unit in fen (标准成本), null when the ERP keeps none
 *     or does not say; the sales report's margin uses it. Writing a material with null leaves a cost
 *     already kept unchanged
 */
public record Material(MaterialCode code, String name, String unit, long salePriceFen, @Nullable Long standardCostFen) {

  /** A material without a known cost. */
  public Material(MaterialCode code, String name, String unit, long salePriceFen) {
    this(code, name, unit, salePriceFen, null);
  }

  /** @throws IllegalArgumentException when the cost is negative */
  public Material {
    if (standardCostFen != null && standardCostFen < 0) {
      throw new IllegalArgumentException("material " + code.value() + ": a standard cost cannot be negative");
    }
  }
}
