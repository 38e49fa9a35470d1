package org.yibaoflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium for the *BrowserIT tests (run with {@code ./mvnw -Pbrowser verify}):
 * a fresh profile in Chinese (zh-CN), the Camunda webapp login, waits, page text and screenshots under
 * {@code target/screenshots/<test>/}. Generic: nothing here knows a process or a form.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path screenshots;
  private final Path profile;
  private int shot;

  private Browser(ChromeDriver driver, String baseUrl, Path screenshots, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.profile = profile;
  }

  /** A new headless Chromium in Chinese with a fresh user-data directory. */
  public static Browser start(String baseUrl, String testName) {
    warmUp(baseUrl);
    try {
      Path profile = Files.createTempDirectory("chromium-profile-");
      Path shots = Path.of("target", "screenshots", testName);
      Files.createDirectories(shots);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--lang=zh-CN", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
      // Beijing time in the browser: the webapps show dates in the browser's time zone
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort()
          .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(WAIT);
      return new Browser(driver, baseUrl, shots, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fetches the webapps' big bundles once, so the browser's first page does not wait for a cold server. */
  static void warmUp(String baseUrl) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
        "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", "/camunda/app/tasklist/default/")) {
      try {
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // a failed warm-up only means a slower first page
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Logs in to a Camunda webapp (tasklist, cockpit, admin) through its login page. */
  public void login(String app, String user, String password) {
    WebElement name = loginForm(app);
    name.clear();
    name.sendKeys(user);
    WebElement pass = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
    pass.clear();
    pass.sendKeys(password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    waitUntil(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /**
   * The login form of the app. A cold server on a busy machine can serve the webapp's plugin bundle slower than
   * RequireJS waits for it ("Load timeout for modules"): the page is loaded again, at most three times.
   */
  private WebElement loginForm(String app) {
    By form = By.cssSelector("form[name=signinForm] input[type=text]");
    for (int attempt = 1; ; attempt++) {
      open("/camunda/app/" + app + "/default/");
      try {
        return new WebDriverWait(driver, Duration.ofSeconds(45)).until(ExpectedConditions.visibilityOfElementLocated(form));
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw diagnosed(e);
        }
      }
    }
  }

  /**
   * Ends the webapp session (the next login starts from a clean page). The page is loaded again until it shows the
   * login form, at most three times: a reload can come back blank (seen once on a loaded machine: the webapp's
   * scripts refused by its Content-Security-Policy nonce, the HTML apparently from the browser's cache).
   */
  public void logout() {
    driver.manage().deleteAllCookies();
    loginForm("tasklist");
  }

  public WebElement waitFor(By by) {
    try {
      return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** A timeout with what the page showed: a screenshot, the URL, the page text and the browser's console. */
  private RuntimeException diagnosed(RuntimeException e) {
    StringBuilder log = new StringBuilder();
    try {
      Path shot = screenshot("timeout");
      log.append("screenshot ").append(shot).append("; url ").append(driver.getCurrentUrl()).append("; text: ")
          .append(pageText(), 0, Math.min(pageText().length(), 800));
      driver.manage().logs().get("browser").forEach(l -> log.append("\n  console: ").append(l));
    } catch (RuntimeException ignored) {
      // the diagnosis is best effort
    }
    return new IllegalStateException(e.getMessage().lines().findFirst().orElse("timeout") + "\n" + log, e);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw diagnosed(e);
    }
  }

  /** Waits until the visible text of the page contains the text. */
  public void waitForText(String text) {
    waitUntil(d -> text(d).contains(text) ? Boolean.TRUE : null);
  }

  /** Scrolls the element into view and clicks it (by script when a notification or tooltip lies over it). */
  public void click(By by) {
    WebElement e;
    try {
      e = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    } catch (org.openqa.selenium.TimeoutException timeout) {
      // what the page showed instead (a screenshot, its text, the console): CaseworkerBrowserIT once missed 完成
      throw diagnosed(timeout);
    }
    click(e);
  }

  public void click(WebElement e) {
    scrollTo(e);
    try {
      e.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      script("arguments[0].click();", e);
    }
  }

  public void scrollTo(WebElement e) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The visible text of the whole page (the body's innerText). */
  public String pageText() {
    return text(driver);
  }

  /** Placeholders, titles and button values: text a user sees that innerText leaves out. */
  @SuppressWarnings("unchecked")
  public List<String> attributeTexts() {
    return (List<String>) script("return Array.from(document.querySelectorAll('[placeholder],[title],input[type=submit]'))"
        + ".filter(e => e.offsetParent !== null)"
        + ".map(e => e.getAttribute('placeholder') || e.getAttribute('title') || e.value).filter(t => t);");
  }

  /** Saves a PNG of the window as target/screenshots/&lt;test&gt;/NN-name.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(WebDriver d) {
    Object t = ((JavascriptExecutor) d).executeScript("return document.body ? document.body.innerText : '';");
    return t == null ? "" : t.toString();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory left behind is harmless
      }
    }
  }
}
