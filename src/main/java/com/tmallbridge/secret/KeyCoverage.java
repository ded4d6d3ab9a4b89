package com.tmallbridge.secret;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks that this process's data keys open what the database holds: for every sealed column (the
 * {@link SealedColumns} beans), the key ids its values name that the key ring lacks, and the key
 * ids the ring has whose key does not open them (a key of the same id but other bytes, as after a
 * restore into an install that made its own first key). Run after a restore and by
 * {@code keys check}: a database whose values no key opens has lost them, and the fix (copying the
 * old install's key file) is only possible while that file still exists.
 *
 * <p>Reads only: one probing query per key id and column, one value opened per key id and column,
 * and a count of each missing or mismatched key's values (a scan of the column).
 */
@Service
public class KeyCoverage {
  private final DataKeys keys;
  private final FieldCipher cipher;
  private final List<SealedColumns> tables;
  private final JdbcClient jdbc;

  KeyCoverage(DataKeys keys, FieldCipher cipher, List<SealedColumns> tables, JdbcClient jdbc) {
    this.keys = keys;
    this.cipher = cipher;
    this.tables = tables;
    this.jdbc = jdbc;
  }

  /** Why a key does not open a column's values. */
  public enum Problem {
    /** The values name a key id the ring does not hold. */
    MISSING,
    /** The ring holds a key of that id, but it does not open the values (other key bytes). */
    DIFFERENT
  }

  /**
   * A key that does not open some of a column's values.
   *
   * @param keyId the key id the values name
   * @param column the column, as {@code table.column}
   * @param values how many values of the column name that key
   */
  public record Gap(String keyId, String column, Problem problem, long values) {}

  /** Every column's values that this process's keys cannot open, by key id; empty when all open. */
  public List<Gap> gaps() {
    List<Gap> gaps = new ArrayList<>();
    for (SealedColumns t : tables) {
      for (String context : t.contexts()) {
        gaps.addAll(gaps(t, context));
      }
    }
    return gaps;
  }

  private List<Gap> gaps(SealedColumns t, String context) {
    String column = t.column(context);
    List<Gap> gaps = new ArrayList<>();
    for (String id : keys.keyIds()) {
      String sample = first(t, column, prefixOf(id), List.of());
      if (sample != null && !opens(sample, context)) {
        gaps.add(new Gap(id, context, Problem.DIFFERENT, count(t, column, id)));
      }
    }
    List<String> known = new ArrayList<>(keys.keyIds());
    while (true) {
      String other = first(t, column, FieldCipher.PREFIX, known);
      if (other == null) {
        return gaps;
      }
      String rest = other.substring(FieldCipher.PREFIX.length());
      int colon = rest.indexOf(':');
      String id = colon < 0 ? rest : rest.substring(0, colon);
      gaps.add(new Gap(id, context, Problem.MISSING, count(t, column, id)));
      known.add(id);
    }
  }

  private boolean opens(String sealed, String context) {
    try {
      cipher.open(sealed, context);
      return true;
    } catch (SealedValueException e) {
      return false;
    }
  }

  /** One value of the column starting with {@code prefix} and naming none of {@code except}'s keys. */
  private @Nullable String first(SealedColumns t, String column, String prefix, List<String> except) {
    StringBuilder sql = new StringBuilder("select ").append(column).append(" from ").append(t.table()).append(" where ")
        .append(column).append(" like :prefix escape '!'");
    for (int i = 0; i < except.size(); i++) {
      sql.append(" and ").append(column).append(" not like :k").append(i).append(" escape '!'");
    }
    sql.append(" fetch first 1 rows only");
    var spec = jdbc.sql(sql.toString()).param("prefix", like(prefix) + "%");
    for (int i = 0; i < except.size(); i++) {
      spec = spec.param("k" + i, like(prefixOf(except.get(i))) + "%");
    }
    return spec.query(String.class).optional().orElse(null);
  }

  private long count(SealedColumns t, String column, String keyId) {
    return jdbc.sql("select count(*) from " + t.table() + " where " + column + " like :prefix escape '!'")
        .param("prefix", like(prefixOf(keyId)) + "%").query(Long.class).single();
  }

  private static String prefixOf(String keyId) {
    return FieldCipher.PREFIX + keyId + ":";
  }

  /** {@code text} as a LIKE pattern matching itself, with {@code !} as the escape character. */
  private static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
