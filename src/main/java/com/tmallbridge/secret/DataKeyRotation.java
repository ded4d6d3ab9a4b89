package com.tmallbridge.secret;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys rotate} and {@code keys reencrypt}: adds a data key, and rewrites every sealed column
 * (and every value still in clear) with this process's active key, both recorded in the audit log.
 */
@Service
public class DataKeyRotation {
  /** Rows read and rewritten per transaction. */
  static final int BATCH = 500;

  private final DataKeys keys;
  private final FieldCipher cipher;
  private final List<SealedColumns> tables;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final AuditLog audit;

  DataKeyRotation(DataKeys keys, FieldCipher cipher, List<SealedColumns> tables, JdbcClient jdbc, TransactionTemplate transaction,
      AuditLog audit) {
    this.keys = keys;
    this.cipher = cipher;
    this.tables = tables;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.audit = audit;
  }

  /**
   * Adds a fresh key to the key file; it seals from the next start on. Returns its id.
   *
   * @throws IllegalStateException when the keys come from {@code BRIDGE_DATA_KEYS}
   */
  public String rotate() {
    String before = keys.activeKeyId();
    String added = keys.rotate();
    transaction.executeWithoutResult(s -> audit.record(AuditEvent.change(AuditAction.KEY_CHANGE, "data-keys:rotate",
        "active=" + before, "active=" + added)));
    return added;
  }

  /** Progress of a re-encryption: the column being done and how many of its values were rewritten so far. */
  public record Progress(String column, long rewritten, long scanned) {}

  /**
   * Rewrites every value of every sealed column that is in clear or sealed with another key, with
   * the active key, {@value #BATCH} rows per transaction. Idempotent: a second run rewrites nothing.
   * A row changed by someone else between read and write is left as that writer left it.
   *
   * @return values rewritten in all
   */
  public long reencrypt(Consumer<Progress> progress) {
    long total = 0;
    for (SealedColumns t : tables) {
      for (String context : t.contexts()) {
        total += reencrypt(t, context, progress);
      }
    }
    long all = total;
    transaction.executeWithoutResult(s -> audit.record(AuditEvent.change(AuditAction.KEY_CHANGE, "data-keys:reencrypt", null,
        "active=" + keys.activeKeyId() + ", rewritten=" + all)));
    return total;
  }

  private long reencrypt(SealedColumns t, String context, Consumer<Progress> progress) {
    String column = t.column(context);
    String select = "select " + t.idColumn() + " as id, " + column + " as v from " + t.table() + " where " + column
        + " is not null and " + t.idColumn() + " > :after order by " + t.idColumn() + " fetch first " + BATCH + " rows only";
    String first = "select " + t.idColumn() + " as id, " + column + " as v from " + t.table() + " where " + column
        + " is not null order by " + t.idColumn() + " fetch first " + BATCH + " rows only";
    String digestColumn = t.digestColumn(context);
    String update = "update " + t.table() + " set " + column + " = :v" + (digestColumn == null ? "" : ", " + digestColumn + " = :d")
        + " where " + t.idColumn() + " = :id and " + column + " = :old";
    long rewritten = 0;
    long scanned = 0;
    Object after = null;
    while (true) {
      Object from = after;
      List<Map<String, Object>> rows = from == null
          ? jdbc.sql(first).query().listOfRows()
          : jdbc.sql(select).param("after", from).query().listOfRows();
      if (rows.isEmpty()) {
        break;
      }
      List<Map<String, Object>> stale = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        if (cipher.needsResealing((String) row.get("v"))) {
          stale.add(row);
        }
      }
      Integer done = transaction.execute(s -> {
        int n = 0;
        for (Map<String, Object> row : stale) {
          String old = (String) row.get("v");
          String plain = cipher.open(old, context);
          var statement = jdbc.sql(update).param("v", cipher.seal(plain, context)).param("id", row.get("id")).param("old", old);
          if (digestColumn != null) {
            statement = statement.param("d", cipher.digest(plain == null ? "" : plain, context));
          }
          n += statement.update();
        }
        return n;
      });
      rewritten += done == null ? 0 : done;
      scanned += rows.size();
      after = rows.get(rows.size() - 1).get("id");
      progress.accept(new Progress(context, rewritten, scanned));
    }
    return rewritten;
  }
}
