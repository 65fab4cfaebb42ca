package clinic.relief.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (nothing is downloaded). Also runs axe-core and, with
 * {@code -Dbrowser.screenshots=true}, takes full-page screenshots into {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Screenshots are for people to look at, and nothing asserts on them; off by default, they save about 75 s of
     * the suite (docs/benchmarks.md, "The suite's time").
     */
    private static final boolean SCREENSHOTS_ON = Boolean.getBoolean("browser.screenshots");

    /** How long a lookup waits for an element to appear. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String AXE_SOURCE = axeSource();
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(results => done(results.violations.map(rule => ({
                        id: rule.id, impact: rule.impact, targets: rule.nodes.map(node => node.target)}))),
                    error => done(String(error)));
            """;

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
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.reliefLeftBehind = true");
        action.run();
        // The old document is marked, so the new one is the first complete document without the mark. Asking
        // while Chromium swaps documents can fail in several ways (a stale element, "Node with given id does not
        // belong to the document", a script run in a context being torn down): each only means "not yet".
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return document.reliefLeftBehind !== true"
                                + " && document.readyState === 'complete'")));
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

    /**
     * With {@code -Dbrowser.screenshots=true}, saves the whole page, not only the window, as
     * {@code target/screenshots/<name>.png} (at most 8,000 px tall); otherwise does nothing.
     * Chromium draws it beyond the window itself (DevTools' {@code Page.captureScreenshot} with
     * {@code captureBeyondViewport}): two calls, no window resizes. Resizing the window to the page's height, as
     * this did before, left out the bottom 103 px of every page (the window is taller than the page's view).
     */
    public void screenshot(String name) throws IOException {
        if (SCREENSHOTS_ON) {
            capture(name);
        }
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png} whatever {@code browser.screenshots} says. */
    Path capture(String name) throws IOException {
        long start = System.nanoTime();
        List<?> size = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [window.innerWidth, document.documentElement.scrollHeight]");
        int width = ((Number) size.get(0)).intValue();
        int height = Math.min(((Number) size.get(1)).intValue(), 8000);
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        counts.screenshot(System.nanoTime() - start);
        StateLog.record(driver, "shot", name);
        return file;
    }

    /**
     * Violations axe-core rates serious or critical against WCAG 2.1 A and AA, as {@code "rule (impact): [targets]"}.
     * Injects axe-core (axe-selenium's copy, 550 KB) only into a page that does not have it yet, and runs
     * {@code axe.run} in the page itself asking for violations only ({@code resultTypes}): axe-core then skips
     * describing every passing element, and only the violations come back over WebDriver. axe-selenium's legacy
     * mode, used before, made 5 script calls a check (iframe sandbox removal, injection, a version check, the run)
     * and sent back every result with every element it had checked; same tags, same filter, same assertions
     * (see docs/benchmarks.md, "The suite's time").
     */
    public List<String> seriousAccessibilityViolations() {
        long start = System.nanoTime();
        StateLog.record(driver, "axe", "");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE_SOURCE);
        }
        Object answer = js.executeAsyncScript(AXE_RUN, AXE_TAGS);
        if (!(answer instanceof List<?> rules)) {
            throw new IllegalStateException("axe-core failed: " + answer);
        }
        counts.axeCheck(System.nanoTime() - start);
        return rules.stream()
                .map(rule -> (Map<?, ?>) rule)
                .filter(rule -> "serious".equals(rule.get("impact")) || "critical".equals(rule.get("impact")))
                .map(rule -> rule.get("id") + " (" + rule.get("impact") + "): "
                        + ((List<?>) rule.get("targets"))
                                .stream().map(String::valueOf).limit(5).toList())
                .toList();
    }

    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
