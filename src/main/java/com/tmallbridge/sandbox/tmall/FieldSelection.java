package com.tmallbridge.sandbox.tmall;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code fields} parameter: which fields a response carries. A nested list is requested either
 * whole by its name ({@code orders}) or field by field ({@code orders.oid,orders.title}); unknown
 * names are ignored, as TOP does.
 */
final class FieldSelection {
  private static final FieldSelection ALL = new FieldSelection(Set.of(), true);

  private final Set<String> names;
  private final boolean all;

  private FieldSelection(Set<String> names, boolean all) {
    this.names = Set.copyOf(names);
    this.all = all;
  }

  static FieldSelection parse(String fields) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : fields.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return new FieldSelection(names, false);
  }

  boolean has(String name) {
    return all || names.contains(name);
  }

  /**
   * The selection for a nested list known under any of {@code listNames}: all of its fields when a
   * list name is requested, the {@code name.field} entries otherwise, empty when not requested.
   */
  Optional<FieldSelection> nested(String... listNames) {
    if (all) {
      return Optional.of(ALL);
    }
    Set<String> nested = new LinkedHashSet<>();
    for (String listName : listNames) {
      if (names.contains(listName)) {
        return Optional.of(ALL);
      }
      String prefix = listName + ".";
      names.stream()
          .filter(name -> name.startsWith(prefix))
          .forEach(name -> nested.add(name.substring(prefix.length())));
    }
    return nested.isEmpty() ? Optional.empty() : Optional.of(new FieldSelection(nested, false));
  }

  /** The same selection limited to the given names (e.g. what items.onsale.get allows). */
  FieldSelection restrictedTo(Set<String> allowed) {
    Set<String> kept = new LinkedHashSet<>(names);
    kept.retainAll(allowed);
    return new FieldSelection(kept, false);
  }
}
