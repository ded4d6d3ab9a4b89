package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads and maintains the ERP's materials. Reads are bounded: by a list of codes (which the
 * connector splits into batches its ERP accepts) or a page after a code, never the whole
 * catalogue in one call, so a remote ERP with a large catalogue is never asked for everything per
 * page of trades.
 */
public interface MaterialCatalog {

  /**
   * The active materials among {@code codes}, in no particular order; codes the ERP lacks are
   * absent. The connector reads them in batches of whatever size its ERP accepts.
   *
   * @throws ConnectorException on failure
   */
  List<Material> find(Collection<MaterialCode> codes);

  /**
   * Which of {@code codes} exist in the ERP (and are active).
   *
   * @return the subset that exists (never null, possibly empty)
   * @throws ConnectorException on failure
   */
  default Set<MaterialCode> existing(Collection<MaterialCode> codes) {
    return codes.isEmpty() ? Set.of() : find(codes).stream().map(Material::code).collect(Collectors.toSet());
  }

  /** Creates the material or updates its name, unit and price. Idempotent on the code. */
  void upsertMaterial(Material material);

  /**
   * One page of the active materials, ordered by code: those whose code sorts after {@code after}
   * (from the first when null), at most {@code limit} of them. An empty page means the end.
   *
   * @throws ConnectorException on failure
   */
  List<Material> materialsAfter(@Nullable MaterialCode after, int limit);
}
