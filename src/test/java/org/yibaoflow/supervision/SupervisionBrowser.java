package org.yibaoflow.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium for the supervision pages: a fresh profile, the page login, screenshots. */
final class SupervisionBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  final WebDriverWait wait;
  private final int port;
  private final Path profile;

  SupervisionBrowser(int port) {
    this.port = port;
    try {
      profile = Files.createTempDirectory("yibao-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=zh-CN", "--window-size=1400,2200", "--user-data-dir=" + profile);
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Opens a page; without a login it lands on the login page, logs in there and comes back. */
  void openAs(String path, String user) {
    driver.get(url(path));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("submit")).click();
    loaded();
  }

  void open(String path) {
    driver.get(url(path));
    loaded();
  }

  /** Waits until the page's script has finished loading its data (body[data-loaded]); a screenshot if it never does. */
  void loaded() {
    try {
      wait.until(d -> {
        Object v = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
            "return document.body && document.body.dataset.loaded");
        return v != null;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("not-loaded-" + System.currentTimeMillis());
      throw new AssertionError("page not loaded: " + driver.getCurrentUrl() + "\n"
          + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
