package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vouchers list|post|scheme} on a fresh H2 data directory. */
class VouchersCommandTests {
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
  void badValuesExitTwoWithOneLine() {
    assertThat(run("vouchers", "list", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("vouchers", "post", "--date", "2026-13-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--date must be a day like 2026-12-05").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--kind", "NOPE", "--debit", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown posting kind 'NOPE'").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--kind", "SALE", "--vat-rate", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("--vat-rate must be a decimal").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--kind", "SALE", "--debit", "6001")).isEqualTo(2);
    assertThat(err.toString()).contains("must differ").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--kind", "SALE", "--no-vat", "--vat-rate", "0.1")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-vat cannot go with").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--kind", "SALE", "--explanation", "{order}")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown placeholder {order}").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--granularity", "WEEK")).isEqualTo(2);
    assertThat(err.toString()).contains("--granularity must be DAY or LINE, got 'WEEK'").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--granularity", "LINE", "--kind", "SALE")).isEqualTo(2);
    assertThat(err.toString()).contains("--granularity is set on its own").hasLineCount(1);
    assertThat(run("vouchers", "scheme", "set", "--debit", "1122")).isEqualTo(2);
    assertThat(err.toString()).contains("--kind is needed").hasLineCount(1);
  }

  @Test
  void theGranularityIsDayByDefaultAndSetPerShopAudited() {
    assertThat(run("vouchers", "scheme", "show")).isZero();
    assertThat(out.toString()).contains("granularity: DAY (default)", "天猫 {date} 支付宝收款汇总（{count} 笔）");
    addShop();
    assertThat(run("vouchers", "scheme", "set", "--shop", "TM01", "--granularity", "line")).isZero();
    assertThat(out.toString()).contains("shop TM01: granularity LINE");
    assertThat(run("vouchers", "scheme", "show", "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("granularity: LINE (shop)");
    assertThat(run("--json", "vouchers", "scheme", "show", "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("\"granularity\":\"LINE\"", "\"granularitySource\":\"shop\"", "\"summary\":");
    assertThat(run("vouchers", "scheme", "show")).isZero();
    assertThat(out.toString()).contains("granularity: DAY (default)");
    assertThat(run("vouchers", "scheme", "set", "--kind", "RECEIPT", "--summary", "{shop} {date} 收款 {count} 笔")).isZero();
    assertThat(out.toString()).contains("summary \"{shop} {date} 收款 {count} 笔\"");
    assertThat(run("audit", "list", "--action", "RULE_CHANGE")).isZero();
    assertThat(out.toString()).contains("posting-granularity:").contains("granularity LINE");
  }

  @Test
  void theSchemeIsShownAndAShopsChangeIsAuditedAndShownAsItsOwn() {
    assertThat(run("vouchers", "scheme", "show")).isZero();
    assertThat(out.toString()).contains("SALE", "1122", "6001", "2221", "13%", "天猫订单 {tid} 销售收入", "REFUND", "660101")
        .doesNotContain("shop");
    addShop();

    assertThat(run("vouchers", "scheme", "set", "--shop", "TM01", "--kind", "sale", "--vat-rate", "0.09")).isZero();
    assertThat(out.toString()).contains("shop TM01: SALE Dr 1122 Cr 6001 VAT 2221@0.0900");
    assertThat(run("--json", "vouchers", "scheme", "show", "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("\"kind\":\"SALE\"", "\"vatRate\":\"0.0900\"", "\"source\":\"shop\"", "\"source\":\"default\"");
    assertThat(run("audit", "list", "--action", "RULE_CHANGE")).isZero();
    assertThat(out.toString()).contains("posting-rule:").contains("/SALE");
    assertThat(run("vouchers", "scheme", "reset", "--shop", "TM01", "--kind", "SALE")).isZero();
    assertThat(out.toString()).contains("own rule dropped");
  }

  @Test
  void postsADayOnceAndListsWhatWasPosted() throws Exception {
    assertThat(run("--json", "vouchers", "list")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    addShop();
    assertThat(run("vouchers", "scheme", "set", "--shop", "TM01", "--granularity", "LINE")).isZero(); // one voucher per event
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "AUTO_SERVER=TRUE", "sa", "")) {
      long shop;
      try (ResultSet rs = c.createStatement().executeQuery("select id from shop where code = 'TM01'")) {
        rs.next();
        shop = rs.getLong(1);
      }
      OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
      try (PreparedStatement p = c.prepareStatement("""
          insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                                   erp_order_no, exported_at, first_seen_at, updated_at)
          values (?, '8001', 'WAIT_SELLER_SEND_GOODS', ?, ?, ?, true, 11300, 0, 'EXPORTED', 'SO1', ?, ?, ?)""")) {
        p.setLong(1, shop);
        for (int i = 2; i <= 7; i++) {
          p.setObject(i, at);
        }
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("""
          insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, amount_fen, paid, biz_time, pay_time, imported_at,
                                               updated_at)
          values (?, 'B8001', 1, 'SERVICE_FEE', '8001', -226, true, ?, ?, ?, ?)""")) {
        p.setLong(1, shop);
        for (int i = 2; i <= 5; i++) {
          p.setObject(i, at);
        }
        p.executeUpdate();
      }
    }

    assertThat(run("vouchers", "post", "--shop", "TM01", "--date", "2026-11-20")).isZero();
    assertThat(out.toString()).contains("shop TM01 -> embedded: 2 planned, 2 posted, 0 already posted, 0 failed");
    assertThat(run("vouchers", "post", "--date", "2026-11-20")).isZero();
    assertThat(out.toString()).contains("2 planned, 0 posted, 2 already posted, 0 failed");
    // each run is one audit entry, by the operating-system user who ran it
    assertThat(run("audit", "list", "--action", "JOB")).isZero();
    assertThat(out.toString()).contains("vouchers-post:TM01/2026-11-20", "vouchers-post:all/2026-11-20",
        "TM01 -> embedded: 2 planned, 2 posted, 0 already posted, 0 failed");

    assertThat(run("vouchers", "list", "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("SALE|TM01|8001", "SFEE|TM01|B8001", "113.00", "2.26", "POSTED", "JV20261120").contains("2 voucher(s)");
    assertThat(run("--json", "vouchers", "list", "--date", "2026-11-21")).isZero();
    assertThat(out.toString().trim()).isEqualTo("[]");
    assertThat(run("vouchers", "list", "--date", "2026-11-20", "--json")).isZero();
    assertThat(out.toString()).contains("\"key\":\"SALE|TM01|8001\"", "\"status\":\"POSTED\"", "\"shop\":\"TM01\"", "\"totalFen\":11300");
  }

  private void addShop() {
    assertThat(run("shop", "add", "--code", "TM01", "--gateway", "http://127.0.0.1:9/router/rest", "--app-key", "k1",
        "--app-secret-file", TestSecrets.file(dir, "top-secret-value"), "--session-file", TestSecrets.file(dir, "sess-value"),
        "--since", "2026-11-01")).isZero();
  }
}
