package clinic.relief.workspace.schedule;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.Therapist;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk's day on the schedule grid in a real browser with the demo data, at 1280 px in English and 390 px in
 * Spanish: book by clicking a free cell, move by drag and by keyboard (each through the confirm page), check in,
 * complete a session that has started, open its invoice from the panel, cancel. Screenshots of every step, axe-core
 * on each page.
 */
@ActiveProfiles({"test", "demo"})
class ScheduleBrowserTests extends BrowserTest {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void freshVisitor() {
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        problems.clear();
    }

    @Test
    void theFrontDeskRunsTheDayFromTheGrid() throws IOException {
        Therapist maria = book.therapists().stream()
                .filter(t -> t.name().startsWith("María"))
                .findFirst()
                .orElseThrow();
        int pass = 0;
        for (int width : new int[] {1280, 390}) {
            String language = width == 390 ? "es" : "en";
            String name = language + "-" + width;
            browser.width(width);
            signIn();
            String grid = "/staff/schedule?date=" + day() + "&therapist=" + maria.id() + "&lang=" + language;
            driver.get(url(grid));
            check("grid-" + name);

            // Book by clicking a free cell: a new patient, the first service María gives, the confirm step.
            browser.andWaitForNewPage(() -> visible(
                            By.cssSelector("a.cell-free[href*='therapist=" + maria.id() + "'][href*='time=10:00']"))
                    .click());
            check("new-" + name);
            String last = "Grid" + UUID.randomUUID().toString().substring(0, 6);
            driver.findElement(By.id("firstName")).sendKeys("Rosa");
            driver.findElement(By.id("lastName")).sendKeys(last);
            driver.findElement(By.id("phone")).sendKeys("(310) 555-0177");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(".patient-form button[type=submit]"))
                    .click());
            browser.andWaitForNewPage(() -> driver.findElement(By.id("review")).click());
            check("new-confirm-" + name);
            browser.andWaitForNewPage(() -> driver.findElement(By.id("book-it")).click());
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isIn("Booked.", "Reservada.");
            check("panel-" + name);
            String panel = driver.getCurrentUrl();
            UUID id = UUID.fromString(panel.substring(panel.lastIndexOf('/') + 1));
            assertThat(book.get(id).start()).isEqualTo(at(day(), "10:00"));

            // Move by drag: four rows down is an hour later; the confirm page shows the change first.
            driver.get(url(grid));
            WebElement block = visible(By.cssSelector("a.block[data-id='" + id + "']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", block);
            int row = (block.getSize().getHeight() + 2) / Integer.parseInt(block.getAttribute("data-span"));
            browser.andWaitForNewPage(() -> new Actions(driver)
                    .clickAndHold(block)
                    .moveByOffset(0, 10)
                    .moveByOffset(0, row * 4 - 10)
                    .release()
                    .perform());
            assertThat(driver.getCurrentUrl()).contains("/move?").contains("time=11%3A00");
            check("move-drag-" + name);
            browser.andWaitForNewPage(() -> driver.findElement(By.id("move-it")).click());
            assertThat(book.get(id).start()).isEqualTo(at(day(), "11:00"));
            check("moved-" + name);

            // Move by keyboard: eight rows up is two hours earlier, Enter opens the confirm page.
            WebElement moved = visible(By.cssSelector("a.block[data-id='" + id + "']"));
            for (int i = 0; i < 8; i++) {
                moved.sendKeys(Keys.ARROW_UP);
            }
            check("move-keys-" + name);
            browser.andWaitForNewPage(() -> moved.sendKeys(Keys.ENTER));
            assertThat(driver.getCurrentUrl()).contains("time=09%3A00");
            browser.andWaitForNewPage(() -> driver.findElement(By.id("move-it")).click());
            assertThat(book.get(id).start()).isEqualTo(at(day(), "09:00"));

            // Check in and complete a session that has started, then open its invoice from the panel.
            UUID started = startedToday(maria, pass);
            driver.get(url("/staff/schedule/appointments/" + started + "?lang=" + language));
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$='/check-in'] button"))
                    .click());
            assertThat(book.get(started).status()).isEqualTo(AppointmentStatus.CHECKED_IN);
            check("checked-in-" + name);
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$='/complete'] button"))
                    .click());
            assertThat(book.get(started).status()).isEqualTo(AppointmentStatus.COMPLETED);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("a[href*='/staff/billing/invoices/']"))
                        .isEmpty();
            });
            check("completed-" + name);
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("a[href*='/staff/billing/invoices/']"))
                    .click());
            assertThat(driver.getCurrentUrl()).contains("/staff/billing/invoices/");
            check("invoice-" + name);

            // Cancel the moved appointment: the terms first (no fee days ahead), then the grid without it.
            driver.get(url("/staff/schedule/appointments/" + id + "/cancel?lang=" + language));
            check("cancel-" + name);
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.id("cancel-it")).click());
            assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(browser.findNow(By.cssSelector("a.block[data-id='" + id + "']")))
                    .isEmpty();

            String other = language.equals("en") ? "es" : "en";
            for (String path : List.of(
                    "/staff/schedule?view=week&date=" + day(),
                    "/staff/schedule?by=room&date=" + day(),
                    "/staff/schedule?date=" + today())) {
                driver.get(url(path + "&lang=" + other));
                check(path.replaceAll("[^a-z]+", "-") + other + "-" + width);
            }
            driver.manage().deleteAllCookies();
            pass++;
        }
        assertThat(problems).isEmpty();
    }

    private WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    /** An appointment of today that has begun: booked ahead, then placed before the clock's start by hand. */
    private UUID startedToday(Therapist therapist, int pass) {
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Ana",
                        "Started" + UUID.randomUUID().toString().substring(0, 6),
                        "(310) 555-0178",
                        null,
                        null,
                        "en"))
                .id();
        UUID id = booking.book(new BookAppointment(
                        patient,
                        "deep-tissue",
                        60,
                        at(day(), "15:00"),
                        Optional.of(therapist.id()),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
        Instant start = at(today(), "06:00").plus(Duration.ofMinutes(90L * pass));
        jdbc.sql("""
                update booking_appointment set starts_at = :start, ends_at = :end, blocked_until = :end
                where id = :id""")
                .param("start", utc(start))
                .param("end", utc(start.plus(Duration.ofMinutes(60))))
                .param("id", id)
                .update();
        return id;
    }

    private void signIn() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private void check(String name) throws IOException {
        browser.screenshot("schedule-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    private static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), LA).toInstant();
    }

    /** Three days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate day() {
        LocalDate day = today().plusDays(3);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
