package com.tmallbridge.console;

import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI in headless Chromium, under the console's Content-Security-Policy: a signed-in user
 * opens {@code /swagger-ui.html} and sees every {@code /api} operation of the document. Skipped,
 * with the reason, when Chromium or chromedriver is missing (as {@link ConsoleBrowserTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1"})
@CleanDatabase
@H2Only("Swagger UI in Chromium renders the OpenAPI document, which is built from the controllers, not from rows")
class SwaggerUiBrowserTests extends SpringDatabaseTestBase {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired UserManagement users;

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
  void aSignedInUserSeesEveryApiOperationInSwaggerUi() {
    HeadlessChromium.assumeInstalled();
    users.add("aud", Role.AUDITOR, ShopScope.everyShop(), "correct horse battery");
    String base = "http://127.0.0.1:" + port + "/";

    browser.get(base + "swagger-ui.html");
    await().atMost(WAIT).until(() -> !browser.findElements(By.name("username")).isEmpty());
    browser.findElement(By.name("username")).sendKeys("aud");
    browser.findElement(By.name("password")).sendKeys("correct horse battery");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();

    await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector(".opblock-summary-path")).size() >= 10);
    List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream().map(WebElement::getText).toList();
    assertThat(paths).contains("/api/dashboard", "/api/orders/{shopId}/{tid}", "/api/exceptions/{id}/retry", "/api/audit");
    assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("TmallBridge API");
  }
}
