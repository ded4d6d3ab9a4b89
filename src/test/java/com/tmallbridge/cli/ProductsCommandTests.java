package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code products …} through the command line against the sandbox, on an H2 file database. */
class ProductsCommandTests {
  @TempDir Path dir;

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void matchesTheSandboxShopReportsAndRefusesBadInput() throws Exception {
    try (TmallSandbox sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(5))) {
      var c = sandbox.credentials();
      assertThat(run("shop", "add", "--code", "T1", "--gateway", sandbox.url(), "--app-key", c.appKey(), "--app-secret-file", TestSecrets.file(dir, c.appSecret()),
          "--session-file", TestSecrets.file(dir, c.sessionKey()), "--sign-method", "md5")).as(err.toString()).isZero();

      assertThat(run("products", "match", "--shop", "T1", "--json")).as(err.toString()).isZero();
      long onSale = sandbox.items().stream().filter(SandboxItem::onSale).count();
      assertThat(out.toString()).contains("\"items\":" + onSale).contains("\"shopCode\":\"T1\"");

      Path csv = dir.resolve("report.csv");
      assertThat(run("products", "report", "--shop", "T1", "--csv", csv.toString())).as(err.toString()).isZero();
      assertThat(out.toString()).contains("UNKNOWN_CODE").contains("to do:");
      assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("category,num_iid,sku_id,outer_id,title,problem,advice");

      assertThat(run("products", "combos", "set", "--code", "SET-1", "--component", "NO-SUCH:2")).isEqualTo(2);
      assertThat(err.toString()).contains("PRODUCT-001").hasLineCount(1);
      assertThat(run("products", "combos", "set", "--code", "SET-1", "--component", "X:0")).isEqualTo(2);
      assertThat(run("products", "map", "--shop", "T1", "--item", "1")).isEqualTo(2);
      assertThat(run("products", "gifts", "add", "--shop", "T1", "--gift", "NOPE")).isEqualTo(2);
      assertThat(err.toString()).contains("NOPE");
    }
  }
}
