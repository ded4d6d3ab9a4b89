package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Reads and maintains the ERP's materials. */
public interface MaterialCatalog {

  /**
   * Which of {@code codes} exist in the ERP.
   *
   * @return the subset that exists (never null, possibly empty)
   * @throws ConnectorException on failure
   */
  Set<MaterialCode> existing(Collection<MaterialCode> codes);

  /** Creates the material or updates its name, unit and price. Idempotent on the code. */
  void upsertMaterial(Material material);

  /** All materials, ordered by code. */
  List<Material> materials();
}
