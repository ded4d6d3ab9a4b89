package com.tmallbridge.secret;

import java.util.List;

/**
 * Columns of one table that hold sealed values, declared as a bean by the module that owns the
 * table so {@link DataKeyRotation#reencrypt} finds them.
 *
 * @param table the table
 * @param idColumn a single-column unique key the rows are walked by (ordered, compared with {@code >})
 * @param contexts the sealed columns as {@code table.column}, which is also the context they are sealed with
 */
public record SealedColumns(String table, String idColumn, List<String> contexts) {
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

  public SealedColumns {
    contexts = List.copyOf(contexts);
    if (!NAME.matcher(table).matches() || !NAME.matcher(idColumn).matches()) {
      throw new IllegalArgumentException("table and id column are plain lower-case SQL names: " + table + "." + idColumn);
    }
    for (String c : contexts) {
      if (!c.startsWith(table + ".") || !NAME.matcher(c.substring(table.length() + 1)).matches()) {
        throw new IllegalArgumentException("a sealed column of " + table + " is named '" + table + ".column', not '" + c + "'");
      }
    }
  }

  String column(String context) {
    return context.substring(table.length() + 1);
  }
}
