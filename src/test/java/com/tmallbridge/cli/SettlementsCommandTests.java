package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.SandboxBill;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settlements import|list} on a fresh H2 data directory: bad values exit 2 with one line; an import from the sandbox lists its lines. */
class SettlementsCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = dir.toString();
    all[2] = "--config";
    all[3] = TestSettings.file(dir, "bridge.finance.safety-lag=0s");
    System.arraycopy(args, 0, all, 4, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void badValuesExitTwoWithOneLine() {
    assertThat(run("settlements", "list", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("settlements", "list", "--date", "11/11/2026")).isEqualTo(2);
    assertThat(err.toString()).contains("--date must be a day like 2026-11-11").hasLineCount(1);
    assertThat(run("settlements", "list", "--limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit").hasLineCount(1);
    assertThat(run("settlements", "import", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("settlements", "import", "--since", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("'yesterday' is not a time").hasLineCount(1);
  }

  @Test
  void listsNothingBeforeTheFirstImport() {
    assertThat(run("--json", "settlements", "list")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    assertThat(run("settlements", "list")).isZero();
    assertThat(out.toString()).contains("0 line(s), net 0.00");
  }

  @Test
  void importsTheSandboxsBillsAndListsThemByTradeAndDay() {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(23))) {
      sandbox.defaultShop().setAllQuantities(100_000);
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(200, now.minus(Duration.ofHours(20)), now.minus(Duration.ofMinutes(2)));
      var c = sandbox.credentials();
      assertThat(run("shop", "add", "--code", "ST", "--gateway", sandbox.url(), "--app-key", c.appKey(), "--app-secret-file",
          TestSecrets.file(dir, c.appSecret()), "--session-file", TestSecrets.file(dir, c.sessionKey()), "--sign-method", "md5",
          "--since", now.minus(Duration.ofHours(21)).toString())).as(err.toString()).isZero();
      int lines = sandbox.bills().size();

      assertThat(run("settlements", "import")).as(err.toString()).isZero();
      assertThat(out.toString()).containsPattern("(?m)^ST: 1 window\\(s\\), [0-9]+ line\\(s\\) received, " + lines + " new, 0 updated, pulled up to ");
      assertThat(run("settlements", "import", "--shop", "ST")).isZero();
      assertThat(out.toString()).contains(" 0 new, 0 updated");
      assertThat(run("--json", "settlements", "import")).isZero();
      assertThat(out.toString()).contains("\"shopCode\":\"ST\"").contains("\"inserted\":0").contains("\"error\":null")
          .contains("\"pulledUpTo\":\"");

      SandboxBill bill = sandbox.bills().get(0);
      assertThat(run("settlements", "list", "--tid", bill.tid().toString())).isZero();
      assertThat(out.toString()).contains(Long.toString(bill.bid())).containsPattern("(?m)^[0-9]+ line\\(s\\), net ");
      LocalDate day = LocalDate.ofInstant(bill.bizTime(), java.time.ZoneId.of("Asia/Shanghai"));
      assertThat(run("--json", "settlements", "list", "--shop", "ST", "--date", day.toString())).isZero();
      assertThat(out.toString()).contains("\"billId\":\"" + bill.bid() + "\"").contains("\"kind\":\"");
    }
  }
}
