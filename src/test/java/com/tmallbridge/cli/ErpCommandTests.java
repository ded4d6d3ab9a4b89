package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code erp list} and {@code erp check} on the built-in ERP. */
class ErpCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void listsTheConnectorsWithTheActiveOneItsWritesAndItsCapabilities() {
    assertThat(run("--data", dir.toString(), "--json", "erp", "list")).isZero();

    assertThat(out.toString())
        .contains("\"id\":\"embedded\"", "\"active\":true", "\"locality\":\"LOCAL\"", "\"SalesOrderSink\"", "\"DeliveryFeed\"");
  }

  @Test
  void checksTheActiveConnectorStepByStep() {
    assertThat(run("--data", dir.toString(), "erp", "check")).isZero();

    assertThat(out.toString()).contains("PASSED login", "PASSED read materials", "PASSED read warehouses: warehouses [WH01]",
        "ERP check PASSED");
  }

  @Test
  void anUnknownConnectorIdExitsWithTwoAndOneLine() {
    assertThat(run("--data", dir.toString(), "erp", "check", "--id", "kingdee")).isEqualTo(2);

    assertThat(err.toString()).contains("--id kingdee is no known ERP connector").hasLineCount(1);
  }
}
