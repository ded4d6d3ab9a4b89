package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.Inbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code outbox purge [--older-than D]}: deletes old inbox snapshots (and delivered messages); bad input exits 2 with one line. */
class OutboxPurgeCommandTests {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void purgesWhatIsOlderThanTheGivenAgeAndKeepsTheRestByDefault() {
    try (SpringRuntime runtime = new SpringRuntime(dir, null, null, null)) {
      Inbox inbox = runtime.bean(Inbox.class);
      runtime.bean(TransactionTemplate.class).executeWithoutResult(s -> {
        inbox.offer("tmall", new ShopId(1), "T1", Instant.parse("2025-11-11T00:00:00Z"), "{\"tid\":1}");
        inbox.offer("tmall", new ShopId(1), "T2", Instant.parse("2025-11-11T00:00:00Z"), "{\"tid\":2}");
      });
    }

    assertThat(run("outbox", "purge")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("inbox: 0 snapshot(s) deleted").contains("outbox: 0 delivered message(s) deleted");

    assertThat(run("outbox", "purge", "--older-than", "0s")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("inbox: 2 snapshot(s) deleted");
  }

  @Test
  void aBadAgeExitsTwoWithOneLine() {
    assertThat(run("outbox", "purge", "--older-than", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--older-than 'soon' is not a duration").hasLineCount(1);
  }
}
