package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync --once} on a fresh H2 data directory against the Tmall sandbox: the after-sale flow runs with the others. */
class SyncCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = dir.toString();
    all[2] = "--config";
    // refunds of trades the ERP never gets wait for their ERP order: don't wait for them at the second run
    all[3] = TestSettings.file(dir, "bridge.order.once-grace=0s");
    System.arraycopy(args, 0, all, 4, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void syncOncePullsRefundsAndPrintsTheirFigures() {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(17))) {
      Instant now = sandbox.clock().instant();
      sandbox.generateHistory(40, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(5)));
      SandboxTrade paid = sandbox.trades().stream().filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS")).findFirst().orElseThrow();
      SandboxRefund refund = sandbox.openRefund(paid.tid(), paid.lines().get(0).oid(), RefundKind.REFUND_ONLY, null, "不想要了");
      var c = sandbox.credentials();
      assertThat(run("shop", "add", "--code", "SY", "--gateway", sandbox.url(), "--app-key", c.appKey(), "--app-secret-file", TestSecrets.file(dir, c.appSecret()),
          "--session-file", TestSecrets.file(dir, c.sessionKey()), "--sign-method", "md5", "--since", now.minus(Duration.ofHours(3)).toString())).as(err.toString()).isZero();

      assertThat(run("sync", "--once")).isZero();
      assertThat(out.toString()).containsPattern("(?m)^refunds: [1-9][0-9]* refund\\(s\\) received, [1-9][0-9]* applied, 0 unreadable, "
          + "[0-9]+ message\\(s\\) delivered$");

      assertThat(run("--json", "sync", "--once")).isZero();
      assertThat(out.toString()).contains("\"refunds\":{").contains("\"shopCode\":\"SY\"").contains("\"unreadable\":0");
      assertThat(run("refunds", "list")).isZero();
      assertThat(out.toString()).contains(Long.toString(refund.refundId()));
    }
  }
}
