package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive} against the built-in ERP: every step passes, and a missing material fails its step with the reason. */
class GoLiveCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void everyStepPassesAgainstTheBuiltInErpAndTheCreatedDocumentsAreListed() {
    assertThat(run("--data", dir.toString(), "golive")).as(err.toString()).isZero();

    assertThat(out.toString().lines().filter(l -> l.startsWith("PASSED"))).hasSize(7);
    assertThat(out.toString())
        .containsPattern("PASSED +order in +trade \\d+ paid [0-9.]+ yuan -> sales order SO\\d+")
        .containsPattern("PASSED +tracking number to Tmall +Tmall shows trade \\d+ shipped by 顺丰速运 SF\\d{12}")
        .containsPattern("PASSED +return received +refund \\d+: return received, on hand of GOLIVE-TEST back at \\d+")
        .contains("created: sales order SO", "go-live check PASSED against ERP 'embedded' (shop GOLIVE");
  }

  @Test
  void aMaterialTheErpLacksFailsThatStepWithTheReasonAndSkipsTheRest() {
    assertThat(run("--data", dir.toString(), "--json", "golive", "--material", "NO-SUCH-CODE")).isEqualTo(1);

    assertThat(out.toString())
        .contains("\"passed\":false")
        .contains("{\"step\":\"ERP login\",\"outcome\":\"PASSED\"")
        .contains("{\"step\":\"test material\",\"outcome\":\"FAILED\",\"detail\":\"material NO-SUCH-CODE is not in the ERP")
        .contains("{\"step\":\"return received\",\"outcome\":\"SKIPPED\"");
  }

  @Test
  void aConfigFileThatIsMissingExitsWithTwo() throws Exception {
    assertThat(run("--data", dir.toString(), "--config", dir.resolve("nope.properties").toString(), "golive")).isEqualTo(2);
    assertThat(err.toString()).contains("is not a readable file").hasLineCount(1);
    Path config = Files.writeString(dir.resolve("bridge.properties"), "bridge.erp.active=kingdee\n");

    assertThat(run("--data", dir.toString(), "--config", config.toString(), "erp", "check")).isNotZero();
    assertThat(err.toString()).contains("bridge.erp.active is 'kingdee'");
  }
}
