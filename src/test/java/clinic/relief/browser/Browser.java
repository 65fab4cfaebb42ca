package clinic.relief.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (nothing is downloaded). Also takes full-page
 * screenshots into {@code target/screenshots/} and runs axe-core.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** How long a lookup waits for an element to appear. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    private final ChromeDriver chrome;
    private final WebDriver driver;
    private final BrowserCounts counts = new BrowserCounts();

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("relief.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--lang=en-US",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("relief.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        chrome = new ChromeDriver(service, options);
        driver = new EventFiringDecorator<WebDriver>(counts).decorate(chrome);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    }

    public WebDriver driver() {
        return driver;
    }

    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /**
     * Does what leads to another page (a click, Enter in a form) and waits until that page has replaced this one:
     * WebDriver returns from a click before the navigation it starts has happened.
     */
    public void andWaitForNewPage(Runnable action) {
        WebElement html = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(html));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * The elements on the page now, without the implicit wait: for asserting that something is absent from a page
     * that has finished loading, where {@code driver.findElements} would wait the whole implicit wait for nothing.
     */
    public List<WebElement> findNow(By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** Saves the whole page, not only the window, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        long start = System.nanoTime();
        Dimension window = driver.manage().window().getSize();
        Number height =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 40, 8000)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(window);
        counts.screenshot(System.nanoTime() - start);
        StateLog.record(driver, "shot", name);
        return file;
    }

    /**
     * Violations axe-core rates serious or critical against WCAG 2.1 A and AA. Runs {@code axe.run} in the page
     * itself (axe-selenium's "legacy" mode, deprecated but kept in 4.10; the pages have no cross-origin frames, the
     * one thing it leaves out): the default mode opens a second tab for every check, injects axe-core's 550 KB again
     * there and sends it the page's results in chunks (8 script calls a check, and a chunk timed out under load).
     * axe-selenium looks up frames to inject into with {@code findElements}, which must not wait for frames that are
     * not there, so the implicit wait is off meanwhile (see docs/benchmarks.md, "The suite's time").
     */
    public List<String> seriousAccessibilityViolations() {
        Results results;
        long start = System.nanoTime();
        StateLog.record(driver, "axe", "");
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            results = new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .setLegacyMode(true)
                    .analyze(driver);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
        counts.axeCheck(System.nanoTime() - start);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(5)
                        .toList();
    }

    /** Writes what this browser was asked to do ({@link BrowserCounts}) and closes it. */
    public void close(String testClass) throws IOException {
        try {
            counts.write(testClass);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        chrome.quit();
    }
}
