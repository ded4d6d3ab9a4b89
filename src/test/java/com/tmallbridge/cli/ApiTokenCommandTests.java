package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user token add|list|revoke} on a fresh H2 data directory: shown once, listed without the secret, revoked, bad flags exit 2. */
class ApiTokenCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aTokenIsPrintedOnceListedWithoutItAndRevoked() {
    String password = TestSecrets.file(dir, "a long enough password");
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "operator", "--password-file", password)).isZero();

    assertThat(run("--data", dir.toString(), "user", "token", "add", "olga", "--label", "erp-export", "--days", "90")).isZero();
    Matcher secret = Pattern.compile("tbk_[A-Za-z0-9_-]{43}").matcher(out.toString());
    assertThat(secret.find()).as(out.toString()).isTrue();
    assertThat(out.toString()).contains("API token #1 'erp-export' for olga, expires").contains("shown once");

    assertThat(run("--data", dir.toString(), "user", "token", "list")).isZero();
    assertThat(out.toString()).contains("erp-export").contains("active").doesNotContain(secret.group());

    assertThat(run("--data", dir.toString(), "user", "token", "revoke", "1")).isZero();
    assertThat(out.toString()).contains("API token #1 'erp-export' of olga revoked");
    assertThat(run("--data", dir.toString(), "user", "token", "list", "olga")).isZero();
    assertThat(out.toString()).contains("revoked");
  }

  @Test
  void aBadUserLabelOrValidityExitsTwoWithOneLine() {
    assertThat(run("--data", dir.toString(), "user", "token", "add", "nobody", "--label", "ci")).isEqualTo(2);
    assertThat(err.toString()).contains("no user 'nobody'").hasLineCount(1);
    String password = TestSecrets.file(dir, "a long enough password");
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "operator", "--password-file", password)).isZero();
    assertThat(run("--data", dir.toString(), "user", "token", "add", "olga", "--label", "ci", "--days", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--days must be between 1 and 3650").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "user", "token", "add", "olga", "--label", "no spaces")).isEqualTo(2);
    assertThat(err.toString()).contains("token label").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "user", "token", "revoke", "42")).isEqualTo(2);
    assertThat(err.toString()).contains("no API token #42").hasLineCount(1);
  }
}
