package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refunds commands on a fresh H2 data directory: bad values exit 2 with one line, empty lists print. */
class RefundsCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void unknownShopOrRefundAndBadLimitExitTwoWithOneLine() {
    assertThat(run("--data", dir.toString(), "refunds", "list", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    err.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "refunds", "show", "--id", "123")).isEqualTo(2);
    assertThat(err.toString()).contains("no refund with id 123").hasLineCount(1);
    err.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "refunds", "list", "--limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit").hasLineCount(1);
  }

  @Test
  void listsNothingBeforeTheFirstPull() {
    assertThat(run("--data", dir.toString(), "--json", "refunds", "list", "--status", "SUCCESS")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    out.getBuffer().setLength(0);
    assertThat(run("--data", dir.toString(), "refunds", "list")).isZero();
    assertThat(out.toString()).contains("0 refund(s)");
  }
}
