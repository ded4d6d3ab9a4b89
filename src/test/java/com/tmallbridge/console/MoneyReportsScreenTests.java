package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tmallbridge.shop.Shop;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 财务 · 报表: the screen and its Excel download for admin and auditor only, limited to the user's
 * shops, the totals in each table's footer, the export in the audit log.
 */
class MoneyReportsScreenTests extends ConsoleWebTestBase {

  @Test
  void operatorsAreRefusedAndTheMenuShowsMoneyOnlyToThoseWhoMayOpenIt() throws Exception {
    assertThat(mvc.perform(get("/money/reports").with(user(principal(Role.OPERATOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/money/reports/export.xlsx").param("from", "2026-11-01").param("to", "2026-11-03")
        .with(user(principal(Role.OPERATOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(audit()).isEmpty();

    String operatorHome = mvc.perform(get("/orders").with(user(principal(Role.OPERATOR)))).andReturn().getResponse().getContentAsString();
    assertThat(operatorHome).doesNotContain("/money/reports");
    String auditorHome = mvc.perform(get("/orders").with(user(principal(Role.AUDITOR)))).andReturn().getResponse().getContentAsString();
    assertThat(auditorHome).contains("/money/reports");
  }

  @Test
  void anAuditorSeesTheTablesWithTotalsOfTheirShopsOnly() throws Exception {
    Shop mine = shop("MR1");
    Shop other = shop("MR2");
    paid(mine, "9001", "2026-11-01T10:00:00+08:00", 123456, 1000);
    paid(mine, "9002", "2026-11-03T23:30:00+08:00", 50, 0);
    paid(other, "9003", "2026-11-02T10:00:00+08:00", 777700, 0);
    var scoped = principal("aud-mr", Role.AUDITOR, ShopScope.only(only(mine)));

    MockHttpServletResponse response = mvc.perform(get("/money/reports").param("from", "2026-11-01").param("to", "2026-11-03")
        .param("lang", "en").with(user(scoped))).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    String html = response.getContentAsString();
    assertThat(html).contains("id=\"money-nav\"").contains("/money/reconciliation").contains("/money/vouchers")
        .contains("id=\"report-sales-day\"").contains("id=\"report-fees\"").contains("id=\"sales-chart\"")
        .contains("data-days=\"2026-11-01,2026-11-02,2026-11-03\"").contains("data-payment=\"1244.56,0.00,0.50\"")
        .contains("¥1,234.56").contains("¥1,235.06").contains("Sales by day").contains("id=\"report-margin\"")
        .contains("Goods of materials without a standard cost, ¥1,235.06, are not in this table")
        .doesNotContain("7,777.00").doesNotContain("MR2 ");
    assertThat(html).contains("/money/reports/export.xlsx?from=2026-11-01&amp;to=2026-11-03");
  }

  @Test
  void theExcelDownloadHoldsTheSheetsAndIsAudited() throws Exception {
    Shop mine = shop("MR3");
    paid(mine, "9101", "2026-11-02T10:00:00+08:00", 20000, 500);

    MockHttpServletResponse response = mvc.perform(get("/money/reports/export.xlsx").param("from", "2026-11-01").param("to", "2026-11-03")
        .param("lang", "zh_CN").with(user(principal(Role.AUDITOR)))).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeader("Content-Disposition")).contains("reports-2026-11-01-2026-11-03.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("每日销售额");
      assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
      Sheet days = book.getSheet("按日销售");
      Row totals = days.getRow(days.getLastRowNum());
      assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(totals.getCell(3).getNumericCellValue()).isEqualTo(200.00);
      assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(205.00);
      assertThat(days.getRow(0).getCell(5).getStringCellValue()).isEqualTo("实付金额");
    }
    assertThat(audit()).singleElement().asString().startsWith("auditor@").endsWith(" reports.xlsx");
    assertThat(jdbc.sql("select after_text from audit_entry where action = 'EXPORT'").query(String.class).single())
        .contains("range=2026-11-01..2026-11-03");
  }

  @Test
  void aBadRangeSaysWhatIsWrongOnTheScreenAndIsRefusedForTheDownload() throws Exception {
    String html = mvc.perform(get("/money/reports").param("from", "2026-11-05").param("to", "2026-11-01")
        .with(user(principal(Role.ADMIN)))).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"problem\"").contains("is before");
    assertThat(mvc.perform(get("/money/reports/export.xlsx").param("from", "nope").param("to", "2026-11-01")
        .with(user(principal(Role.ADMIN)))).andReturn().getResponse().getStatus()).isEqualTo(400);
    assertThat(mvc.perform(get("/money/reports").param("shop", "NOPE").with(user(principal(Role.ADMIN)))).andReturn().getResponse()
        .getStatus()).isEqualTo(404);
    assertThat(audit()).isEmpty();
  }

  private List<String> audit() {
    return jdbc.sql("select actor || '@' || source || ' ' || target from audit_entry where action = 'EXPORT' order by seq")
        .query(String.class).list();
  }

  private void paid(Shop shop, String tid, String paidAt, long goodsFen, long postFeeFen) {
    OffsetDateTime paid = OffsetDateTime.parse(paidAt);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, receiver_state,
          state, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :paid, :paid, :paid, true, :payment, :post, '浙江省', 'EXPORTED', :paid, :paid)""")
        .param("shop", shop.id().value()).param("tid", tid).param("paid", paid).param("payment", goodsFen + postFeeFen)
        .param("post", postFeeFen).update();
    jdbc.sql("""
        insert into order_line (shop_id, tid, line_no, oid, num_iid, material_code, title, quantity, price_fen, amount_fen)
        values (:shop, :tid, 1, :tid, 'I1', 'A', 'A', 1, :goods, :goods)""")
        .param("shop", shop.id().value()).param("tid", tid).param("goods", goodsFen).update();
  }
}
