package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipments commands on a fresh H2 data directory: bad values exit 2 with one line; empty lists as JSON. */
class ShipmentsCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void badValuesExitWithTwoAndOneLine() {
    assertThat(run("shipments", "list", "--state", "LOST")).isEqualTo(2);
    assertThat(err.toString()).contains("LOST").hasLineCount(1);
    assertThat(run("shipments", "list", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("shipments", "retry")).isEqualTo(2);
    assertThat(err.toString()).contains("give either --id N or --all-failed").hasLineCount(1);
    assertThat(run("shipments", "retry", "--id", "1", "--all-failed")).isEqualTo(2);
    assertThat(run("shipments", "retry", "--all-failed", "--tracking", "SF1")).isEqualTo(2);
    assertThat(err.toString()).contains("--tracking and --company need --id").hasLineCount(1);
    assertThat(run("shipments", "retry", "--id", "42")).isEqualTo(2);
    assertThat(err.toString()).contains("no shipment with id 42").hasLineCount(1);
    assertThat(run("shipments", "carriers", "list", "--companies")).isEqualTo(2);
    assertThat(err.toString()).contains("--companies needs --shop").hasLineCount(1);
    assertThat(run("shipments", "carriers", "set", "--erp", "SF")).isEqualTo(2);
    assertThat(err.toString()).contains("--tmall").hasLineCount(1);
    assertThat(run("shipments", "carriers", "set", "--erp", " ", "--tmall", "SF")).isEqualTo(2);
    assertThat(err.toString()).contains("must not be blank").hasLineCount(1);
  }

  @Test
  void listsNothingAsEmptyJson() {
    assertThat(run("--json", "shipments", "list")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    assertThat(run("--json", "shipments", "carriers", "list")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    assertThat(run("--json", "shipments", "retry", "--all-failed")).isZero();
    assertThat(out.toString()).contains("\"outcomes\":[]");
  }
}
