package com.tmallbridge.store;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.VersionedValue;

/**
 * Test fixture: leaves an H2 file store as a {@code kill -9} of H2 2.4 can leave it (docs/database.md): a row version of
 * a transaction that is not open (transaction 7) in a table's primary map, saved, and the store stopped without its
 * clean close.
 */
public final class StrayVersions {
  private StrayVersions() {}

  /**
   * Plants the row {@code (id, rest...)} of table {@code table} (schema {@code public}, an identity primary key as
   * first column) as an uncommitted insert of a transaction that is gone, then stops the store.
   */
  public static void plantAndStopUncleanly(String url, String table, long id, Value... rest) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      SessionLocal session = (SessionLocal) ((JdbcConnection) c).getSession();
      MVTable mv = (MVTable) session.getDatabase().getSchema("public").findTableOrView(session, table);
      MVPrimaryIndex primary = (MVPrimaryIndex) mv.getScanIndex(session);
      Value[] values = new Value[rest.length + 1];
      values[0] = ValueBigint.get(id);
      System.arraycopy(rest, 0, values, 1, rest.length);
      Row row = Row.get(values, SearchRow.MEMORY_CALCULATE, id);
      Method uncommitted = Class.forName("org.h2.mvstore.tx.VersionedValueUncommitted")
          .getDeclaredMethod("getInstance", long.class, Object.class, Object.class);
      uncommitted.setAccessible(true);
      @SuppressWarnings("unchecked")
      VersionedValue<SearchRow> stray = (VersionedValue<SearchRow>) uncommitted.invoke(null, (7L << 40) | 1, row, null);
      primary.getMVMap().put(id, stray);
      s.execute("checkpoint");
      s.execute("shutdown immediately");
    }
  }
}
