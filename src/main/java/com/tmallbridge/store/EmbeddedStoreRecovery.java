package com.tmallbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.schema.Schema;
import org.h2.table.Table;
import org.h2.value.VersionedValue;

/**
 * Brings an embedded H2 file store back to its committed state after an unclean stop (a crash,
 * {@code kill -9}, a power cut), before the bridge opens it.
 *
 * <p>Why: H2 2.3 and 2.4 can leave, after such a stop, row versions of transactions that never
 * committed in the store's maps, although no transaction is open any more (docs/database.md, "Rows
 * of killed transactions"). Reads skip them, but {@code count(*)} counts them, and a write of the
 * same key — an insert of the same refund, the next identity value — fails with a unique-key
 * violation or waits for a lock no one holds, on every attempt, forever. H2 offers no repair for
 * them, so this class rebuilds the store from what reads see: {@code SCRIPT TO} a file, the old file
 * moved aside, {@code RUNSCRIPT FROM} into a new one, every table's row count compared.
 *
 * <p>Contract of {@link #recover}: it acts only on an H2 file URL ({@code jdbc:h2:file:}) whose
 * {@code .mv.db} file exists and was not closed cleanly (its header lacks H2's {@code clean:1}
 * mark), and only when this process opens the file itself (with {@code AUTO_SERVER} another,
 * running process may serve it: then nothing is done). It then counts row versions whose
 * transaction is not open; when there are none, the store is left as it is. When there are, the store
 * is rebuilt; the old file stays beside the new one as {@code <name>.mv.db.unclean-<time>} for
 * support, and the rebuild is undone (old file back in place) when any step fails. Not thread-safe:
 * call it before any connection to the store is open.
 */
public final class EmbeddedStoreRecovery {
  private static final String FILE_URL = "jdbc:h2:file:";
  private static final String STORE_SUFFIX = ".mv.db";
  private static final int HEADER_BYTES = 2 * 4096;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Clock clock;
  private final Consumer<String> log;

  /**
   * @param clock names the kept old file
   * @param log receives one line per step (what was found, how long the rebuild took)
   */
  public EmbeddedStoreRecovery(Clock clock, Consumer<String> log) {
    this.clock = clock;
    this.log = log;
  }

  /**
   * What {@link #recover} did.
   *
   * @param checked whether the store was examined (an unclean H2 file this process opened)
   * @param strayVersions per table, row versions (rows and index entries) of transactions that are
   *     not open
   * @param rebuilt whether the store was rebuilt from its committed rows
   * @param rows rows in the rebuilt store (0 when not rebuilt)
   * @param took how long the check and the rebuild took
   */
  public record Report(boolean checked, Map<String, Long> strayVersions, boolean rebuilt, long rows, Duration took) {
    static Report untouched() {
      return new Report(false, Map.of(), false, 0, Duration.ZERO);
    }

    public long strayTotal() {
      return strayVersions.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Checks and, when needed, rebuilds the store named by {@code url} (see the class contract).
   *
   * @throws IllegalStateException when the store holds stray versions and the rebuild failed (the
   *     old file is back in place; the message says what failed)
   */
  public Report recover(String url, String user, String password) {
    if (!url.startsWith(FILE_URL)) {
      return Report.untouched();
    }
    Path file = storeFile(url);
    if (!Files.isRegularFile(file) || closedCleanly(file)) {
      return Report.untouched();
    }
    long started = System.nanoTime();
    Map<String, Long> stray;
    Map<String, Long> counts;
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      if (!(((JdbcConnection) c).getSession() instanceof SessionLocal session)) {
        return Report.untouched(); // another process has the file open and serves it (AUTO_SERVER)
      }
      stray = strayVersions(session);
      if (stray.isEmpty()) {
        log.accept("embedded store " + file.getFileName() + " was not closed cleanly; no rows of unfinished transactions were left in it");
        return new Report(true, Map.of(), false, 0, Duration.ofNanos(System.nanoTime() - started));
      }
      log.accept("embedded store " + file.getFileName() + " was not closed cleanly and holds " + stray.values().stream().mapToLong(Long::longValue).sum()
          + " row versions of transactions that never committed " + stray + "; rebuilding it from its committed rows");
      try (Statement s = c.createStatement()) {
        counts = rowCounts(session, s);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the embedded store " + file + " after an unclean stop: " + e.getMessage(), e);
    }
    long rows = rebuild(url, user, password, file, counts);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.accept("embedded store rebuilt: " + counts.size() + " tables, " + rows + " rows, in " + took.toMillis() + " ms");
    return new Report(true, stray, true, rows, took);
  }

  static Path storeFile(String url) {
    String rest = url.substring(FILE_URL.length());
    int options = rest.indexOf(';');
    String base = options < 0 ? rest : rest.substring(0, options);
    return Path.of(base + STORE_SUFFIX);
  }

  /** H2 writes {@code clean:1} into the file header when it closes the store, and leaves it out while the store is open. */
  static boolean closedCleanly(Path file) {
    byte[] header = new byte[HEADER_BYTES];
    int read = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while (read < header.length && (n = in.read(header, read, header.length - read)) > 0) {
        read += n;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the header of " + file + ": " + e.getMessage(), e);
    }
    String text = new String(header, 0, read, StandardCharsets.ISO_8859_1);
    return text.startsWith("H:2,") && text.contains(",clean:1,");
  }

  /** Per table, entries of its maps (primary and secondary) whose version belongs to a transaction that is not open. */
  static Map<String, Long> strayVersions(SessionLocal session) {
    Database database = session.getDatabase();
    Set<Integer> open = new HashSet<>();
    for (Transaction t : database.getStore().getTransactionStore().getOpenTransactions()) {
      open.add(t.getId());
    }
    Map<String, Long> stray = new LinkedHashMap<>();
    for (MVTable table : tables(session)) {
      long n = 0;
      for (Index index : table.getIndexes()) {
        if (index instanceof MVPrimaryIndex primary) {
          n += stray(primary.getMVMap(), open);
        } else if (index instanceof MVSecondaryIndex secondary) {
          n += stray(secondary.getMVMap(), open);
        }
      }
      if (n > 0) {
        stray.put(table.getName(), n);
      }
    }
    return stray;
  }

  private static <K, V> long stray(MVMap<K, VersionedValue<V>> map, Set<Integer> open) {
    long n = 0;
    var cursor = map.cursor(null);
    while (cursor.hasNext()) {
      cursor.next();
      long operation = cursor.getValue().getOperationId();
      if (operation != 0 && !open.contains((int) (operation >>> 40))) { // TransactionStore: the transaction id above a 40-bit log id
        n++;
      }
    }
    return n;
  }

  private static Iterable<MVTable> tables(SessionLocal session) {
    java.util.List<MVTable> tables = new java.util.ArrayList<>();
    for (Schema schema : session.getDatabase().getAllSchemas()) {
      for (Table table : schema.getAllTablesAndViews(session)) {
        if (table instanceof MVTable mv) {
          tables.add(mv);
        }
      }
    }
    return tables;
  }

  /**
   * Committed rows per table, as reads see them: a scan, because H2's own row count is wrong on such a store (it
   * counts the stray versions, or corrects for them wrongly: 22,620 against 22,622 rows read in one case).
   */
  private static Map<String, Long> rowCounts(SessionLocal session, Statement s) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (MVTable table : tables(session)) {
      String name = table.getSchema().getName() + "." + table.getName();
      counts.put(name, scanCount(s, name));
    }
    return counts;
  }

  private static long scanCount(Statement s, String qualifiedName) throws SQLException {
    String[] name = qualifiedName.split("\\.", 2);
    long n = 0;
    try (ResultSet r = s.executeQuery("select 1 from \"" + name[0].replace("\"", "\"\"") + "\".\"" + name[1].replace("\"", "\"\"") + "\"")) {
      while (r.next()) {
        n++;
      }
    }
    return n;
  }

  private long rebuild(String url, String user, String password, Path file, Map<String, Long> counts) {
    Path dir = file.toAbsolutePath().getParent();
    String stamp = STAMP.format(clock.instant().atZone(clock.getZone()));
    Path script = dir.resolve(file.getFileName() + ".recovery-" + stamp + ".sql.gz");
    Path kept = dir.resolve(file.getFileName() + ".unclean-" + stamp);
    try {
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "' COMPRESSION GZIP");
        s.execute("SHUTDOWN");
      }
      Files.move(file, kept);
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "' COMPRESSION GZIP");
        long rows = 0;
        for (Map.Entry<String, Long> expected : counts.entrySet()) {
          long actual = scanCount(s, expected.getKey());
          if (actual != expected.getValue()) {
            throw new IllegalStateException("table " + expected.getKey() + " has " + actual + " rows after the rebuild, " + expected.getValue() + " before");
          }
          rows += actual;
        }
        s.execute("SHUTDOWN");
        Files.deleteIfExists(script);
        return rows;
      }
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        if (Files.exists(kept)) {
          Files.move(kept, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException back) {
        e.addSuppressed(back);
      }
      throw new IllegalStateException("could not rebuild the embedded store " + file + " after an unclean stop (it is left as it was; "
          + "the export, if written, is " + script + "): " + e.getMessage(), e);
    }
  }
}
