package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong flags and values stop a command with exit code 2 and one line saying what is wrong. */
class CommandLineErrorsTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void anUnknownOptionExitsWithTwoAndOneLine() {
    assertThat(run("--data", dir.toString(), "--bogus")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: Unknown option: '--bogus'").hasLineCount(1);
  }

  @Test
  void aValueOutOfRangeExitsWithTwo() {
    assertThat(run("--data", dir.toString(), "demo", "--orders", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--orders must be between 1 and 1000000").hasLineCount(1);
  }

  @Test
  void aDemoCallBudgetOutOfRangeExitsWithTwo() {
    assertThat(run("--data", dir.toString(), "demo", "--calls-per-second", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--calls-per-second must be between 1 and 10000, got 0").hasLineCount(1);
  }

  @Test
  void anErpTheDemoCannotRunOnExitsWithTwo() {
    assertThat(run("--data", dir.toString(), "demo", "--erp", "kingdee")).isEqualTo(2);
    assertThat(err.toString()).contains("--erp must be builtin or tryton, not 'kingdee'").hasLineCount(1);
  }

  @Test
  void anUnreadableTimeExitsWithTwo() {
    assertThat(run("--data", dir.toString(), "sync", "--once", "--rerun-from", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("'yesterday' is not a time");
  }

  @Test
  void rerunFromWithoutOnceExitsWithTwo() {
    assertThat(run("--data", dir.toString(), "sync", "--rerun-from", "2026-11-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--rerun-from goes with --once").hasLineCount(1);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo", "sandbox", "shop", "sync", "orders", "exceptions");
  }
}
