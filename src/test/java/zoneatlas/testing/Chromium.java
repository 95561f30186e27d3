package zoneatlas.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests: a fresh profile, console logs captured, and
 * every host but 127.0.0.1 unresolvable, so a page that reaches outside fails visibly. Never
 * lets Selenium fetch a browser of its own.
 */
public final class Chromium {
  private Chromium() {}

  /** Starts Chromium with a window of that size; below 500 px wide a touch phone is emulated. */
  public static ChromeDriver start(Path profile, int width, int height) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--lang=zh-CN", "--hide-scrollbars",
        "--force-device-scale-factor=1");
    if (width < 500) {
      // Chromium windows are at least 500 px wide: a phone screen is emulated (with touch)
      o.addArguments("--window-size=500," + (height + 100));
      o.setExperimentalOption("mobileEmulation", Map.of(
          "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true),
          "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              + "Mobile/15E148 MicroMessenger/8.0.47"));
    } else {
      o.addArguments("--window-size=" + width + "," + height);
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** Runs a script in the page and returns its value. */
  public static Object js(ChromeDriver driver, String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Waits until a JavaScript expression is truthy. */
  public static void waitFor(ChromeDriver driver, String condition, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
        .until(d -> Boolean.TRUE.equals(js(driver, "return !!(" + condition + ")")));
  }

  /** Console messages at level SEVERE: script errors, failed loads (404s, blocked hosts). */
  public static List<String> consoleErrors(ChromeDriver driver) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /** A new empty profile folder. */
  public static Path newProfile() {
    try {
      return Files.createTempDirectory("zoneatlas-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes a profile folder; a leftover one is harmless, so failures are ignored. */
  public static void removeProfile(Path profile) {
    try (var s = Files.walk(profile)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing to do
    }
  }
}
