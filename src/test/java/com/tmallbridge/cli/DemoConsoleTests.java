package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.testsupport.RunsAlongside;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} without {@code --exit}: after the report it prints the console's URL and the first
 * admin's password, and the URL answers; a new user signs in with that password and finds the
 * planted exception (a re-coded listing's order) in the queue; an interrupt stops it like Ctrl-C. The flags of the
 * console are checked before anything starts.
 */
@RunsAlongside("a demo of its own in a temporary directory, on a port the system chooses; mostly the demo's waits")
class DemoConsoleTests {
  private static final Pattern URL = Pattern.compile("console: (http://\\S+)");
  private static final Pattern RECODED = Pattern.compile("re-coded listing (\\d+) ");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern PASSWORD = Pattern.compile("first login: user admin, password (\\S+)");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void withoutExitTheConsoleServesTheDemosDatabaseAfterTheReport() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread demo = new Thread(() -> exit.set(BridgeMain.run(
        new String[] {"--data", dir.toString(), "demo", "--orders", "20", "--seed", "3", "--port", "0"},
        new PrintWriter(out, true), new PrintWriter(err, true))), "demo-under-test");
    demo.start();
    try {
      await().atMost(Duration.ofMinutes(5)).until(() -> URL.matcher(err.toString()).find() || !demo.isAlive());
      assertThat(out.toString()).as("stderr: %s", err).contains("TmallBridge demo PASSED");
      Matcher url = URL.matcher(err.toString());
      assertThat(url.find()).as("stderr: %s", err).isTrue();
      assertThat(PASSWORD.matcher(err.toString()).find()).isTrue();
      assertThat(out.toString()).as("standard output carries the report alone").doesNotContain("console:", "first login");
      assertThat(url.group(1)).matches("http://127\\.0\\.0\\.1:\\d+/").doesNotEndWith(":0/");

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(url.group(1))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(root.statusCode()).isEqualTo(302);
      assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "login")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("password");

      // the planted exception: a re-coded listing's paid order, found in the queue by a new user with the printed password
      Matcher recoded = RECODED.matcher(err.toString());
      assertThat(recoded.find()).as("stderr: %s", err).isTrue();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
      String form = browser.send(HttpRequest.newBuilder(URI.create(url.group(1) + "login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = CSRF.matcher(form);
      assertThat(csrf.find()).as(form).isTrue();
      Matcher password = PASSWORD.matcher(err.toString());
      assertThat(password.find()).isTrue();
      String body = "username=admin&password=" + java.net.URLEncoder.encode(password.group(1), java.nio.charset.StandardCharsets.UTF_8)
          + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url.group(1) + "login"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location")).as("signed in: back to the console, not the login page")
          .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
      await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(browser.send(
          HttpRequest.newBuilder(URI.create(url.group(1) + "exceptions?lang=en")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .contains("UNMAPPED_SKU").contains(recoded.group(1)));
    } finally {
      demo.interrupt();
      demo.join(120_000);
    }
    assertThat(demo.isAlive()).isFalse();
    assertThat(exit.get()).as("stderr: %s", err).isZero();
  }

  @Test
  void aBadPortIsRefusedBeforeTheDemoStarts() {
    int code = BridgeMain.run(new String[] {"--data", dir.toString(), "demo", "--port", "70000"}, new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be between 0 and 65535, got 70000").hasLineCount(1);
    assertThat(dir.resolve("demo")).doesNotExist();
  }
}
