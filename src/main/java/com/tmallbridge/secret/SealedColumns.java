package com.tmallbridge.secret;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Columns of one table that hold sealed values, declared as a bean by the module that owns the
 * table so {@link DataKeyRotation#reencrypt} finds them.
 *
 * @param table the table
 * @param idColumn a single-column unique key the rows are walked by (ordered, compared with {@code >})
 * @param contexts the sealed columns as {@code table.column}, which is also the context they are sealed with
 * @param digestColumns for a sealed column whose rows are compared by a {@link FieldCipher#digest}
 *     (context to the column holding it), so a re-encryption rewrites the digest with the active key
 *     in the same statement as the value
 */
public record SealedColumns(String table, String idColumn, List<String> contexts, Map<String, String> digestColumns) {
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

  /** Sealed columns without digests. */
  public SealedColumns(String table, String idColumn, List<String> contexts) {
    this(table, idColumn, contexts, Map.of());
  }

  public SealedColumns {
    contexts = List.copyOf(contexts);
    digestColumns = Map.copyOf(digestColumns);
    for (var e : digestColumns.entrySet()) {
      if (!contexts.contains(e.getKey()) || !NAME.matcher(e.getValue()).matches()) {
        throw new IllegalArgumentException("a digest column belongs to a sealed column of " + table + ": " + e);
      }
    }
    if (!NAME.matcher(table).matches() || !NAME.matcher(idColumn).matches()) {
      throw new IllegalArgumentException("table and id column are plain lower-case SQL names: " + table + "." + idColumn);
    }
    for (String c : contexts) {
      if (!c.startsWith(table + ".") || !NAME.matcher(c.substring(table.length() + 1)).matches()) {
        throw new IllegalArgumentException("a sealed column of " + table + " is named '" + table + ".column', not '" + c + "'");
      }
    }
  }

  @Nullable String digestColumn(String context) {
    return digestColumns.get(context);
  }

  String column(String context) {
    return context.substring(table.length() + 1);
  }
}
