package nl.samenaanwezig.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests. The system chromedriver is passed explicitly so that
 * Selenium Manager never downloads a driver or browser; every driver gets a fresh profile that
 * {@link #quit} removes again.
 *
 * <p>What Chromium 156 does with the tool's cookie in an LMS iframe on another site (checked with
 * probes in this headless build): third-party cookies are blocked by default, so a plain {@code
 * SameSite=None; Secure} cookie is neither stored nor sent there, while a {@code Partitioned}
 * cookie is (keyed to the LMS site). Only a per-site cookie block ({@link #blockCookies}) also
 * drops the partitioned one.
 */
public final class Chrome {
  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Dimension DESKTOP = new Dimension(1280, 900);

  /** An iPhone 12-15 sized viewport. */
  public static final Dimension PHONE = new Dimension(390, 844);

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Map<WebDriver, Path> PROFILES = new ConcurrentHashMap<>();

  private Chrome() {}

  public static ChromeDriver desktop() {
    return start(DESKTOP, Map.of());
  }

  /**
   * A phone: mobile emulation with a 390x844 viewport that honours the viewport meta tag (a
   * headless window cannot be narrower than 500 px).
   */
  public static ChromeDriver phone() {
    return start(PHONE, true, Map.of());
  }

  /** Chromium with this window size, extra profile preferences and extra command-line flags. */
  public static ChromeDriver start(Dimension size, Map<String, Object> prefs, String... flags) {
    return start(size, false, prefs, flags);
  }

  private static ChromeDriver start(
      Dimension size, boolean mobile, Map<String, Object> prefs, String... flags) {
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("sa-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=nl-NL",
        "--disable-dev-shm-usage",
        "--window-size=" + size.getWidth() + "," + size.getHeight(),
        "--user-data-dir=" + profile);
    options.addArguments(flags);
    if (mobile) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  size.getWidth(),
                  "height",
                  size.getHeight(),
                  "pixelRatio",
                  1.0,
                  "mobile",
                  true,
                  "touch",
                  true)));
    }
    // A Dutch school's browser: pages without a session follow Accept-Language.
    Map<String, Object> allPrefs = new HashMap<>(prefs);
    allPrefs.putIfAbsent("intl.accept_languages", "nl-NL,nl");
    options.setExperimentalOption("prefs", allPrefs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    PROFILES.put(driver, profile);
    return driver;
  }

  /**
   * Profile preferences that block all cookies of {@code site} while it is embedded in {@code
   * topLevel} (a user's per-site block: "cookies of the tool not allowed in the LMS"); the same
   * site opened in its own window keeps its cookies. Both arguments are origins.
   */
  public static Map<String, Object> blockCookies(String site, String topLevel) {
    return Map.of(
        "profile.content_settings.exceptions.cookies",
        Map.of(site + "," + topLevel, Map.of("setting", 2)));
  }

  /** Waits up to 15 s for a condition, tolerating scripts run while a frame is navigating. */
  public static WebDriverWait await(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(JavascriptException.class);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Waits until the current window or frame shows a loaded page with an h1 at this origin under
   * this path; returns the path. A timeout says what the browser shows instead.
   */
  public static String awaitPage(WebDriver driver, String origin, String pathPrefix) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    await(driver)
        .withMessage(() -> "a page at " + origin + pathPrefix + "..., but it shows " + where(js))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return location.origin === arguments[0]"
                            + " && location.pathname.startsWith(arguments[1])"
                            + " && document.readyState === 'complete'"
                            + " && document.querySelector('h1') !== null",
                        origin,
                        pathPrefix)));
    return (String) js.executeScript("return location.pathname");
  }

  private static String where(JavascriptExecutor js) {
    try {
      return String.valueOf(
          js.executeScript(
              "const h = document.querySelector('h1');"
                  + " return location.href + ' with h1 ' + (h ? h.textContent.trim() : '(none)');"));
    } catch (RuntimeException e) {
      return "nothing readable (" + e.getClass().getSimpleName() + ")";
    }
  }

  /** Ends the browser and deletes its profile; safe with {@code null}. */
  public static void quit(WebDriver driver) {
    if (driver == null) {
      return;
    }
    try {
      driver.quit();
    } finally {
      Path profile = PROFILES.remove(driver);
      if (profile != null) {
        deleteTree(profile);
      }
    }
  }

  /** Saves what the current window shows as target/screenshots/{name}.png. */
  public static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Screenshots every window of the test's browser when a test method fails, before
   * {@code @AfterEach} quits it: {@code @RegisterExtension final Chrome.ScreenshotOnFailure shots =
   * new Chrome.ScreenshotOnFailure(() -> driver);}.
   */
  public static final class ScreenshotOnFailure implements TestExecutionExceptionHandler {
    private final Supplier<WebDriver> driver;

    public ScreenshotOnFailure(Supplier<WebDriver> driver) {
      this.driver = driver;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      WebDriver current = driver.get();
      if (current != null) {
        String name =
            context.getRequiredTestClass().getSimpleName()
                + "-"
                + context.getRequiredTestMethod().getName();
        try {
          List<String> windows = new ArrayList<>(current.getWindowHandles());
          for (int i = 0; i < windows.size(); i++) {
            current.switchTo().window(windows.get(i));
            Path file = screenshot(current, i == 0 ? name : name + "-window" + (i + 1));
            failure.addSuppressed(new AssertionError("screenshot " + file.toAbsolutePath()));
          }
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
      throw failure;
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A profile left behind in /tmp is harmless; the test's own outcome matters more.
    }
  }
}
