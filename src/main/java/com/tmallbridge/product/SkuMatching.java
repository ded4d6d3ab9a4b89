package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.util.Collection;
import java.util.Map;

/**
 * Matches Tmall SKUs to ERP materials with one precedence for every flow: a mapping by hand, then a
 * combo code, then the SKU's merchant code, then the item's. Every material found (including each
 * combo component) must exist in the ERP when the ERP can tell (it implements
 * {@link com.tmallbridge.erp.MaterialCatalog}). Thread-safe; reads only.
 */
public interface SkuMatching {

  /**
   * Matches the SKUs of one shop, with one ERP call for the whole batch.
   *
   * @return one match per distinct SKU given, keyed by the given reference
   * @throws com.tmallbridge.erp.ConnectorException when the ERP cannot be asked
   */
  Map<SkuRef, SkuMatch> match(ShopId shop, Collection<SkuRef> skus);
}
