package com.wimd.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven through its own chromedriver (both found by path, so Selenium Manager never
 * downloads a browser or a driver), with the helpers the page tests share: signing in on the real Keycloak page,
 * waiting, screenshots under target/, axe-core scans and the console's errors.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    static Browser open(String baseUrl) {
        String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        for (String program : List.of(chrome, chromedriver)) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (sudo apt-get install -y chromium chromium-driver; .ci/run does it), or "
                        + "CHROME_BIN and CHROMEDRIVER pointing at a Chromium and its driver");
            }
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions().setBinary(chrome).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-features=Translate,MediaRouter,OptimizationHints", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort()
                    // a client abroad: the pages show each time in the client's zone and the coach's (Toronto)
                    .withEnvironment(java.util.Map.of("TZ", "Europe/Paris")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int loads;

    /**
     * Loads a page of the app afresh ({@code "#/appointments"}, or "" for the first page), as a reload would, and
     * waits for it to know who is signed in. (A query that changes every time makes it a load, not a hash change.)
     */
    Browser go(String hash) {
        driver.get(baseUrl + "/?load=" + (++loads) + hash);
        waitFor(d -> d.findElement(By.tagName("body")).getAttribute("data-auth") != null);
        return this;
    }

    /** Signs in on Keycloak's own login page, as a person would, and waits to be back on the app signed in. */
    Browser signIn(String username, String password) {
        go("");
        click(By.id("sign-in"));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waitFor(d -> "signed-in".equals(d.findElement(By.tagName("body")).getAttribute("data-auth")));
        consoleErrors(); // what the provider's pages logged is theirs: only the app's own messages count from here
        return this;
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks the element {@code by} finds once it can be clicked. A page that renders again between the find and the
     * click (the app re-draws its header once signed in) detaches the element found; Chromium says so as "Node with
     * given id does not belong to the document", not as a stale element: the click then finds the element again.
     */
    Browser click(By by) {
        waitFor(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) return null;
            element.click();
            return Boolean.TRUE;
        });
        return this;
    }

    /** Whether the element an action used was no longer in the page (re-rendered or navigated away). */
    static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser select(By by, String value) {
        new Select(find(by)).selectByValue(value);
        return this;
    }

    /** Waits until an element's text contains the words. */
    WebElement awaitText(By by, String words) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(by, words));
        return driver.findElement(by);
    }

    <T> T waitFor(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(20));
    }

    <T> T waitFor(Function<? super org.openqa.selenium.WebDriver, T> condition, Duration timeout) {
        // a page that navigates (the sign-in's redirects) drops the element a check was reading: look again
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (detached(e)) return null;
                throw e;
            }
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves what the page shows under target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran").isFalse();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** How many CSS pixels the page is wider than the window (0: no horizontal scroll), at the given width. */
    long horizontalOverflowAt(int width) {
        driver.manage().window().setSize(new Dimension(width, 812));
        waitFor(d -> ((Number) script("return window.innerWidth")).intValue() <= width);
        return ((Number) script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                + " - document.documentElement.clientWidth")).longValue();
    }

    Browser desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        return this;
    }

    /**
     * Chromium's own line for an answer in the 4xx range ("... Failed to load resource: the server responded with a
     * status of 402"): the network layer reporting an answer the page handles (a declined card is a 402 the page
     * shows next to the card field), not an error of the page. A 5xx still counts.
     */
    private static final java.util.regex.Pattern HANDLED_ANSWER =
            java.util.regex.Pattern.compile(".* - Failed to load resource: the server responded with a status of 4\\d\\d .*");

    /** The errors the page logged in its console since the last call (scripts' errors, failed loads, 5xx answers). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !HANDLED_ANSWER.matcher(message).matches())
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
