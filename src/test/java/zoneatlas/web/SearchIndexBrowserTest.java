package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import zoneatlas.Services;
import zoneatlas.http.WebApp;
import zoneatlas.testing.TestStores;

/**
 * A search typed while the server still builds its index (the first seconds after a start) says
 * 索引建立中 instead of 没有找到, and the results appear by themselves once the index is there.
 */
@Tag("browser")
class SearchIndexBrowserTest {

  @Test
  void aSearchWhileTheIndexIsBuiltSaysSoAndAnswersWhenItIsBuilt() {
    Services s = new Services(TestStores.config(), TestStores.h2());
    List<Runnable> held = new CopyOnWriteArrayList<>();
    s.search.useExecutor(held::add);
    Javalin app = WebApp.create(s).start("127.0.0.1", 0);
    try (Browser b = new Browser("http://127.0.0.1:" + app.port(), 1280, 860)) {
      b.open("/");
      WebElement input = b.driver.findElement(By.id("search-input"));
      input.sendKeys("起步区");
      WebElement building = b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#search-results .search-building"))
          .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertTrue(building.getText().contains("索引建立中"), building.getText());
      assertTrue(b.driver.findElements(By.xpath("//*[@id='search-results']//*[contains(text(), '没有找到')]")).isEmpty(),
          "not an empty result");
      b.screenshot("search-index-building.png");
      held.forEach(Runnable::run);
      List<WebElement> hits = b.waitFor(Duration.ofSeconds(15), d -> {
        List<WebElement> li = d.findElements(By.cssSelector("#search-results li[data-i]"));
        return li.isEmpty() ? null : li;
      });
      assertTrue(hits.get(0).getText().contains("起步区"), hits.get(0).getText());
      // the 503 answers while building are the only errors the console saw
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.contains("503")).toList());
    } finally {
      app.stop();
    }
  }
}
