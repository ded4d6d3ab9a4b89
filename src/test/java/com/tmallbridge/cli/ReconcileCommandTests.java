package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile} and {@code completeness} on a fresh H2 data directory: bad values exit 2 with
 * one line; a trade missing in the ERP is printed with its amount in yuan, as text and as JSON, and
 * the run exits 0.
 */
class ReconcileCommandTests {
  private static final ZoneId TMALL = ZoneId.of("Asia/Shanghai");
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void badValuesExitWithTwoAndOneLine() {
    assertThat(run("reconcile", "--date", "2026-13-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--date must be a day like 2026-12-04, got '2026-13-01'").hasLineCount(1);
    assertThat(run("reconcile", "--date", "2026-12-01", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("completeness", "--date", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--date must be a day").hasLineCount(1);
    assertThat(run("completeness", "--date", "2026-12-01", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
  }

  @Test
  void printsATradeMissingInTheErpWithItsAmountInYuanAndExitsZero() throws Exception {
    assertThat(run("shop", "add", "--code", "TM01", "--gateway", "http://127.0.0.1:9/router/rest", "--app-key", "k1",
        "--app-secret-file", TestSecrets.file(dir, "secret"), "--session-file", TestSecrets.file(dir, "session"))).isZero();
    LocalDate day = LocalDate.now(TMALL).minusDays(1);
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "AUTO_SERVER=TRUE", "sa", "");
        PreparedStatement insert = c.prepareStatement("""
            insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                first_seen_at, updated_at)
            select id, '880001', 'WAIT_SELLER_SEND_GOODS', ?, ?, ?, true, 8800, 0, 'QUEUED', ?, ? from shop where code = 'TM01'""")) {
      var paid = day.atTime(10, 0).atZone(TMALL).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
      for (int i = 1; i <= 5; i++) {
        insert.setObject(i, paid);
      }
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }

    assertThat(run("reconcile", "--date", day.toString(), "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("1 paid trade(s) on Tmall 88.00").contains("MISSING_IN_ERP").contains("880001")
        .contains("1 difference(s)");

    assertThat(run("--json", "reconcile", "--date", day.toString())).isZero();
    assertThat(out.toString()).contains("\"date\":\"" + day + "\"").contains("\"MISSING_IN_ERP\":1").contains("\"AMOUNT_MISMATCH\":0")
        .contains("{\"tid\":\"880001\",\"category\":\"MISSING_IN_ERP\",\"tmall\":\"88.00\",\"erp\":null,\"settled\":null");
  }
}
