package clinic.relief.browser;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the browser tests: the app on a random port and one Chromium for the whole class. With
 * {@code -Dbrowser.forks=2} failsafe runs two classes at a time, in two JVMs, each with its own app (pom.xml); a class
 * marked {@link MachineShare.Alone} runs with the machine to itself. Subclasses add
 * {@code @ActiveProfiles}. Days are chosen from the app's clock ({@link #today()}), never from the machine's date:
 * the test profile starts that clock on a fixed Monday morning (see {@code application-test.yml}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The demo's six months of history would fill the times these tests book; the class that shows it turns it on. The
// demo profile reads templates anew on every page for people editing them; these tests run them cached, as production.
@TestPropertySource(properties = {"relief.demo.history.enabled=false", "spring.thymeleaf.cache=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(MachineShare.Entry.class)
public abstract class BrowserTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");

    @LocalServerPort
    protected int port;

    @Autowired
    protected Clock clock;

    protected Browser browser;
    protected WebDriver driver;

    @BeforeAll
    void openBrowser() throws IOException {
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterAll
    void closeBrowser() throws IOException {
        browser.close(getClass().getSimpleName());
    }

    /** Today in the clinic's zone by the app's clock. */
    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CLINIC_ZONE);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
