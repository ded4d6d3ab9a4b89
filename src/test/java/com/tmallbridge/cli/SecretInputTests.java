package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from a file, then the environment, then a prompt; never from an argument. */
class SecretInputTests {
  @TempDir Path dir;

  private final SecretInput noTerminal = new SecretInput(Map.of("TMALL_APP_SECRET", " from-env ")::get, () -> null);

  @Test
  void aFileWinsOverTheEnvironmentAndOnlyItsFirstLineCounts() throws Exception {
    Path f = Files.writeString(dir.resolve("s.txt"), "from-file\nsecond line\n");

    assertThat(noTerminal.read("the app secret", "--app-secret-file", f, "TMALL_APP_SECRET")).isEqualTo("from-file");
    assertThat(noTerminal.read("the app secret", "--app-secret-file", null, "TMALL_APP_SECRET")).isEqualTo("from-env");
  }

  @Test
  void anEmptyOrMissingFileOrNoSourceAtAllIsAClearUsageError() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");

    assertThatThrownBy(() -> noTerminal.read("the app secret", "--app-secret-file", empty, "TMALL_APP_SECRET"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
    assertThatThrownBy(() -> noTerminal.read("the app secret", "--app-secret-file", dir.resolve("nope.txt"), "TMALL_APP_SECRET"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
    assertThatThrownBy(() -> noTerminal.read("the session key", "--session-file", null, "TMALL_SESSION_KEY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set TMALL_SESSION_KEY or name a file with --session-file");
  }

  @Test
  void shopAddRefusesASecretGivenAsAnArgumentWithExitTwoAndOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = BridgeMain.run(new String[] {"--data", dir.toString(), "shop", "add", "--code", "S1", "--gateway",
        "http://127.0.0.1:9/router/rest", "--app-key", "k", "--app-secret", "visible-in-ps", "--session-file",
        TestSecrets.file(dir, "t")}, new PrintWriter(out), new PrintWriter(err));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--app-secret is refused").contains("TMALL_APP_SECRET").hasLineCount(1);
  }

  @Test
  void databasePasswordsGivenAsArgumentsAreRefusedWithExitTwoAndOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = BridgeMain.run(new String[] {"--data", dir.toString(), "--db-url", "jdbc:h2:mem:x", "--db-password", "visible-in-ps",
        "shop", "list"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--db-password is refused").contains("SPRING_DATASOURCE_PASSWORD").hasLineCount(1);

    err.getBuffer().setLength(0);
    code = BridgeMain.run(new String[] {"--data", dir.toString(), "db", "copy", "--to", "jdbc:h2:mem:y", "--to-password", "visible"},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--to-password is refused").contains("BRIDGE_DB_COPY_PASSWORD").hasLineCount(1);
  }
}
