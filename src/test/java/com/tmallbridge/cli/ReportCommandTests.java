package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report sales|refunds|fees} on an H2 data directory: bad flags exit 2 with one line; figures, CSV and Excel on seeded rows. */
class ReportCommandTests {
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
  void badFlagsExitTwoWithOneLine() {
    assertThat(run("report", "sales", "--from", "2026-11-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--to").hasLineCount(1);
    assertThat(run("report", "sales", "--from", "2026-11-31", "--to", "2026-12-01")).isEqualTo(2);
    assertThat(err.toString()).contains("--from 2026-11-31 is not a date").hasLineCount(1);
    assertThat(run("report", "sales", "--from", "2026-11-02", "--to", "2026-11-01")).isEqualTo(2);
    assertThat(err.toString()).contains("is before --from").hasLineCount(1);
    assertThat(run("report", "sales", "--from", "2026-11-01", "--to", "2026-11-02", "--by", "week")).isEqualTo(2);
    assertThat(err.toString()).contains("--by week is not a grouping: one of day, shop, sku, category, province").hasLineCount(1);
    assertThat(run("report", "fees", "--from", "2026-11-01", "--to", "2026-11-02", "--shop", "NOPE")).isEqualTo(2);
    assertThat(err.toString()).contains("no shop with code 'NOPE'").hasLineCount(1);
    assertThat(run("report", "refunds", "--from", "2026-11-01", "--to", "2026-11-02", "--by", "day")).isEqualTo(2);
    assertThat(err.toString()).contains("--by").hasLineCount(1);
    assertThat(run("report", "sales", "--from", "2026-11-01", "--to", "2026-11-02", "--csv", dir.resolve("no/such/dir.csv").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("its directory does not exist").hasLineCount(1);
  }

  @Test
  void printsTheSeededFiguresAndWritesTheSameTotalsToCsvAndExcel() throws Exception {
    assertThat(run("report", "sales", "--from", "2026-11-01", "--to", "2026-11-03")).isZero(); // migrates the data directory
    seed();
    Path csv = dir.resolve("by-shop.csv");
    Path xlsx = dir.resolve("reports.xlsx");

    assertThat(run("report", "sales", "--from", "2026-11-01", "--to", "2026-11-03", "--by", "shop", "--csv", csv.toString(), "--xlsx",
        xlsx.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("TM01").containsPattern("TOTAL +1 +3 +200\\.00 +10\\.00 +210\\.00");
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFshop,orders,units,goods,postFee,payment\r\nTM01,1,3,200.00,10.00,210.00\r\nTOTAL,1,3,200.00,10.00,210.00\r\n");
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      var sheet = book.getSheet("sales-shop");
      var totals = sheet.getRow(sheet.getLastRowNum());
      assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
      assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(210.00);
      assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
    }

    assertThat(run("--json", "report", "fees", "--from", "2026-11-01", "--to", "2026-11-03", "--shop", "TM01")).isZero();
    assertThat(out.toString()).contains("\"report\":\"fees\"").contains("\"net\":\"-1.50\"");
    assertThat(run("report", "refunds", "--from", "2026-11-01", "--to", "2026-11-03")).isZero();
    assertThat(out.toString()).containsPattern("质量问题 +1 +1 +12\\.34");

    assertThat(run("report", "margin", "--from", "2026-11-01", "--to", "2026-11-03")).isZero();
    assertThat(out.toString()).containsPattern("TOTAL +0 +0\\.00").contains("goods without a standard cost (not in this table): 200.00");
    assertThat(run("erp", "cost", "--material", "A", "--cost", "50")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("material A: standard cost 50.00");
    assertThat(run("report", "margin", "--from", "2026-11-01", "--to", "2026-11-03")).isZero();
    assertThat(out.toString()).containsPattern("A +A +3 +200\\.00 +150\\.00 +50\\.00")
        .contains("goods without a standard cost (not in this table): 0.00");
  }

  @Test
  void aBadCostOrUnknownMaterialExitsTwoWithOneLine() {
    assertThat(run("erp", "cost", "--material", "A", "--cost", "1.234")).isEqualTo(2);
    assertThat(err.toString()).contains("--cost 1.234").contains("at most 2 decimals").hasLineCount(1);
    assertThat(run("erp", "cost", "--material", "A", "--cost", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("negative").hasLineCount(1);
    assertThat(run("erp", "cost", "--material", "NOPE", "--cost", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("no active material 'NOPE'").hasLineCount(1);
  }

  private void seed() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bridge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "AUTO_SERVER=TRUE", "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("""
          insert into shop (id, code, name, channel, gateway_url, app_key, app_secret, session_key, sign_method, first_pull_from, status,
            created_at, updated_at)
          values (1, 'TM01', 'TM01', 'TMALL', 'http://127.0.0.1:9/router/rest', 'k', 's', 'x', 'md5', now(), 'ACTIVE', now(), now())""");
      s.executeUpdate("""
          insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, receiver_state,
            state, first_seen_at, updated_at)
          values (1, 'T1', 'TRADE_FINISHED', now(), now(), timestamp with time zone '2026-11-02 10:00:00+08:00', true, 21000, 1000,
            '浙江省', 'EXPORTED', now(), now())""");
      s.executeUpdate("""
          insert into erp_material (code, name, unit, sale_price_fen, active, created_at, updated_at)
          values ('A', 'A', 'pcs', 7000, true, now(), now())""");
      s.executeUpdate("""
          insert into order_line (shop_id, tid, line_no, oid, num_iid, material_code, title, quantity, price_fen, amount_fen)
          values (1, 'T1', 1, 'O1', 'I1', 'A', 'A', 3, 6667, 20000)""");
      s.executeUpdate("""
          insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen,
            has_good_return, num, created, modified, stage, shipped_after_intercept, reason, raw_json, first_seen_at, updated_at)
          values (1, 'R1', 'T1', 'O1', 'SUCCESS', 1, 'REFUND_ONLY', 1234, 1234, false, 1, now(),
            timestamp with time zone '2026-11-03 10:00:00+08:00', 'ADJUSTED', false, '质量问题', '{}', now(), now())""");
      s.executeUpdate("""
          insert into aftersale_refund_status (shop_id, refund_id, status, modified, seen_at)
          values (1, 'R1', 'SUCCESS', timestamp with time zone '2026-11-03 10:00:00+08:00', now())""");
      s.executeUpdate("""
          insert into finance_settlement_line (shop_id, bid, account_id, kind, amount_fen, paid, biz_time, imported_at, updated_at)
          values (1, 'b1', 1, 'COMMISSION', -150, true, timestamp with time zone '2026-11-03 10:00:00+08:00', now(), now())""");
    }
  }
}
