package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The active ERP's materials as the product module needs them. An ERP without
 * {@link MaterialCatalog} cannot tell which codes exist: every code then counts as existing and
 * no prices are known (the report says so).
 */
@Component
class ErpMaterials {
  private final ErpRegistry erp;

  ErpMaterials(ErpRegistry erp) {
    this.erp = erp;
  }

  boolean canTell() {
    return erp.supports(MaterialCatalog.class);
  }

  /** The codes among {@code codes} that the ERP has (all of them when it cannot tell). */
  Set<MaterialCode> existing(Collection<MaterialCode> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    if (!canTell()) {
      return new HashSet<>(codes);
    }
    return erp.capability(MaterialCatalog.class).existing(new HashSet<>(codes));
  }

  /** The materials among {@code codes} by code (read in batches); empty when the ERP cannot list them. */
  Map<MaterialCode, Material> withCodes(Collection<MaterialCode> codes) {
    Map<MaterialCode, Material> byCode = new LinkedHashMap<>();
    if (canTell() && !codes.isEmpty()) {
      erp.capability(MaterialCatalog.class).find(Set.copyOf(codes)).forEach(m -> byCode.put(m.code(), m));
    }
    return byCode;
  }

  /** The catalog for writes; empty when the ERP has none. */
  Optional<MaterialCatalog> catalog() {
    return canTell() ? Optional.of(erp.capability(MaterialCatalog.class)) : Optional.empty();
  }
}
