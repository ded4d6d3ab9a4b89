package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Inbox;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receiver of an order revealed (admin, operator; not the auditor; not another shop's order) and
 * the orders list exported to Excel with the receivers masked; both in the audit log with user,
 * address and target. Through MockMvc with the console's security.
 */
class PersonalDataEndpointsTests extends ConsoleWebTestBase {
  private static final String MOBILE = "13912345678";
  private static final String ADDRESS = "文一西路969号海创园5号楼";

  @Autowired Inbox inbox;
  @Autowired TransactionTemplate transaction;

  private void snapshot(Shop shop, String tid, String name) {
    String json = """
        {"tid":%s,"status":"WAIT_SELLER_SEND_GOODS","type":"fixed",
         "created":"2024-11-11 00:00:05","modified":"2024-11-11 00:01:30","pay_time":"2024-11-11 00:00:20",
         "payment":"123.45","post_fee":"0.00","total_fee":"123.45","discount_fee":"0.00","adjust_fee":"0.00",
         "receiver_name":"%s","receiver_mobile":"%s","receiver_phone":"","receiver_state":"浙江省","receiver_city":"杭州市",
         "receiver_district":"余杭区","receiver_address":"%s","receiver_zip":"311121",
         "orders":{"order":[{"oid":%s1,"num_iid":612345678901,"title":"纯棉T恤","num":1,"price":"123.45","total_fee":"123.45",
           "payment":"123.45","status":"WAIT_SELLER_SEND_GOODS"}]}}""".formatted(tid, name, MOBILE, ADDRESS, tid);
    transaction.executeWithoutResult(s -> inbox.offer("tmall", shop.id(), tid, Instant.parse("2024-11-10T16:01:30Z"), json));
    trade(shop.id(), tid, "EXPORTED", appClock.instant(), appClock.instant(), null);
  }

  private List<String> audit(String action) {
    return jdbc.sql("select actor || '@' || source || ' ' || target from audit_entry where action = ? order by seq")
        .param(action).query(String.class).list();
  }

  @Test
  void anOperatorSeesTheReceiverInClearAndTheRevealIsAudited() throws Exception {
    Shop shop = shop("PD1");
    snapshot(shop, "5001", "张三丰");

    MockHttpServletResponse response = mvc.perform(post("/orders/" + shop.id().value() + "/5001/reveal").with(csrf())
            .with(user(principal(Role.OPERATOR))).with(r -> {
              r.setRemoteAddr("10.1.2.3");
              return r;
            }))
        .andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    String html = response.getContentAsString();
    assertThat(html).contains("张三丰").contains(MOBILE).contains(ADDRESS).contains("receiver-5001").doesNotContain("<html");
    assertThat(audit("REVEAL")).containsExactly("operator@10.1.2.3 order:" + shop.id().value() + "/5001");
  }

  @Test
  void theAuditorIsRefusedAndNothingIsUnmaskedOrRecorded() throws Exception {
    Shop shop = shop("PD2");
    snapshot(shop, "5002", "李四");

    MockHttpServletResponse response = mvc.perform(post("/orders/" + shop.id().value() + "/5002/reveal").with(csrf())
        .with(user(principal(Role.AUDITOR)))).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).doesNotContain(MOBILE).doesNotContain("李四");
    assertThat(audit("REVEAL")).isEmpty();
  }

  @Test
  void anOrderOfAShopOutsideTheUsersScopeIsNotFoundAndAnUnknownOneToo() throws Exception {
    Shop mine = shop("PD3");
    Shop other = shop("PD4");
    snapshot(other, "5004", "王五");
    var scoped = principal("op3", Role.OPERATOR, ShopScope.only(only(mine)));

    assertThat(mvc.perform(post("/orders/" + other.id().value() + "/5004/reveal").with(csrf()).with(user(scoped)))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(post("/orders/" + mine.id().value() + "/9999/reveal").with(csrf()).with(user(scoped)))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(audit("REVEAL")).isEmpty();
  }

  @Test
  void theExportHoldsTheFilteredScopedOrdersWithTheReceiversMaskedAndIsAudited() throws Exception {
    Shop mine = shop("PD5");
    Shop other = shop("PD6");
    snapshot(mine, "6001", "赵六");
    snapshot(mine, "6002", "钱七");
    snapshot(other, "6003", "孙八");
    var scoped = principal("aud5", Role.AUDITOR, ShopScope.only(only(mine)));

    MockHttpServletResponse response = mvc.perform(get("/orders/export.xlsx").param("state", "EXPORTED").with(user(scoped))
).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeader("Content-Disposition")).contains("orders.xlsx");
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
      Sheet sheet = book.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
            ? java.math.BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
            : c.getStringCellValue()));
        rows.add(cells);
      }
    }
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).contains("订单号", "收货人（脱敏）", "手机（脱敏）");
    assertThat(rows.subList(1, 3)).extracting(r -> r.get(1)).containsExactlyInAnyOrder("6001", "6002");
    List<String> first = rows.stream().filter(r -> r.get(1).equals("6001")).findFirst().orElseThrow();
    assertThat(first).contains("PD5", "123.45", "赵**", "****5678", "浙江省", "杭州市", "余杭区");
    assertThat(String.join("|", first)).doesNotContain(MOBILE).doesNotContain(ADDRESS).doesNotContain("赵六");
    String all = rows.toString();
    assertThat(all).doesNotContain("6003").doesNotContain(MOBILE);
    assertThat(audit("EXPORT")).singleElement().asString().startsWith("aud5@").endsWith(" orders.xlsx");
    assertThat(jdbc.sql("select after_text from audit_entry where action = 'EXPORT'").query(String.class).single())
        .contains("state=EXPORTED").contains("shops=[" + mine.id().value() + "]").contains("rows=2");
  }

  @Test
  void theOrdersListLinksTheExportWithItsFilter() throws Exception {
    String html = mvc.perform(get("/orders").param("state", "EXPORTED").with(user(principal(Role.AUDITOR))))
        .andReturn().getResponse().getContentAsString();

    assertThat(html).contains("id=\"orders-export\"").contains("/orders/export.xlsx?q=&amp;state=EXPORTED");
  }
}
