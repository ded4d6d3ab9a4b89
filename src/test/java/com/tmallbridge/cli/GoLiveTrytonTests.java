package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonServer;
import com.tmallbridge.testsupport.RunsAlongside;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code golive} against a real Tryton server configured with {@code --config}: every step passes;
 * a wrong password fails the login step with Tryton's answer; a product Tryton lacks fails the
 * material step. Skipped with {@code -Dbridge.test.tryton=skip}.
 */
@RunsAlongside("waits for the shared Tryton server; settings come from a --config file, its database from a temporary directory")
class GoLiveTrytonTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private Path config(Map<String, String> overrides) throws Exception {
    Map<String, String> settings = new java.util.LinkedHashMap<>(SharedTrytonServer.get().bridgeProperties("WH01"));
    settings.putAll(overrides);
    return Files.writeString(dir.resolve("erp.properties"),
        settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
  }

  @Test
  void everyStepPassesAgainstTryton() throws Exception {
    Path config = config(Map.of());

    assertThat(run("--data", dir.toString(), "--config", config.toString(), "golive", "--warehouse", "WH01"))
        .as("%s%s", out, err).isZero();
    System.out.println(out); // the report, for the build log

    assertThat(out.toString().lines().filter(l -> l.startsWith("PASSED"))).as(out.toString()).hasSize(7);
    assertThat(out.toString())
        .containsPattern("PASSED +ERP login +Tryton")
        .containsPattern("PASSED +order in +trade \\d+ paid [0-9.]+ yuan -> sales order \\S+")
        .containsPattern("PASSED +tracking number to Tmall +Tmall shows trade \\d+ shipped by 顺丰速运 SF\\d{12}")
        .containsPattern("PASSED +return received +refund \\d+: return received, on hand of GOLIVE-TEST back at \\d+")
        .contains("go-live check PASSED against ERP 'tryton'")
        .doesNotContain(TrytonServer.PASSWORD);
  }

  @Test
  void aWrongPasswordFailsTheLoginStepWithTrytonsAnswerAndSkipsTheRest() throws Exception {
    Path config = config(Map.of("bridge.erp.tryton.password", "not-the-password"));

    assertThat(run("--data", dir.toString(), "--config", config.toString(), "golive")).isEqualTo(1);

    assertThat(out.toString())
        .containsPattern("FAILED +ERP login +TRYTON-001 .*(login|password|refused)")
        .containsPattern("SKIPPED +order in")
        .contains("go-live check FAILED")
        .doesNotContain("not-the-password");
  }

  @Test
  void aProductTrytonLacksFailsTheMaterialStep() throws Exception {
    Path config = config(Map.of());

    assertThat(run("--data", dir.toString(), "--config", config.toString(), "golive", "--material", "NO-SUCH-PRODUCT")).isEqualTo(1);

    assertThat(out.toString())
        .containsPattern("PASSED +ERP login")
        .containsPattern("FAILED +test material +material NO-SUCH-PRODUCT is not in the ERP")
        .containsPattern("SKIPPED +return received");
  }
}
