package com.tmallbridge.cli;

import com.tmallbridge.secret.DataKeys;
import com.tmallbridge.secret.KeyCoverage;
import com.tmallbridge.store.BackupKey;
import com.tmallbridge.store.BackupRun;
import com.tmallbridge.store.BackupRuns;
import com.tmallbridge.store.DatabaseBackup;
import com.tmallbridge.store.DatabaseCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backup [--to FILE]}, {@code backup key --to FILE} and {@code restore --from FILE}. */
final class BackupCommand {
  static final String KEY_VARIABLE = "BRIDGE_BACKUP_KEY";
  private static final String MIGRATIONS = "classpath:db/migration";

  private BackupCommand() {}

  static BackupKey key(Path keyFile) {
    return BackupKey.parse(SecretInput.system().read("the backup key", "--key-file", keyFile, KEY_VARIABLE));
  }

  @Command(name = "backup", mixinStandardHelpOptions = true, subcommands = Backup.Key.class,
      description = {"Write an encrypted, consistent backup of this install's database (--data's H2 file, or --db-url): every "
          + "table read in one snapshot (the bridge may keep running), compacted, deflated and sealed with AES-256-GCM under "
          + "the backup key (--key-file, else " + KEY_VARIABLE + "). Make a key first with 'backup key --to FILE'."})
  static class Backup implements Callable<Integer> {
    @ParentCommand BridgeCommand root;

    @Option(names = "--to", paramLabel = "FILE", description = "The backup file to write (never overwritten); required.")
    Path to;
    @Option(names = "--key-file", paramLabel = "FILE", description = "The backup key's file (default: " + KEY_VARIABLE + ").")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
      if (to == null) {
        throw new IllegalArgumentException("--to FILE is missing: name the backup file to write (see 'bridge backup --help')");
      }
      BackupKey key = key(keyFile);
      if (Files.exists(to)) {
        throw new IllegalArgumentException(to + " exists; a backup never overwrites a file: name a new one");
      }
      Output err = new Output(root.spec.commandLine().getErr());
      DataSource data = root.runtime().bean(DataSource.class);
      Clock clock = root.runtime().bean(Clock.class);
      BackupRuns runs = root.runtime().bean(BackupRuns.class);
      Instant started = clock.instant();
      DatabaseBackup.Summary summary;
      try (Connection source = data.getConnection()) {
        summary = new DatabaseBackup(MIGRATIONS, err::line, clock).backup(source, to, key);
      } catch (Exception | Error e) {
        recordFailure(runs, new BackupRun(started, clock.instant(), false, to.toString(), oneLine(e)), e);
        throw e;
      }
      runs.record(new BackupRun(started, clock.instant(), true, to.toString(), null));
      Output out = new Output(root.spec.commandLine().getOut());
      if (root.json) {
        out.json(summary);
      } else {
        out.line("backup " + to + ": " + summary.tables() + " tables, " + summary.rows() + " rows, " + summary.bytes()
            + " bytes, key " + summary.keyFingerprint());
      }
      DataKeys dataKeys = root.runtime().bean(DataKeys.class);
      err.line("note: the data keys " + dataKeys.keyIds() + " that seal shop secrets and receiver data are not in the backup;"
          + " keep a copy of " + (dataKeys.keyFile() == null ? "BRIDGE_DATA_KEYS" : dataKeys.keyFile().toString())
          + " apart from it: without them a restore cannot open those values");
      return 0;
    }

    /** Records the failed run for the backup alert; a database that cannot take even that leaves the original failure alone. */
    private static void recordFailure(BackupRuns runs, BackupRun run, Throwable failure) {
      try {
        runs.record(run);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }

    private static String oneLine(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getClass().getSimpleName() + ": " + (root.getMessage() == null ? "" : root.getMessage().replace('\n', ' '));
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
        description = "Write a new random backup key to a file readable by its owner only. Keep it apart from the backups.")
    static class Key implements Callable<Integer> {
      @ParentCommand Backup parent;

      @Option(names = "--to", required = true, paramLabel = "FILE", description = "The key file to write (never overwritten).")
      Path to;

      @Override
      public Integer call() throws Exception {
        if (Files.exists(to)) {
          throw new IllegalArgumentException(to + " exists; a key file is never overwritten (its backups would be lost)");
        }
        BackupKey key = BackupKey.generate();
        Files.createFile(to);
        try {
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file keeps the directory's default permissions
        }
        Files.writeString(to, key.encoded() + "\n");
        new Output(parent.root.spec.commandLine().getOut()).line("backup key " + key.fingerprint() + " written to " + to);
        return 0;
      }
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = {"Restore a backup into this install's database (--data's H2 file, or --db-url), which must be empty "
          + "(a new --data directory, or a fresh database): checks the key, opens and verifies every segment, copies every table "
          + "and compares row counts, then checks that this install's data keys open the sealed values (see 'keys check'). "
          + "Exit 2 when the key is another, the file was changed or the database is not empty; exit 1 when row counts "
          + "differ or the data keys do not open what was restored."})
  static class Restore implements Callable<Integer> {
    @ParentCommand BridgeCommand root;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.") Path from;
    @Option(names = "--key-file", paramLabel = "FILE", description = "The backup key's file (default: " + KEY_VARIABLE + ").")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(from)) {
        throw new IllegalArgumentException("--from " + from + " is not a readable file");
      }
      BackupKey key = key(keyFile);
      Output err = new Output(root.spec.commandLine().getErr());
      DataSource data = root.runtime().bean(DataSource.class);
      Flyway flyway = root.runtime().bean(Flyway.class);
      DatabaseCopy.Report report;
      try (Connection target = data.getConnection()) {
        report = new DatabaseBackup(MIGRATIONS, err::line, root.runtime().bean(Clock.class)).restore(from, key, target, flyway);
      }
      Output out = new Output(root.spec.commandLine().getOut());
      long rows = report.tables().stream().mapToLong(DatabaseCopy.TableCount::targetRows).sum();
      List<KeyCoverage.Gap> gaps = root.runtime().bean(KeyCoverage.class).gaps();
      KeysCommand.warn(gaps, root.runtime().bean(DataKeys.class), err);
      if (root.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tables", report.tables().size());
        result.put("rows", rows);
        result.put("matches", report.matches());
        result.put("keyGaps", gaps);
        out.json(result);
      } else {
        List<DatabaseCopy.TableCount> differing = report.tables().stream().filter(t -> !t.matches()).toList();
        differing.forEach(t -> out.line("table " + t.table() + ": " + t.sourceRows() + " in the backup, " + t.targetRows() + " restored"));
        out.line(report.matches() ? "restored " + report.tables().size() + " tables, " + rows + " rows; every row count matches"
            : "row counts differ (above)");
      }
      return report.matches() && gaps.isEmpty() ? 0 : 1;
    }
  }
}
