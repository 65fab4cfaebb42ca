package clinic.relief.booking;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff calendars in a real browser with the demo data: the front desk opens a therapist's week and reschedules an
 * appointment; the owner edits a therapist's hours (a mistake first, then a valid week). Screenshots at 390 and
 * 1280 px in English and Spanish, axe-core checks on each page.
 */
@ActiveProfiles({"test", "demo"})
class StaffCalendarBrowserTests extends BrowserTest {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Patients patients;

    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void freshVisitor() {
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        problems.clear();
    }

    @Test
    void theFrontDeskReschedulesFromTheWeekView() throws IOException {
        Therapist maria = book.therapists().stream()
                .filter(t -> t.name().startsWith("María"))
                .findFirst()
                .orElseThrow();
        for (int width : new int[] {390, 1280}) {
            String language = width == 390 ? "es" : "en";
            UUID appointment = bookFor(maria, "10:00");
            browser.width(width);
            signIn("desk@demo.relief.test", "demo-desk-relief");

            String other = language.equals("en") ? "es" : "en";
            for (String path : List.of(
                    "/staff/booking/week?date=" + day() + "&therapist=" + maria.id(),
                    "/staff/booking/" + appointment + "?x=1",
                    "/staff/booking/" + appointment + "/reschedule?x=1",
                    "/staff/booking/rooms?date=" + day())) {
                driver.get(url(path + "&lang=" + other));
                check(path.replaceAll("[^a-z]+", "-") + other + "-" + width);
            }
            driver.get(url("/staff/booking/week?date=" + day() + "&therapist=" + maria.id() + "&lang=" + language));
            check("week-" + language + "-" + width);
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("a[href*='/staff/booking/" + appointment + "']"))
                            .click());
            check("appointment-" + language + "-" + width);
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector("a[href$='/reschedule']")).click());
            check("reschedule-" + language + "-" + width);
            String later = ZonedDateTime.of(day(), LocalTime.of(15, 0), LA).toInstant() + "|" + maria.id();
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("button.slot[value='" + later + "']"))
                    .click());

            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isIn("The appointment is moved.", "La cita quedó cambiada.");
            assertThat(book.get(appointment).start())
                    .isEqualTo(ZonedDateTime.of(day(), LocalTime.of(15, 0), LA).toInstant());
            check("moved-" + language + "-" + width);
            driver.get(url("/staff/booking/rooms?date=" + day() + "&span=week&lang=" + language));
            check("rooms-week-" + language + "-" + width);
            book.cancel(appointment);
            driver.manage().deleteAllCookies();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theOwnerEditsATherapistsHours() throws IOException {
        Therapist james = book.therapists().stream()
                .filter(t -> t.name().startsWith("James"))
                .findFirst()
                .orElseThrow();
        for (int width : new int[] {1280, 390}) {
            String language = width == 390 ? "es" : "en";
            browser.width(width);
            signIn("owner@demo.relief.test", "demo-owner-relief");
            driver.get(url("/staff/schedules?lang=" + language));
            check("schedules-" + language + "-" + width);
            browser.andWaitForNewPage(() -> driver.findElement(
                            By.cssSelector("a[href$='/staff/schedules/therapists/" + james.id() + "']"))
                    .click());
            check("therapist-schedule-" + language + "-" + width);

            setTime("d0end", "08:00");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(".week-form button[type=submit]"))
                    .click());
            assertThat(driver.findElement(By.cssSelector(".field-error")).getText())
                    .isIn("The end must be after the start.", "El final debe ser posterior al inicio.");
            check("therapist-schedule-error-" + language + "-" + width);

            setTime("d0end", "16:00");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(".week-form button[type=submit]"))
                    .click());
            assertThat(browser.findNow(By.cssSelector(".field-error"))).isEmpty();
            assertThat(driver.findElement(By.id("d0end")).getAttribute("value")).isEqualTo("16:00");
            driver.get(url("/staff/api-tokens?lang=" + language));
            check("api-tokens-" + language + "-" + width);
            String other = language.equals("en") ? "es" : "en";
            for (String path :
                    List.of("/staff/schedules", "/staff/schedules/therapists/" + james.id(), "/staff/api-tokens")) {
                driver.get(url(path + "?lang=" + other));
                check(path.replaceAll("[^a-z]+", "-") + other + "-" + width);
            }
            driver.manage().deleteAllCookies();
        }
        assertThat(problems).isEmpty();
    }

    private void setTime(String id, String time) {
        // Chromium's time input takes typed digits; clearing it first is unreliable, so set it through the DOM.
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, time);
    }

    private UUID bookFor(Therapist therapist, String time) {
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Rosa",
                        "Week" + UUID.randomUUID().toString().substring(0, 6),
                        "(310) 555-0150",
                        null,
                        null,
                        "en"))
                .id();
        return booking.book(new BookAppointment(
                        patient,
                        "deep-tissue",
                        60,
                        ZonedDateTime.of(day(), LocalTime.parse(time), LA).toInstant(),
                        Optional.of(therapist.id()),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    private void signIn(String email, String password) {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private void check(String name) throws IOException {
        browser.screenshot("staffcal-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Three days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate day() {
        LocalDate day = today().plusDays(3);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
