package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.testsupport.RunsAlongside;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vouchers post} against a real Tryton server ({@code --config}): a day's sale, receipt and
 * commission become posted account moves (the sale with its freight line), one per voucher key also when posted again, balanced in
 * Tryton, with the receivable line on the shop's party. Skipped with {@code -Dbridge.test.tryton=skip}.
 */
@RunsAlongside("waits for the shared Tryton server; its database is in a temporary directory")
class VouchersTrytonCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return BridgeMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aDayPostsAsAccountMovesOncePerKey() throws Exception {
    var server = SharedTrytonServer.get();
    Path config = Files.writeString(dir.resolve("erp.properties"), server.bridgeProperties("WH01").entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    String shop = "TV" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    assertThat(run("--data", dir.toString(), "shop", "add", "--code", shop, "--gateway", "http://127.0.0.1:9/router/rest",
        "--app-key", "k1", "--app-secret-file", TestSecrets.file(dir, "s"), "--session-file", TestSecrets.file(dir, "t"))).isZero();
    insertDay(shop);

    assertThat(run("--data", dir.toString(), "--config", config.toString(), "vouchers", "post", "--date", "2026-11-20"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("shop " + shop + " -> tryton: 3 planned, 3 posted, 0 already posted, 0 failed");
    assertThat(run("--data", dir.toString(), "--config", config.toString(), "vouchers", "post")).isZero();
    assertThat(out.toString()).contains("0 planned, 0 posted");
    assertThat(run("--data", dir.toString(), "--json", "vouchers", "list")).isZero();
    assertThat(out.toString()).contains("\"connector\":\"tryton\"", "\"erpVoucherNo\":\"TM").doesNotContain("FAILED");

    TrytonRpc rpc = new TrytonRpc(server.url(), com.tmallbridge.sandbox.erp.TrytonServer.DATABASE,
        com.tmallbridge.sandbox.erp.TrytonServer.USER, com.tmallbridge.sandbox.erp.TrytonServer.PASSWORD).login();
    // granularity DAY (the default): one summary move per kind of the day, here of one event each
    for (String key : List.of("SALE|" + shop + "|2026-11-20|1", "RCPT|" + shop + "|2026-11-20|1", "COMM|" + shop + "|2026-11-20|1")) {
      var moves = rpc.model("account.move", "search_read", List.of(List.of("description", "=", key)), 0, null, null, List.of("state", "lines"));
      assertThat(moves).as(key).hasSize(1);
      assertThat(moves.get(0).get("state").asString()).isEqualTo("posted");
    }
    var lines = rpc.model("account.move.line", "search_read", List.of(List.of("move.description", "=", "SALE|" + shop + "|2026-11-20|1")), 0, null,
        null, List.of("account.code", "debit", "credit", "party.code"));
    assertThat(lines).hasSize(4);
    long debit = 0;
    long credit = 0;
    for (var line : lines) {
      debit += com.tmallbridge.core.Money.fromYuan(new java.math.BigDecimal(line.get("debit").get("decimal").asString()));
      credit += com.tmallbridge.core.Money.fromYuan(new java.math.BigDecimal(line.get("credit").get("decimal").asString()));
      if ("1122".equals(line.get("account.").get("code").asString())) {
        assertThat(line.get("party.").get("code").asString()).isEqualTo("TMALL-" + shop);
      }
    }
    assertThat(debit).isEqualTo(11_300).isEqualTo(credit);
  }

  private void insertDay(String shop) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "AUTO_SERVER=TRUE", "sa", "")) {
      long id;
      try (ResultSet rs = c.createStatement().executeQuery("select id from shop where code = '" + shop + "'")) {
        rs.next();
        id = rs.getLong(1);
      }
      OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
      try (PreparedStatement p = c.prepareStatement("""
          insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                                   erp_order_no, exported_at, first_seen_at, updated_at)
          values (?, '7701', 'WAIT_SELLER_SEND_GOODS', ?, ?, ?, true, 11300, 1000, 'EXPORTED', 'SO1', ?, ?, ?)""")) {
        p.setLong(1, id);
        for (int i = 2; i <= 7; i++) {
          p.setObject(i, at);
        }
        p.executeUpdate();
      }
      for (String[] line : List.of(new String[] {"B7701", "INCOME", "10300"}, new String[] {"B7702", "COMMISSION", "-515"})) {
        try (PreparedStatement p = c.prepareStatement("""
            insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, amount_fen, paid, biz_time, pay_time, imported_at,
                                                 updated_at)
            values (?, ?, 1, ?, '7701', ?, true, ?, ?, ?, ?)""")) {
          p.setLong(1, id);
          p.setString(2, line[0]);
          p.setString(3, line[1]);
          p.setLong(4, Long.parseLong(line[2]));
          for (int i = 5; i <= 8; i++) {
            p.setObject(i, at);
          }
          p.executeUpdate();
        }
      }
    }
  }
}
