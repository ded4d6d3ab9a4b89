package com.tmallbridge.console;

import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.order.ExceptionView;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser: headless Chromium driven through the system's chromedriver,
 * against the console on a random port, on data the Tmall sandbox produced (trades synced once,
 * those of one item held as {@code UNMAPPED_SKU} because the ERP has no material for it). Each
 * role logs in and sees the dashboard with its chart; an order is followed from the dashboard to
 * the orders list; an operator fixes an exception (the missing material and mapping added through
 * the product and ERP APIs, the console having no mapping editor yet), retries it in the console,
 * and the order reaches the ERP (read through the ERP's own API); the auditor is refused a retry
 * and the operator the audit log with the 403 page. Screenshots of the dashboard, the orders and
 * the exception queue go to {@code target/console-screenshots}, and also to the directory named
 * by the system property {@code bridge.test.screenshots} (e.g. {@code docs/img}).
 *
 * <p>Skipped, with the reason, when Chromium or chromedriver is missing ({@code
 * bridge.test.chromium} / {@code bridge.test.chromedriver} name other paths).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@CleanDatabase
@H2Only("the console's pages in Chromium; the queries and actions behind them (screens, exception retry, mapping editor, stock push, order export) run on PostgreSQL through MockMvc in ConsoleScreensTests, OrderDetailTests, ExceptionActionsTests, MappingEditorTests, StockRulesScreenTests and StockScreenTests")
class ConsoleBrowserTests extends SpringDatabaseTestBase {
  private static final String PASSWORD = "correct horse battery";
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Where the browser saves downloads (the Excel export). */
  private static final Path DOWNLOADS;

  static {
    try {
      DOWNLOADS = Files.createTempDirectory("bridge-browser-downloads-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired UserManagement users;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;
  @Autowired OrderSync sync;
  @Autowired OrderManagement orders;

  private TmallSandbox sandbox;
  private Shop shop;
  private String base;

  @BeforeAll
  static void startBrowser() {
    if (HeadlessChromium.installed()) {
      browser = HeadlessChromium.start(DOWNLOADS);
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void seed() throws Exception {
    HeadlessChromium.assumeInstalled();
    base = "http://127.0.0.1:" + port + "/";
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(40, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("TM01", "演示店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    long missingItem = sandbox.trades().stream().filter(SandboxTrade::everPaid).filter(t -> !"TRADE_CLOSED".equals(t.status()))
        .flatMap(t -> t.lines().stream()).map(l -> l.numIid()).findFirst().orElseThrow();
    SandboxMaterials.seed(sandbox, shop, products, erp, missingItem);
    sync.runOnce();
    assertThat(orders.unresolvedExceptions()).as("trades of item %s held", missingItem).isPositive();
    for (Role role : Role.values()) {
      users.add(role.name().toLowerCase(), role, ShopScope.everyShop(), PASSWORD);
    }
  }

  @AfterEach
  void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void eachRoleSeesTheDashboardFollowsAnOrderAndIsRefusedWhatItMayNotSee() throws IOException {
    ExceptionView held = firstHeld();
    for (Role role : Role.values()) {
      login(role);
      assertThat(text(By.tagName("h1"))).isEqualTo("Today");
      assertThat(Integer.parseInt(text(By.id("received")))).as(role + " sees today's orders").isPositive();
      String drawn = await().atMost(WAIT).until(() -> browser.findElement(By.id("hourly-chart")).getDomAttribute("data-loaded"),
          java.util.Objects::nonNull);
      assertThat(Integer.parseInt(drawn)).as("the chart's orders").isEqualTo(Integer.parseInt(text(By.id("received"))));
      assertThat(browser.findElements(By.cssSelector("#hourly-chart canvas"))).as("ECharts drew").isNotEmpty();
      assertThat(browser.findElements(By.linkText("Audit log"))).hasSize(role == Role.OPERATOR ? 0 : 1);
    }
    screenshot("console-dashboard");

    // follow the held order from the dashboard to the orders list, searching for it
    browser.findElement(By.linkText("Orders")).click();
    await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("tr.trade")).size() > 1);
    screenshot("console-orders");
    browser.findElement(By.id("q")).sendKeys(held.tid());
    await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr.trade")).size() == 1);
    List<String> row = cells(browser.findElement(By.cssSelector("tr.trade")));
    assertThat(row).contains("TM01", held.tid(), "EXCEPTION", "UNMAPPED_SKU");

    // the auditor (signed in last) sees the queue without a Retry button, and a forged retry is refused
    login(Role.AUDITOR);
    browser.get(base + "exceptions");
    assertThat(browser.findElements(By.cssSelector("tr.exception"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("tr.exception button"))).isEmpty();
    ((JavascriptExecutor) browser).executeScript("""
        var f = document.createElement('form'); f.method = 'post'; f.action = '/exceptions/' + arguments[0] + '/retry';
        var t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';
        t.value = document.querySelector('meta[name="_csrf"]').content; f.appendChild(t);
        document.body.appendChild(f); f.submit();""", held.id());
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("forbidden")).isEmpty());
    assertThat(text(By.id("forbidden"))).isEqualTo("Not allowed (403)");
    assertThat(orders.exception(held.id())).hasValueSatisfying(e -> assertThat(e.retries()).isZero());

    login(Role.OPERATOR);
    browser.get(base + "audit");
    assertThat(text(By.id("forbidden"))).isEqualTo("Not allowed (403)");
  }

  @Test
  void anOperatorRetriesAFixedExceptionAndTheOrderReachesTheErp() throws IOException {
    ExceptionView held = firstHeld();
    assertThat(erpOrderNumbers()).doesNotContain(held.tid());
    login(Role.OPERATOR);
    browser.findElement(By.linkText("Exception queue")).click();
    WebElement row = exceptionRow(held);
    assertThat(cells(row)).contains("UNMAPPED_SKU");
    screenshot("console-exceptions");

    // the fix: the missing item's materials in the ERP and its SKU mappings, through the ERP and product APIs
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    exceptionRow(held).findElement(By.tagName("button")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("outcome")).isEmpty());
    assertThat(text(By.id("outcome"))).contains(held.tid());

    sync.drain();
    await().atMost(WAIT).untilAsserted(() -> assertThat(erpOrderNumbers()).contains(held.tid()));
    browser.get(base + "exceptions");
    assertThat(browser.findElements(By.cssSelector("tr.exception")).stream().map(this::cells))
        .noneSatisfy(cells -> assertThat(cells).contains(held.tid()));
    browser.get(base + "orders?q=" + held.tid());
    assertThat(cells(browser.findElement(By.cssSelector("tr.trade")))).contains(held.tid(), "EXPORTED");
  }

  private ExceptionView firstHeld() {
    return orders.unresolvedExceptions(null, 10).get(0);
  }

  private WebElement exceptionRow(ExceptionView held) {
    return await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr.exception")).stream()
        .filter(r -> cells(r).contains(Long.toString(held.id()))).findFirst().orElse(null), java.util.Objects::nonNull);
  }

  /** The trade ids of the sales orders in the built-in ERP, read through its API. */
  private List<String> erpOrderNumbers() {
    List<String> numbers = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> numbers.add(o.orderNo().value()));
    return numbers;
  }

  /** Signs out whoever is signed in and signs in as {@code role}, in English; lands on the dashboard. */
  private void login(Role role) {
    browser.get(base + "login?lang=en");
    browser.manage().deleteCookieNamed("BRIDGE_SESSION");
    browser.get(base + "login?lang=en");
    browser.findElement(By.name("username")).sendKeys(role.name().toLowerCase());
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("received")).isEmpty());
  }

  private String text(By by) {
    return browser.findElement(by).getText().strip();
  }

  /**
   * The row's cell texts as rendered, read with one script call: a {@code getText} per cell is a
   * WebDriver round trip each, and asserting over every listing's cells took 20 s that way.
   */
  @SuppressWarnings("unchecked")
  private List<String> cells(WebElement row) {
    return ((List<Object>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(arguments[0].querySelectorAll(':scope > td')).map(c => c.innerText.trim());", row))
        .stream().map(String::valueOf).collect(Collectors.toList());
  }

  private void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    String extra = System.getProperty("bridge.test.screenshots");
    if (extra != null && !extra.isBlank()) {
      Files.copy(shot, Files.createDirectories(Path.of(extra)).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // console4: the order page, map-and-retry in the exception queue, settings refused to an operator

  @Test
  void anOrderIsFollowedFromTheDashboardToItsPageWithBothSidesAndWhyItIsHeld() throws IOException {
    ExceptionView held = firstHeld();
    login(Role.OPERATOR);
    WebElement link = await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("#held-orders a.tid")).stream()
        .filter(a -> a.getText().strip().equals(held.tid())).findFirst().orElse(null), java.util.Objects::nonNull);
    link.click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("bridge-state")).isEmpty());

    assertThat(text(By.tagName("h1"))).isEqualTo("Order " + held.tid());
    assertThat(text(By.id("bridge-state"))).isEqualTo("EXCEPTION");
    assertThat(text(By.id("tmall-status"))).isNotBlank();
    assertThat(text(By.id("held"))).contains("UNMAPPED_SKU");
    assertThat(text(By.id("erp-none"))).isEqualTo("The ERP has no sales order for this trade.");
    assertThat(browser.findElements(By.cssSelector("tr.tmall-line.unmapped"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#history tr.event")).stream().map(this::cells).map(c -> c.get(1)))
        .contains("Received from Tmall", "Held");
    // the whole page in one picture, at the width of the other screenshots
    long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 140, 2400)));
    try {
      screenshot("console-order");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  void anOperatorMapsTheMissingSkuInTheQueueAndTheOrderReachesTheErp() throws IOException {
    ExceptionView held = firstHeld();
    login(Role.OPERATOR);
    browser.get(base + "exceptions?reason=UNMAPPED_SKU");
    exceptionRow(held).findElement(By.cssSelector("a.fix")).click();
    List<WebElement> lines = await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("tr.fix-line")), l -> !l.isEmpty());
    for (WebElement line : lines) {
      // the material the warehouse has just created in the ERP, under a code of its own
      String code = "CON-" + line.findElement(By.name("numIid")).getDomProperty("value") + "-"
          + line.findElement(By.name("skuId")).getDomProperty("value");
      erp.capability(com.tmallbridge.erp.MaterialCatalog.class).upsertMaterial(
          new com.tmallbridge.erp.Material(new com.tmallbridge.core.MaterialCode(code), "m " + code, "pcs", 100));
      WebElement input = line.findElement(By.name("material"));
      input.clear();
      input.sendKeys(code);
    }
    browser.findElement(By.id("fix-submit")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("outcomes")).isEmpty());
    assertThat(text(By.id("outcomes"))).contains(held.tid()).contains("passes now, ERP order queued");

    sync.drain();
    await().atMost(WAIT).untilAsserted(() -> assertThat(erpOrderNumbers()).contains(held.tid()));
    browser.get(base + "orders/" + held.shopId() + "/" + held.tid());
    assertThat(text(By.id("bridge-state"))).isEqualTo("EXPORTED");
    assertThat(text(By.id("erp-status"))).isEqualTo("OPEN");
    assertThat(text(By.id("erp-total"))).isEqualTo(text(By.id("tmall-payment")));
    assertThat(browser.findElements(By.cssSelector("tr.tmall-line.unmapped"))).isEmpty();
  }

  @Test
  void anOperatorSeesNoSettingsAndIsRefusedThemByUrl() {
    login(Role.OPERATOR);
    assertThat(browser.findElements(By.linkText("Settings"))).isEmpty();
    browser.get(base + "settings/shops");
    assertThat(text(By.id("forbidden"))).isEqualTo("Not allowed (403)");
    browser.get(base + "users");
    assertThat(text(By.id("forbidden"))).isEqualTo("Not allowed (403)");
    login(Role.ADMIN);
    browser.findElement(By.linkText("Settings")).click();
    assertThat(browser.findElements(By.cssSelector("#shops tr.shop")).stream().map(this::cells))
        .anySatisfy(c -> assertThat(c).contains("TM01", "****"));
  }

  // console3: the stock screen, the mapping editor, the full stock push with its progress bar

  @Autowired com.tmallbridge.stock.StockSync stockSync;
  @Autowired com.tmallbridge.audit.AuditManagement auditLog;
  @Autowired com.tmallbridge.stock.StockManagement stockRules;

  @Test
  void anOperatorReadsTheStockEditsAMappingAndRunsAFullStockPushToOneHundredPercent() throws IOException {
    List<com.tmallbridge.core.MaterialCode> materials = SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    for (int i = 0; i < materials.size(); i++) {
      erp.capability(com.tmallbridge.erp.StockLedger.class).book("WH01", materials.get(i), 5 + 7L * i, "RECEIPT", "browser-" + i);
    }
    products.match(shop.id(), com.tmallbridge.product.MatchProgress.NONE);
    String ruled = Long.toString(sandbox.items().get(1).numIid());
    stockRules.putRule(new com.tmallbridge.stock.StockRule(shop.id(), ruled, "", null, 80, null, null, 30L, null, null));
    stockSync.runFullPass();

    login(Role.OPERATOR);
    browser.findElement(By.linkText("Stock")).click();
    await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("tr.listing")).size() > 1);
    int listings = browser.findElements(By.cssSelector("tr.listing")).size();
    List<String> first = cells(browser.findElements(By.cssSelector("tr.listing")).get(0));
    assertThat(first.get(0)).isEqualTo("TM01");
    assertThat(first.get(8)).matches("default: all|item rule: percent 80, max 30");
    assertThat(browser.findElements(By.cssSelector("tr.listing")).stream().map(this::cells))
        .anySatisfy(cells -> assertThat(cells).contains(ruled, "item rule: percent 80, max 30"));
    screenshot("console-stock");
    // on a tablet (portrait, 820 px) the page does not overflow sideways: the table scrolls inside its box
    org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    try {
      await().atMost(WAIT).until(() -> ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).intValue() < 900);
      JavascriptExecutor js = (JavascriptExecutor) browser;
      assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
      assertThat(browser.findElement(By.id("start-push")).isDisplayed()).isTrue();
    } finally {
      browser.manage().window().setSize(desktop);
    }

    // the htmx search narrows the list to one item
    String item = first.get(1);
    browser.findElement(By.id("q")).sendKeys(item);
    await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr.listing")).stream()
        .allMatch(r -> cells(r).get(1).equals(item)));

    // edit a mapping: map a SKU of that item to another material, then see it in the list and the audit log
    browser.get(base + "products?shop=TM01");
    WebElement editor = browser.findElement(By.id("mapping-editor"));
    editor.findElement(By.name("numIid")).sendKeys(item);
    editor.findElement(By.name("skuId")).sendKeys(first.get(2));
    editor.findElement(By.name("code")).sendKeys(materials.get(0).value());
    editor.findElement(By.cssSelector("button[type=submit]")).click();
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("outcome")).isEmpty());
    assertThat(text(By.id("outcome"))).contains("TM01/" + item + "/" + first.get(2)).contains(materials.get(0).value());
    assertThat(browser.findElements(By.cssSelector("tr.mapping")).stream().map(this::cells))
        .anySatisfy(cells -> assertThat(cells).contains(item, first.get(2), materials.get(0).value()));
    assertThat(auditLog.entries(com.tmallbridge.audit.AuditAction.MAPPING_CHANGE, "operator", "mapping:TM01/" + item, null, null, 5))
        .singleElement().satisfies(e -> assertThat(e.after()).isEqualTo(materials.get(0).value()));

    // the full stock push: the bar polls every second until every listing of the shop is pushed
    browser.get(base + "stock?shop=TM01");
    browser.findElement(By.id("start-push")).click();
    WebElement job = await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#job-panel .job")),
        java.util.Objects::nonNull);
    assertThat(job.findElement(By.tagName("progress"))).isNotNull();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> "100".equals(browser.findElement(By.cssSelector("#job-panel .job")).getDomAttribute("data-percent")));
    WebElement ended = browser.findElement(By.cssSelector("#job-panel .job"));
    assertThat(ended.getDomAttribute("data-state")).isEqualTo("DONE");
    assertThat(ended.findElement(By.cssSelector(".job-count")).getText()).isEqualTo(listings + " / " + listings + " (100%)");
    assertThat(ended.findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("100");
  }

  // lead: the receiver revealed on the order page (audited, not offered to the auditor); the orders list downloaded as Excel

  @Test
  void anOperatorRevealsAReceiverAndDownloadsTheOrdersAsAnExcelFileWithTheListsRows() throws Exception {
    ExceptionView held = firstHeld();
    login(Role.AUDITOR);
    browser.get(base + "orders/" + shop.id().value() + "/" + held.tid());
    await().atMost(WAIT).until(() -> !browser.findElements(By.id("receiver")).isEmpty());
    assertThat(browser.findElements(By.id("reveal"))).as("the auditor is not offered the reveal").isEmpty();

    login(Role.OPERATOR);
    browser.get(base + "orders/" + shop.id().value() + "/" + held.tid());
    browser.findElement(By.id("reveal")).click();
    WebElement revealed = await().atMost(WAIT).ignoreExceptions()
        .until(() -> browser.findElement(By.cssSelector("#revealed .receiver-mobile")), java.util.Objects::nonNull);
    assertThat(revealed.getText()).isNotBlank();
    assertThat(auditLog.entries(com.tmallbridge.audit.AuditAction.REVEAL, "operator", null, null, null, 5))
        .singleElement().satisfies(e -> assertThat(e.target()).contains(held.tid()));

    browser.get(base + "orders");
    List<String> listed = browser.findElements(By.cssSelector("tr.trade")).stream().map(r -> cells(r).get(1)).toList();
    assertThat(listed).isNotEmpty().contains(held.tid());
    try (var files = Files.list(DOWNLOADS)) {
      for (Path old : files.toList()) {
        Files.delete(old);
      }
    }
    browser.findElement(By.id("orders-export")).click();
    Path xlsx = await().atMost(WAIT).until(() -> {
      try (var files = Files.list(DOWNLOADS)) {
        return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
      }
    }, java.util.Objects::nonNull);
    List<String> exported = new ArrayList<>();
    try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile())) {
      var sheet = book.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        exported.add(sheet.getRow(r).getCell(1).getStringCellValue());
      }
    }
    assertThat(exported).as("the file holds the rows of the list").containsExactlyInAnyOrderElementsOf(listed);
    assertThat(auditLog.entries(com.tmallbridge.audit.AuditAction.EXPORT, "operator", null, null, null, 5)).hasSize(1);
  }
}
