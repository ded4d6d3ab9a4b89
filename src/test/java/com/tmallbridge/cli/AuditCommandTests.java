package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit list} and {@code audit verify} on a fresh H2 data directory, before and after someone edits the log. */
class AuditCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aShopChangeIsListedAndVerifiedAndAnEditMakesVerifyFail() throws Exception {
    assertThat(run("--data", dir.toString(), "shop", "add", "--code", "TM01", "--gateway", "http://127.0.0.1:9/router/rest",
        "--app-key", "k1", "--app-secret-file", TestSecrets.file(dir, "top-secret-value"), "--session-file", TestSecrets.file(dir, "sess-value"), "--since", "2026-11-01")).isZero();

    assertThat(run("--data", dir.toString(), "audit", "list")).isZero();
    assertThat(out.toString()).contains("SHOP_CHANGE").contains("shop:TM01").doesNotContain("top-secret-value").contains("1 entry");
    assertThat(run("--data", dir.toString(), "audit", "verify")).isZero();
    assertThat(out.toString()).contains("audit chain intact: 1 entries");

    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "AUTO_SERVER=TRUE", "sa", "")) {
      c.createStatement().executeUpdate("update audit_entry set actor = 'someone-else' where seq = 1");
    }

    assertThat(run("--data", dir.toString(), "audit", "verify")).isEqualTo(1);
    assertThat(err.toString()).contains("audit chain broken at entry 1").hasLineCount(1);
  }

  @Test
  void aBadLimitOrActionExitsTwoWithOneLine() {
    assertThat(run("--data", dir.toString(), "audit", "list", "--limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "audit", "list", "--action", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("--action");
  }
}
