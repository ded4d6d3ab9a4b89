package com.tmallbridge.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium the console's browser tests drive: Debian's {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them; {@code -Dbridge.test.chromium} and {@code
 * -Dbridge.test.chromedriver} name other paths), started with the flags this machine needs, 1280 px
 * wide, in English. A test class starts one in {@code @BeforeAll} when {@link #installed()} and each
 * test calls {@link #assumeInstalled()}, so that without a browser every test is skipped with the reason.
 */
public final class HeadlessChromium {
  public static final Path CHROMIUM = Path.of(System.getProperty("bridge.test.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("bridge.test.chromedriver", "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  /** Whether both the browser and its driver are there. */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Skips the calling test, saying what to install, when {@link #installed()} is false. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(installed(), "browser tests skipped: need Chromium at " + CHROMIUM + " and chromedriver at "
        + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
  }

  /**
   * Starts a browser; the caller quits it.
   *
   * @param downloads where downloads are saved without asking, or null for the default
   */
  public static ChromeDriver start(@Nullable Path downloads) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--lang=en-US");
    if (downloads != null) {
      options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
          "download.prompt_for_download", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
