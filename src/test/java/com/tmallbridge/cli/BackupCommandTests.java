package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup key}, {@code backup} and {@code restore} round-trip an install's database: every
 * table's rows compare equal, the audit chain still verifies, no secret is in clear in the file, a
 * restore without the old install's data keys says so (exit 1) until they are copied, and another
 * key, a changed byte or a non-empty target are refused.
 */
class BackupCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private void fill(Path data) {
    assertThat(run("--data", data.toString(), "shop", "add", "--code", "TM01", "--gateway", "http://127.0.0.1:9/router/rest",
        "--app-key", "k1", "--app-secret-file", TestSecrets.file(dir, "top-secret-value"), "--session-file",
        TestSecrets.file(dir, "session-value"), "--since", "2026-11-01")).as(err.toString()).isZero();
    assertThat(run("--data", data.toString(), "mappings", "add", "--shop", "TM01", "--num-iid", "5551", "--sku-id", "7771", "--material",
        "MAT-1")).as(err.toString()).isZero();
  }

  /** Every table's rows, each as text, sorted: two databases with equal contents give equal maps. */
  private static Map<String, List<String>> contents(Path data) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "IFEXISTS=TRUE", "sa", "")) {
      List<String> names = new ArrayList<>();
      try (ResultSet r = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (r.next()) {
          names.add(r.getString("TABLE_NAME"));
        }
      }
      for (String table : names) {
        if (table.equals("flyway_schema_history")) {
          continue;
        }
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from \"" + table + "\"")) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(r.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        tables.put(table, rows);
      }
    }
    return tables;
  }

  @Test
  void aBackupRestoresIntoAnEmptyInstallWithEqualContentsAndKeepsNoSecretInClear() throws Exception {
    Path source = dir.resolve("source");
    Path restored = dir.resolve("restored");
    Path key = dir.resolve("backup.key");
    Path backup = dir.resolve("bridge.backup");
    fill(source);

    assertThat(run("backup", "key", "--to", key.toString())).as(err.toString()).isZero();
    assertThat(run("--data", source.toString(), "backup", "--to", backup.toString(), "--key-file", key.toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("backup " + backup);
    assertThat(err.toString()).contains("are not in the backup").contains(source.resolve("keys/data-keys").toString());
    copyDataKeys(source, restored);
    assertThat(run("--data", restored.toString(), "restore", "--from", backup.toString(), "--key-file", key.toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("every row count matches");

    Map<String, List<String>> before = contents(source);
    // the run's own record is written after its snapshot was taken, so the copy cannot hold it
    assertThat(before.remove("store_backup_run")).singleElement().asString().contains("|TRUE|" + backup + "|null|");
    Map<String, List<String>> after = contents(restored);
    assertThat(after.remove("store_backup_run")).isEmpty();
    assertThat(after).isEqualTo(before).containsKey("shop").containsKey("audit_entry");
    assertThat(before.get("shop")).hasSize(1);
    assertThat(run("--data", restored.toString(), "audit", "verify")).isZero();
    String bytes = new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("top-secret-value").doesNotContain("MAT-1").startsWith("TBBK");

    // the same backup restored without the old install's data keys: the new install made a k1 of its own
    Path bare = dir.resolve("bare");
    assertThat(run("--data", bare.toString(), "restore", "--from", backup.toString(), "--key-file", key.toString()))
        .as("the restored values do not open with this install's k1").isEqualTo(1);
    assertThat(out.toString()).contains("every row count matches");
    assertThat(err.toString()).contains("1 value(s) of shop.app_secret are sealed with data key k1, and this install's key k1 is"
        + " another key of the same name").contains("1 value(s) of shop.session_key").contains("bridge keys check");
    Files.copy(source.resolve("keys/data-keys"), bare.resolve("keys/data-keys"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(run("--data", bare.toString(), "keys", "check")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("data keys [k1] open every encrypted value");
  }

  /** What the docs tell an operator to do before a restore into a new install: bring the data keys along. */
  private static void copyDataKeys(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to.resolve("keys"));
    Files.copy(from.resolve("keys/data-keys"), to.resolve("keys/data-keys"));
  }

  @Test
  void aFailedBackupIsRecordedForTheAlert() throws Exception {
    Path source = dir.resolve("source");
    Path key = dir.resolve("backup.key");
    Path nowhere = dir.resolve("no-such-dir").resolve("bridge.backup");
    assertThat(run("backup", "key", "--to", key.toString())).isZero();

    assertThat(run("--data", source.toString(), "backup", "--to", nowhere.toString(), "--key-file", key.toString())).isEqualTo(1);

    assertThat(err.toString()).hasLineCount(1);
    assertThat(contents(source).get("store_backup_run")).singleElement().asString()
        .contains("|FALSE|" + nowhere + "|NoSuchFileException: ");
  }

  @Test
  void anotherKeyAChangedByteAndANonEmptyTargetAreRefusedWithOneLine() throws Exception {
    Path source = dir.resolve("source");
    Path key = dir.resolve("backup.key");
    Path other = dir.resolve("other.key");
    Path backup = dir.resolve("bridge.backup");
    fill(source);
    assertThat(run("backup", "key", "--to", key.toString())).isZero();
    assertThat(run("backup", "key", "--to", other.toString())).isZero();
    assertThat(run("--data", source.toString(), "backup", "--to", backup.toString(), "--key-file", key.toString())).isZero();

    assertThat(run("--data", dir.resolve("r1").toString(), "restore", "--from", backup.toString(), "--key-file", other.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("written with the key").hasLineCount(1);

    byte[] changed = Files.readAllBytes(backup);
    changed[changed.length - 20] ^= 1;
    Path tampered = Files.write(dir.resolve("tampered.backup"), changed);
    assertThat(run("--data", dir.resolve("r2").toString(), "restore", "--from", tampered.toString(), "--key-file", key.toString()))
        .isEqualTo(2);
    assertThat(err.toString().lines().filter(l -> l.startsWith("error:")))
        .singleElement().asString().contains("damaged or was changed"); // after the progress line

    assertThat(run("--data", source.toString(), "restore", "--from", backup.toString(), "--key-file", key.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not empty").hasLineCount(1);

    assertThat(run("--data", source.toString(), "backup", "--to", backup.toString(), "--key-file", key.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("never overwrites").hasLineCount(1);
  }
}
