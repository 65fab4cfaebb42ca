package clinic.relief.browser;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the browser tests: the app on a random port and one Chromium for the whole class. With
 * {@code -Dbrowser.forks=2} failsafe runs two classes at a time, in two JVMs, each with its own app (pom.xml); see
 * {@link #needsTheMachineAlone()}. Subclasses add
 * {@code @ActiveProfiles}. Days are chosen from the app's clock ({@link #today()}), never from the machine's date:
 * the test profile starts that clock on a fixed Monday morning (see {@code application-test.yml}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The demo's six months of history would fill the times these tests book; the class that shows it turns it on. The
// demo profile reads templates anew on every page for people editing them; these tests run them cached, as production.
@TestPropertySource(properties = {"relief.demo.history.enabled=false", "spring.thymeleaf.cache=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Los_Angeles");

    @LocalServerPort
    protected int port;

    @Autowired
    protected Clock clock;

    protected Browser browser;
    protected WebDriver driver;

    private MachineShare machine;

    @BeforeAll
    void openBrowser() throws IOException {
        machine = needsTheMachineAlone() ? MachineShare.alone() : MachineShare.shared();
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterAll
    void closeBrowser() throws IOException {
        try {
            browser.close(getClass().getSimpleName());
        } finally {
            machine.close();
        }
    }

    /**
     * Whether no other browser class may run meanwhile in failsafe's other JVM (see {@link MachineShare}): for a
     * class whose figures depend on the machine's speed.
     */
    protected boolean needsTheMachineAlone() {
        return false;
    }

    /** Today in the clinic's zone by the app's clock. */
    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CLINIC_ZONE);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
