package com.tmallbridge.product;

import com.tmallbridge.core.MaterialCode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Combos (组合装): reads them for the order and stock flows and keeps them valid on change — at
 * least one component, distinct materials that exist in the ERP, quantities of at least 1, and no
 * combo inside a combo (a component is never a combo code, a combo code is never a component).
 */
@Service
class ComboCatalog implements Combos {
  private final ComboRepository repository;
  private final ErpMaterials materials;
  private final Clock clock;

  ComboCatalog(ComboRepository repository, ErpMaterials materials, Clock clock) {
    this.repository = repository;
    this.materials = materials;
    this.clock = clock;
  }

  @Override
  public Optional<List<Component>> componentsOf(String code) {
    return Optional.ofNullable(repository.byCodes(List.of(code)).get(code)).map(Combo::components);
  }

  Map<String, Combo> byCodes(Set<String> codes) {
    return repository.byCodes(codes);
  }

  List<Combo> all() {
    return repository.all();
  }

  /**
   * Creates or replaces the combo.
   *
   * @throws InvalidProductInputException when the combo breaks a rule; nothing is changed then
   */
  @Transactional
  void set(Combo combo) {
    validate(combo);
    repository.replace(combo, clock.instant());
  }

  @Transactional
  void remove(String code) {
    if (!repository.remove(code)) {
      throw new InvalidProductInputException(ProductErrorCode.UNKNOWN_COMBO, "no combo with code '" + code + "'");
    }
  }

  private void validate(Combo combo) {
    String code = combo.code();
    if (code == null || code.isBlank()) {
      throw invalid("a combo needs a code");
    }
    if (combo.components().isEmpty()) {
      throw invalid("combo '" + code + "' needs at least one component (--component MATERIAL[:QTY])");
    }
    Set<String> seen = new HashSet<>();
    for (Component c : combo.components()) {
      if (!seen.add(c.material().value())) {
        throw invalid("combo '" + code + "' lists material '" + c.material() + "' twice: give it once with the total quantity");
      }
      if (c.material().value().equals(code)) {
        throw invalid("combo '" + code + "' cannot contain itself");
      }
    }
    Set<String> nested = new TreeSet<>(repository.byCodes(seen).keySet());
    if (!nested.isEmpty()) {
      throw invalid("combo '" + code + "' contains the combo(s) " + nested + ": list their materials instead (no combo inside a combo)");
    }
    List<String> containing = repository.usingMaterials(List.of(code));
    if (!containing.isEmpty()) {
      throw invalid("'" + code + "' is a component of the combo(s) " + containing + ", so it cannot be a combo itself");
    }
    Set<MaterialCode> wanted = new HashSet<>();
    combo.components().forEach(c -> wanted.add(c.material()));
    Set<MaterialCode> existing = materials.existing(wanted);
    Set<String> missing = new TreeSet<>();
    wanted.stream().filter(m -> !existing.contains(m)).forEach(m -> missing.add(m.value()));
    if (!missing.isEmpty()) {
      throw new InvalidProductInputException(
          ProductErrorCode.UNKNOWN_MATERIAL, "combo '" + code + "': the ERP has no material " + missing + ": create it first");
    }
  }

  private static InvalidProductInputException invalid(String message) {
    return new InvalidProductInputException(ProductErrorCode.INVALID_COMBO, message);
  }
}
