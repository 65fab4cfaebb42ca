package clinic.relief.browser;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * What one browser class asked of Chromium: page loads ({@code get}), scripts, window calls, screenshots and
 * axe-core checks, with the time spent in the checks and screenshots. Written at the class's end to the report and
 * to {@code target/browser-tests/counts.tsv}, so a change to the suite's speed can be told by counts, which do not
 * depend on the machine's load (see docs/benchmarks.md, "The suite's time").
 * Public because the decorator calls the listener's methods by reflection.
 */
public final class BrowserCounts implements WebDriverListener {

    static final Path FILE = Path.of("target", "browser-tests", "counts.tsv");

    private final AtomicInteger pageLoads = new AtomicInteger();
    private final AtomicInteger scripts = new AtomicInteger();
    private final AtomicInteger windowCalls = new AtomicInteger();
    private final AtomicInteger screenshots = new AtomicInteger();
    private int axeChecks;
    private long axeNanos;
    private long screenshotNanos;

    @Override
    public void beforeGet(WebDriver driver, String url) {
        pageLoads.incrementAndGet();
    }

    @Override
    public void beforeExecuteScript(WebDriver driver, String script, Object[] args) {
        scripts.incrementAndGet();
    }

    @Override
    public void beforeExecuteAsyncScript(WebDriver driver, String script, Object[] args) {
        scripts.incrementAndGet();
    }

    @Override
    public void beforeAnyWindowCall(WebDriver.Window window, Method method, Object[] args) {
        windowCalls.incrementAndGet();
    }

    void axeCheck(long nanos) {
        axeChecks++;
        axeNanos += nanos;
    }

    void screenshot(long nanos) {
        screenshots.incrementAndGet();
        screenshotNanos += nanos;
    }

    /** Writes one line for the class that used this browser. */
    void write(String testClass) throws IOException {
        String line = String.join(
                "\t",
                testClass,
                String.valueOf(pageLoads.get()),
                String.valueOf(scripts.get()),
                String.valueOf(windowCalls.get()),
                String.valueOf(screenshots.get()),
                String.valueOf(axeChecks),
                String.format("%.1f", axeNanos / 1e9),
                String.format("%.1f", screenshotNanos / 1e9));
        System.out.println("browser counts (class, gets, scripts, window calls, screenshots, axe checks, axe s, "
                + "screenshot s): " + line);
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
