package zoneatlas.web;

import zoneatlas.testing.Chromium;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, cut off from every host but 127.0.0.1: the page
 * must work with no internet, and a request that tries to leave shows as a failed load in the
 * console and as a foreign resource entry, both of which the tests check. A fresh profile each
 * time, removed on close.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  final ChromeDriver driver;
  private final Path profile;
  private final String base;

  Browser(String base, int width, int height) {
    this.base = base;
    profile = Chromium.newProfile();
    driver = Chromium.start(profile, width, height);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Opens a path of the test server and waits until the map has drawn its layers and restored the URL state. */
  void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
    waitFor(Duration.ofSeconds(40), d -> Boolean.TRUE.equals(js("return !!(window.ZA && ZA.test && ZA.test.ready)")));
  }

  /** Waits until no visible layer is loading (parcels and enterprises load after the view settles). */
  void waitIdle() {
    waitFor(Duration.ofSeconds(30), d -> Boolean.FALSE.equals(js("return ZA.test.loading()")));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
    // the page re-renders lists as answers arrive: an element found a moment ago may be gone
    WebDriverWait w = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    w.ignoring(StaleElementReferenceException.class);
    return w.until(condition);
  }

  /** Console messages at level SEVERE: script errors, failed loads (404s, blocked hosts). */
  List<String> consoleErrors() {
    return Chromium.consoleErrors(driver);
  }

  /** Every URL the page loaded (document and resources) that is not on the test server. */
  @SuppressWarnings("unchecked")
  List<String> outsideRequests() {
    List<String> urls = new ArrayList<>((List<String>) js(
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))"));
    String origin = base.endsWith("/") ? base : base + "/";
    return urls.stream().filter(u -> !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")).toList();
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File f = driver.getScreenshotAs(OutputType.FILE);
      Path to = SCREENSHOTS.resolve(name);
      Files.copy(f.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless
      }
    }
  }
}
