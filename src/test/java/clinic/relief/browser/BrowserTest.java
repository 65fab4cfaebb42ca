package clinic.relief.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on a random port and one Chromium for the whole class. Subclasses add
 * {@code @ActiveProfiles}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected Browser browser;
    protected WebDriver driver;

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
