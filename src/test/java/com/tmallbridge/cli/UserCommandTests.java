package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add|list|passwd|disable} and the flag errors of {@code serve}, on a fresh H2 data directory. */
class UserCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void usersAreAddedListedGivenANewPasswordAndDisabledWithEachChangeAudited() {
    String password = TestSecrets.file(dir, "a long enough password");
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "operator", "--password-file", password)).isZero();
    assertThat(out.toString()).contains("added user olga (operator, shops: all)");

    assertThat(run("--data", dir.toString(), "user", "passwd", "olga", "--password-file", TestSecrets.file(dir, "another long password"))).isZero();
    assertThat(run("--data", dir.toString(), "user", "disable", "olga")).isZero();
    assertThat(run("--data", dir.toString(), "user", "list")).isZero();
    assertThat(out.toString()).contains("olga").contains("operator").contains("all").contains("no");

    assertThat(run("--data", dir.toString(), "audit", "list", "--action", "USER_CHANGE")).isZero();
    assertThat(out.toString()).contains("3 entries").doesNotContain("a long enough password").doesNotContain("another long password");
  }

  @Test
  void aBadRoleShopPasswordOrUserExitsTwoWithOneLine() {
    String password = TestSecrets.file(dir, "a long enough password");
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "boss", "--password-file", password)).isEqualTo(2);
    assertThat(err.toString()).contains("unknown role 'boss'").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "auditor", "--shops", "NOPE", "--password-file", password))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "user", "add", "olga", "--role", "auditor", "--password-file", TestSecrets.file(dir, "short")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("at least 12 characters").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "user", "disable", "nobody")).isEqualTo(2);
    assertThat(err.toString()).contains("no user 'nobody'").hasLineCount(1);
  }

  @Test
  void serveRefusesABadPortOrAddressWithOneLine() {
    assertThat(run("--data", dir.toString(), "serve", "--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be between 0 and 65535").hasLineCount(1);
    assertThat(run("--data", dir.toString(), "serve", "--bind", "not an address")).isEqualTo(2);
    assertThat(err.toString()).contains("--bind").hasLineCount(1);
  }
}
