package com.tmallbridge.console;

import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 财务 · 报表 in a real browser (headless Chromium, as {@code ConsoleBrowserTests}): an auditor opens
 * the Money menu, ECharts draws the payment per day, the tables show their totals. Takes the
 * screenshot {@code console-money-reports.png}. Skipped, with the reason, without Chromium and chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@CleanDatabase
@H2Only("the money reports in Chromium (ECharts, tables); their queries run on PostgreSQL in MoneyReportsScreenTests and SalesReportsTests")
class MoneyReportsBrowserTests extends SpringDatabaseTestBase {
  private static final String PASSWORD = "correct horse battery";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired UserManagement users;
  @Autowired ShopManagement shops;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startBrowser() {
    if (HeadlessChromium.installed()) {
      browser = HeadlessChromium.start(null);
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAuditorOpensTheReportsFromTheMoneyMenuAndTheChartIsDrawn() throws IOException {
    HeadlessChromium.assumeInstalled();
    Shop shop = shops.add(new ShopRegistration("TM01", "演示店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        Instant.parse("2026-10-01T00:00:00Z")));
    String[][] trades = {{"8001", "2026-11-01T10:00:00+08:00", "浙江省", "A", "2", "25800"}, {"8002", "2026-11-02T11:00:00+08:00", "广东省", "B", "1",
        "9900"}, {"8003", "2026-11-02T20:00:00+08:00", "浙江省", "A", "1", "12900"}, {"8004", "2026-11-04T09:30:00+08:00", "上海", "C", "3",
        "44700"}};
    for (String[] t : trades) {
      paid(shop, t[0], t[1], t[2], t[3], Integer.parseInt(t[4]), Long.parseLong(t[5]));
    }
    users.add("auditor", Role.AUDITOR, ShopScope.everyShop(), PASSWORD);
    String base = "http://127.0.0.1:" + port + "/";

    browser.get(base + "login?lang=en");
    browser.findElement(By.name("username")).sendKeys("auditor");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("received")).isEmpty());
    browser.findElement(By.linkText("Money")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("report-filter")).isEmpty());
    browser.get(base + "money/reports?from=2026-11-01&to=2026-11-05");

    String drawn = await().atMost(WAIT).until(() -> browser.findElement(By.id("sales-chart")).getDomAttribute("data-loaded"), Objects::nonNull);
    assertThat(drawn).isEqualTo("5");
    assertThat(browser.findElements(By.cssSelector("#sales-chart canvas"))).as("ECharts drew").isNotEmpty();
    List<String> totals = browser.findElements(By.cssSelector("#report-sales-day tfoot td")).stream().map(c -> c.getText().strip()).toList();
    assertThat(totals).containsExactly("Total", "4", "7", "¥933.00", "¥0.00", "¥933.00");
    assertThat(browser.findElement(By.id("money-nav")).getText()).contains("Reconciliation", "Reports", "Vouchers");
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.copy(shot, dir.resolve("console-money-reports.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void paid(Shop shop, String tid, String paidAt, String province, String material, int quantity, long amountFen) {
    OffsetDateTime paid = OffsetDateTime.parse(paidAt);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, receiver_state,
          state, first_seen_at, updated_at)
        values (:shop, :tid, 'TRADE_FINISHED', :paid, :paid, :paid, true, :amount, 0, :province, 'EXPORTED', :paid, :paid)""")
        .param("shop", shop.id().value()).param("tid", tid).param("paid", paid).param("amount", amountFen).param("province", province).update();
    jdbc.sql("""
        insert into order_line (shop_id, tid, line_no, oid, num_iid, material_code, title, quantity, price_fen, amount_fen)
        values (:shop, :tid, 1, :tid, 'I1', :material, :title, :quantity, :price, :amount)""")
        .param("shop", shop.id().value()).param("tid", tid).param("material", material).param("title", "商品 " + material)
        .param("quantity", quantity).param("price", amountFen / quantity).param("amount", amountFen).update();
  }
}
