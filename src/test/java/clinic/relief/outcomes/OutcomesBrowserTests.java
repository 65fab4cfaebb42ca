package clinic.relief.outcomes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import clinic.relief.EventsHandled;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.BookableService;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.browser.BrowserTest;
import clinic.relief.painmap.Assessments;
import clinic.relief.painmap.PainQuery;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.SignUp;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist writes and signs a note with the trigger points found and the pain scores; the client opens their
 * progress chart from their link, and again signed in to the patient portal ("My progress"). The appointment is booked (with a pain finder assessment), checked in and completed
 * through booking's own API, so the note is drafted by the real event. Screenshots at 390 and 1280 px, English and
 * Spanish, with axe-core checks.
 */
@ActiveProfiles({"test", "demo"})
class OutcomesBrowserTests extends BrowserTest {

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook appointments;

    @Autowired
    Assessments assessments;

    @Autowired
    VisitStore visits;

    @Autowired
    Staff staff;

    @Autowired
    PatientAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static final String PASSWORD = "a long patient password";

    private final List<String> problems = new ArrayList<>();
    private String clientEmail;
    private int visitsMoved;

    @Test
    void aTherapistSignsANoteWithTriggerPointsAndTheClientSeesTheProgressChart() throws IOException {
        String[][] runs = {{"en", "1280"}, {"es", "390"}, {"en", "390"}, {"es", "1280"}};
        for (String[] run : runs) {
            String language = run[0];
            int width = Integer.parseInt(run[1]);
            UUID appointment = completedVisit();
            LocalDate day = visits.find(appointment)
                    .orElseThrow()
                    .start()
                    .atZone(ZoneId.of("America/Los_Angeles"))
                    .toLocalDate();
            browser.width(width);
            driver.manage().deleteAllCookies();
            signIn();

            driver.get(url("/staff/notes?date=" + day + "&lang=" + language));
            check("today-" + language + "-" + width);
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("a[href$='/staff/notes/" + appointment + "']"))
                            .click());
            check("note-draft-" + language + "-" + width);

            new Select(driver.findElement(By.id("before"))).selectByValue("7");
            new Select(driver.findElement(By.id("after"))).selectByValue("3");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$='/pain'] button"))
                    .click());

            String treatedLabel = toggleTreatedRegionOnTheBodyMap();
            check("note-map-" + language + "-" + width);
            driver.findElement(By.id("subjective")).sendKeys("Right low back ache for two years, worse sitting.");
            new Select(driver.findElement(By.id("muscle-0"))).selectByValue("quadratus_lumborum");
            new Select(driver.findElement(By.id("side-0"))).selectByValue("R");
            new Select(driver.findElement(By.id("tenderness-0"))).selectByValue("3");
            driver.findElement(By.cssSelector("label[for=referral-0]")).click();
            new Select(driver.findElement(By.id("muscle-1"))).selectByValue("gluteus_medius");
            new Select(driver.findElement(By.id("state-1"))).selectByValue("latent");
            driver.findElement(By.id("assessment")).sendKeys("Active QL trigger point reproducing the pain.");
            driver.findElement(By.id("planFrequency")).sendKeys("Weekly for four weeks");
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector("button[value=sign]")).click());

            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(driver.findElements(By.cssSelector(".finder-ranking li")))
                    .isNotEmpty();
            assertThat(driver.findElement(By.cssSelector(".note-read"))
                            .getText()
                            .split(Pattern.quote(treatedLabel), -1))
                    .as("the region ticked on the map is saved as treated (and was marked as painful)")
                    .hasSize(3);
            assertThat(page).contains(language.equals("es") ? "Firmada por" : "Signed by");
            assertThat(driver.findElements(By.cssSelector(".findings-table tbody tr")))
                    .hasSize(2);
            assertThat(driver.findElements(By.cssSelector("svg.chart polyline.line-after")))
                    .isNotEmpty();
            check("note-signed-" + language + "-" + width);

            // The note issues a fresh client link each time it is opened (only its hash is kept).
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector("button.client-link")).click());
            String link = driver.getCurrentUrl().replaceFirst("[?#].*$", "");
            assertThat(link).contains("/outcomes/v/");
            driver.manage().deleteAllCookies();
            driver.get(link + "?lang=" + language);
            check("client-scores-" + language + "-" + width);
            driver.get(link + "/progress?lang=" + language);
            assertThat(driver.findElements(By.cssSelector("svg.chart line.mcid")))
                    .hasSize(1);
            assertThat(driver.findElement(By.cssSelector("table.data-table tbody"))
                            .getText())
                    .contains("7", "3");
            check("client-progress-" + language + "-" + width);

            portalProgress(language, width);
        }
        driver.get(url("/results?lang=es"));
        check("public-results-es-390");
        assertThat(problems).isEmpty();
    }

    /**
     * The note's body maps: the pain map comes marked from the finder; a click on a region of the "areas treated" map
     * ticks its (hidden) checkbox, and a second click unticks it; the final state is ticked. Returns the region's label.
     */
    private String toggleTreatedRegionOnTheBodyMap() {
        List<WebElement> maps = driver.findElements(By.cssSelector("fieldset.region-map"));
        assertThat(maps).hasSize(2);
        WebElement painBox =
                maps.get(0).findElement(By.cssSelector("input[name=painRegions][value=low_back_lateral_R]"));
        assertThat(painBox.isSelected()).isTrue();
        assertThat(maps.get(0).findElement(By.cssSelector("details.bm-list")).getAttribute("open"))
                .as("with JavaScript the checkbox list folds away")
                .isNull();
        WebElement treated = maps.get(1);
        WebElement box = treated.findElement(By.cssSelector("input[name=treatedRegions][value=low_back_lateral_R]"));
        WebElement region = treated.findElements(By.cssSelector("g.bm-r[data-region=low_back_lateral_R]")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
        assertThat(box.isSelected()).isFalse();
        region.click();
        assertThat(box.isSelected()).isTrue();
        assertThat(region.getAttribute("aria-checked")).isEqualTo("true");
        region.click();
        assertThat(box.isSelected()).isFalse();
        region.click();
        assertThat(box.isSelected()).isTrue();
        return box.findElement(By.xpath("following-sibling::span")).getAttribute("textContent");
    }

    /** The client signs in to the portal and opens "My progress" from their appointments page. */
    private void portalProgress(String language, int width) throws IOException {
        driver.manage().deleteAllCookies();
        driver.get(url("/account/login?lang=" + language));
        driver.findElement(By.id("email")).sendKeys(clientEmail);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("a[href$='/account/progress']"))
                .click());
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(language.equals("es") ? "Mi progreso" : "My progress");
        assertThat(driver.findElements(By.cssSelector("svg.chart polyline.line-after")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("svg.chart line.mcid"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("table.data-table tbody")).getText())
                .contains("7", "3");
        check("portal-progress-" + language + "-" + width);
    }

    /** A confirmed portal account for a new client, made the way the portal makes it; returns its patient id. */
    private UUID clientWithAccount() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        clientEmail = "lena-" + tag + "@example.com";
        accounts.signUp(new SignUp("Lena", "Client" + tag, null, clientEmail, PASSWORD, PASSWORD), "en");
        EventsHandled.awaitAll(jdbc);
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_ACCOUNT'")
                .param("e", clientEmail)
                .query(String.class)
                .single();
        return accounts.confirm(body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1"), PASSWORD)
                .patientId();
    }

    private void signIn() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("maria@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-therapist-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    /** Books a first visit with Maria for a new client, with an assessment attached, then checks in and completes. */
    private UUID completedVisit() {
        // The account signIn() uses: other classes sharing this demo app add therapists whose names also start "Mar".
        UUID maria = staff.findByEmail("maria@demo.relief.test").orElseThrow().id();
        UUID client = clientWithAccount();
        UUID assessment =
                assessments.assess(PainQuery.ofRegions("low_back_lateral_R")).id();
        LocalDate from = today().plusDays(2);
        // Browser test classes share one demo app, and another class's owner may have edited Maria's services.
        String service = Stream.concat(
                        Stream.of("trigger-point"), booking.services().stream().map(BookableService::id))
                .filter(id -> booking.therapists(id).stream().anyMatch(t -> t.id().equals(maria)))
                .findFirst()
                .orElseThrow();
        Slot slot = booking.availability(SlotSearch.with(maria, service, 60, from, from.plusDays(7))).stream()
                .findFirst()
                .orElseThrow();
        Appointment booked = booking.book(new BookAppointment(
                client,
                service,
                60,
                slot.start(),
                Optional.of(maria),
                Appointment.Source.FRONT_DESK,
                assessment,
                null));
        // A visit is completed only once it has begun: moved into the past, a different day for each run.
        BookingTestData.moveBack(jdbc, booked.id(), 30 + ++visitsMoved);
        appointments.checkIn(booked.id());
        appointments.complete(booked.id());
        return booked.id();
    }

    private void check(String name) throws IOException {
        browser.screenshot("outcomes-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
