package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock commands on a fresh H2 data directory: bad values exit 2 with one line, rules round-trip. */
class StockCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void pushNeedsAllOrSkusAndLockNeedsATime() {
    assertThat(run("--data", dir.toString(), "stock", "push")).isEqualTo(2);
    assertThat(err.toString()).contains("--all").hasLineCount(1);
    err.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "stock", "rules", "lock", "--shop", "X", "--material", "M", "--quantity", "1",
        "--from", "soon", "--to", "2026-11-12")).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a time");
  }

  @Test
  void rulesAreValidatedStoredAndListed() {
    String[] shop = {"--data", dir.toString(), "shop", "add", "--code", "S1", "--name", "n", "--gateway", "http://127.0.0.1:9/router/rest",
      "--app-key", "k", "--app-secret-file", TestSecrets.file(dir, "s"), "--session-file", TestSecrets.file(dir, "t")};
    assertThat(run(shop)).isZero();
    assertThat(run("--data", dir.toString(), "stock", "rules", "set", "--shop", "S1", "--percent", "120")).isEqualTo(2);
    assertThat(err.toString()).contains("percent must be between 0 and 100").hasLineCount(1);
    err.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "stock", "rules", "set", "--shop", "NOPE", "--percent", "50")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'");
    assertThat(run("--data", dir.toString(), "stock", "rules", "set", "--shop", "S1", "--percent", "80", "--add", "-2", "--max", "50")).isZero();
    out.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "--json", "stock", "rules", "list")).isZero();
    assertThat(out.toString()).contains("\"percent\":80", "\"fixedAdd\":-2", "\"max\":50");
    out.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "--json", "stock", "show")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
  }
}
