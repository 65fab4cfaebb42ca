package clinic.relief.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * With {@code -Dbrowser.states=true}, one line per screenshot and axe-core check in
 * {@code target/browser-tests/states.tsv}: the page's path, window width, language and a hash of its DOM (CSRF
 * tokens and nonces left out), to find the same page state checked twice. Off by default: it costs a script call.
 */
final class StateLog {

    private static final boolean ON = Boolean.getBoolean("browser.states");
    private static final Path FILE = Path.of("target", "browser-tests", "states.tsv");
    private static final String STATE = """
            const html = document.documentElement.outerHTML
                .replace(/(name="_csrf"[^>]*value=")[^"]*/g, '$1')
                .replace(/(value="[^"]*"[^>]*name="_csrf")/g, 'csrf')
                .replace(/nonce="[^"]*"/g, '');
            let h = 0x811c9dc5;
            for (let i = 0; i < html.length; i++) { h ^= html.charCodeAt(i); h = Math.imul(h, 16777619); }
            return [location.pathname + location.search, String(window.innerWidth),
                document.documentElement.lang, (h >>> 0).toString(16), String(html.length)].join('\\t');
            """;

    private StateLog() {}

    static void record(WebDriver driver, String kind, String name) {
        if (!ON) {
            return;
        }
        String state = (String) ((JavascriptExecutor) driver).executeScript(STATE);
        String caller = StackWalker.getInstance()
                .walk(frames -> frames.map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                        .filter(f -> f.contains("BrowserTests"))
                        .findFirst()
                        .orElse("?"));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    String.join("\t", caller, kind, name, state) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
