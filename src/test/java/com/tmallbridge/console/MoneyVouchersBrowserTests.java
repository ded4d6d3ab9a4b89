package com.tmallbridge.console;

import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.MoneyRows;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
 * 财务 · 凭证 in a real browser (headless Chromium, as {@code MoneyReportsBrowserTests}): an admin
 * posts a day from the Vouchers screen, the job's progress bar (htmx) runs to its end, the list
 * shows the posted vouchers with the trial balance, a voucher shows its entries. Takes the
 * screenshots {@code console-money-vouchers.png} and {@code console-money-voucher.png}. Skipped,
 * with the reason, without Chromium and chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@CleanDatabase
@H2Only("the vouchers screen and its job's progress bar in Chromium; posting and the screen's queries run on PostgreSQL in MoneyVouchersScreenTests and the finance posting tests")
class MoneyVouchersBrowserTests extends SpringDatabaseTestBase {
  private static final String PASSWORD = "correct horse battery";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired UserManagement users;
  @Autowired ShopManagement shops;
  @Autowired JdbcClient jdbc;
  @Autowired com.tmallbridge.finance.PostingSchemes schemes;

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
  void anAdminPostsADayAndWatchesTheJobThenOpensAVoucher() throws IOException {
    HeadlessChromium.assumeInstalled();
    Shop shop = shops.add(new ShopRegistration("TM01", "演示店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        Instant.parse("2026-10-01T00:00:00Z")));
    // one voucher per event (LINE): the screenshots show per-order vouchers
    schemes.setGranularity(shop.id(), com.tmallbridge.finance.VoucherGranularity.LINE);
    rows().exportedTrade(shop, "8001", 25_800, 1_000, "2026-11-20T10:00:00+08:00");
    rows().exportedTrade(shop, "8002", 9_900, 0, "2026-11-20T11:00:00+08:00");
    rows().exportedTrade(shop, "8003", 12_900, 0, "2026-11-20T20:00:00+08:00");
    rows().settled(shop, "B1", "INCOME", "8001", 26_800, "2026-11-20T15:00:00+08:00");
    rows().settled(shop, "B2", "COMMISSION", "8001", -1_340, "2026-11-20T15:00:00+08:00");
    users.add("admin", Role.ADMIN, ShopScope.everyShop(), PASSWORD);
    String base = "http://127.0.0.1:" + port + "/";

    browser.get(base + "login?lang=en");
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("received")).isEmpty());
    browser.get(base + "money/vouchers?shop=TM01&date=2026-11-20");
    assertThat(browser.findElement(By.id("voucher-list")).getText()).contains("No vouchers.");
    browser.findElement(By.cssSelector("#voucher-post button[type=submit]")).click();

    await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector(".job[data-state=DONE]")).size() == 1);
    assertThat(browser.findElement(By.cssSelector(".job .job-count")).getText()).isEqualTo("5 / 5 (100%)");
    browser.navigate().refresh();
    assertThat(browser.findElements(By.cssSelector("tr.voucher[data-status=POSTED]"))).hasSize(5);
    assertThat(browser.findElement(By.id("trial-balance")).getText()).contains("debits ¥767.40, credits ¥767.40, balanced");
    Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("console-money-vouchers.png"),
        StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.linkText("SALE|TM01|8001")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("voucher-entries")).isEmpty());
    assertThat(browser.findElement(By.id("entries-debit")).getText()).isEqualTo("¥258.00");
    assertThat(browser.findElement(By.id("entries-credit")).getText()).isEqualTo("¥258.00");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("console-money-voucher.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private MoneyRows rows() {
    return new MoneyRows(jdbc);
  }
}
