package com.tmallbridge.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DeflaterInputStream;
import java.util.zip.InflaterOutputStream;
import org.flywaydb.core.Flyway;

/**
 * Encrypted, consistent backups of a bridge database, and their restore.
 *
 * <p>A backup reads every table of the source in one read-only transaction at {@code REPEATABLE
 * READ} (a snapshot on PostgreSQL and on H2's MVStore: the bridge may keep running) and copies them
 * with {@link DatabaseCopy} into a fresh H2 file beside the target file, compacts it, deflates it and
 * seals it with AES-256-GCM ({@link BackupFile}) under a {@link BackupKey}; the temporary database is
 * deleted. A restore checks the key's fingerprint, opens and inflates the file into a temporary H2
 * database and copies it with {@link DatabaseCopy} into an empty target. The file written is
 * renamed into place only when complete, so a failed backup never leaves a half file under the
 * name asked for.
 */
public final class DatabaseBackup {
  private static final Pattern FINGERPRINT = Pattern.compile("\"keyFingerprint\":\"([0-9a-f]+)\"");
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private final String migrations;
  private final Consumer<String> progress;
  private final Clock clock;

  /**
   * @param migrations the Flyway location of the bridge's common migrations, e.g. {@code classpath:db/migration}
   * @param progress told what is being done, a line at a time
   */
  public DatabaseBackup(String migrations, Consumer<String> progress, Clock clock) {
    this.migrations = migrations;
    this.progress = progress;
    this.clock = clock;
  }

  /** What a backup holds. */
  public record Summary(int tables, long rows, long bytes, String keyFingerprint) {}

  /**
   * Writes an encrypted backup of {@code source} to {@code file}.
   *
   * @throws IllegalArgumentException when {@code file} exists (nothing is overwritten)
   */
  public Summary backup(Connection source, Path file, BackupKey key) throws SQLException, IOException {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " exists; a backup never overwrites a file: name a new one");
    }
    Path dir = Files.createTempDirectory(parent(file), ".bridge-backup-");
    try {
      String url = "jdbc:h2:file:" + dir.resolve("backup") + H2_OPTIONS;
      DatabaseCopy.Report report;
      source.setReadOnly(true);
      source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(migrations).load();
      flyway.migrate(); // before the copy's connection opens, see DatabaseCopy#copy
      try (Connection copy = DriverManager.getConnection(url, "sa", "")) {
        report = new DatabaseCopy(migrations, progress).copy(source, copy, flyway);
        for (DatabaseCopy.TableCount t : report.tables()) {
          if (t.rowsCopied() != t.targetRows()) {
            throw new SQLException("table " + t.table() + ": " + t.rowsCopied() + " rows read but " + t.targetRows() + " in the copy");
          }
        }
        try (Statement s = copy.createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        }
      }
      long rows = report.tables().stream().mapToLong(DatabaseCopy.TableCount::rowsCopied).sum();
      String header = "{\"format\":\"h2-mvstore-deflate\",\"createdAt\":\"" + clock.instant() + "\",\"keyFingerprint\":\""
          + key.fingerprint() + "\",\"tables\":" + report.tables().size() + ",\"rows\":" + rows + "}";
      Path partial = dir.resolve("backup.partial");
      progress.accept("encrypting " + rows + " rows of " + report.tables().size() + " tables");
      try (InputStream in = new DeflaterInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve("backup.mv.db"))));
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
        BackupFile.seal(key, header, in, out);
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return new Summary(report.tables().size(), rows, Files.size(file), key.fingerprint());
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Restores a backup into the empty database {@code target}.
   *
   * @param targetFlyway Flyway on the target with the bridge's migrations (run before the copy)
   * @throws IllegalArgumentException when the file is not a backup, was written with another key,
   *     was changed or cut short, or the target is not empty
   */
  public DatabaseCopy.Report restore(Path file, BackupKey key, Connection target, Flyway targetFlyway) throws SQLException, IOException {
    String written;
    try (InputStream in = Files.newInputStream(file)) {
      written = fingerprint(BackupFile.header(in));
    }
    if (!written.equals(key.fingerprint())) {
      throw new IllegalArgumentException("this backup was written with the key " + written + ", not with the key given ("
          + key.fingerprint() + "); use the key file of the backup's day");
    }
    DatabaseCopy copy = new DatabaseCopy(migrations, progress);
    var notEmpty = copy.whyNotEmpty(target);
    if (notEmpty.isPresent()) {
      throw new IllegalArgumentException(notEmpty.get());
    }
    Path dir = Files.createTempDirectory(parent(file).toAbsolutePath(), ".bridge-restore-");
    try {
      progress.accept("decrypting " + file);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
          OutputStream out = new InflaterOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve("backup.mv.db"))))) {
        BackupFile.open(key, in, out);
      }
      String url = "jdbc:h2:file:" + dir.resolve("backup") + H2_OPTIONS + ";IFEXISTS=TRUE";
      try (Connection source = DriverManager.getConnection(url, "sa", "")) {
        return copy.copy(source, target, targetFlyway);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static String fingerprint(String header) {
    Matcher m = FINGERPRINT.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException("the backup is damaged or was changed: its header names no key");
    }
    return m.group(1);
  }

  private static Path parent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
