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

import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk sees an unconfirmed online hold on the day and week calendars and releases it from each; the outbox page shows
 * the hold's e-mail with its link redacted. Screenshots at 390 and 1280 px in English and Spanish, axe-core checks.
 */
@ActiveProfiles({"test", "demo"})
class HoldsBrowserTests extends BrowserTest {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Autowired
    OnlineHolds holds;

    @Autowired
    AppointmentBook book;

    @Autowired
    Booking booking;

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
    void theFrontDeskSeesAHoldReadsTheOutboxAndReleasesTheHold() throws IOException {
        Therapist therapist = book.therapists().get(0);
        String email = "browser-hold-" + UUID.randomUUID() + "@example.com";
        // The therapist's last free start that day: each demo shift ends at its own hour.
        List<Slot> starts = booking.availability(SlotSearch.with(therapist.id(), "deep-tissue", 60, day(), day()));
        UUID hold = holdFor(
                therapist,
                email,
                starts.get(starts.size() - 1).start().atZone(LA).toLocalTime().toString());
        String token = jdbc.sql("select body from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        signIn("desk@demo.relief.test", "demo-desk-relief");

        String day = "/staff/booking?date=" + day() + "&therapist=" + therapist.id();
        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(url(day + "&lang=" + language));
                check("day-" + language + "-" + width);
                driver.get(url(
                        "/staff/booking/week?date=" + day() + "&therapist=" + therapist.id() + "&lang=" + language));
                check("week-" + language + "-" + width);
                driver.get(url("/admin/outbox?lang=" + language));
                check("outbox-" + language + "-" + width);
                assertThat(driver.getPageSource()).contains(email).doesNotContain(token);
            }
        }

        browser.width(1280);
        driver.get(url("/admin/outbox?lang=en"));
        driver.findElement(By.cssSelector("details summary")).click();
        check("outbox-open-en-1280");
        assertThat(driver.findElement(By.cssSelector(".outbox-body")).getText()).contains("token=[hidden]");
        driver.get(url(day + "&lang=en"));
        assertThat(driver.findElement(By.cssSelector("main")).getText())
                .containsIgnoringCase("Held online, not confirmed");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("form[action$='/" + hold + "/release'] button"))
                        .click());
        check("day-released-en-1280");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Hold released");
        assertThat(book.get(hold).status()).isEqualTo(AppointmentStatus.CANCELLED);

        // The same release from the therapist's week brings the desk back to that week.
        Therapist other = book.therapists().get(1);
        String free = booking.availability(SlotSearch.with(other.id(), "deep-tissue", 60, day(), day()))
                .get(0)
                .start()
                .atZone(LA)
                .toLocalTime()
                .toString();
        UUID onWeek = holdFor(other, "browser-week-" + UUID.randomUUID() + "@example.com", free);
        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(url("/staff/booking/week?date=" + day() + "&therapist=" + other.id() + "&lang=" + language));
                check("week-release-" + language + "-" + width);
            }
        }
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("form[action*='/" + onWeek + "/release'] button"))
                        .click());
        check("week-released-es-1280");
        assertThat(driver.getCurrentUrl())
                .contains("/staff/booking/week")
                .contains(other.id().toString());
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Se liberó el horario");
        assertThat(book.get(onWeek).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(problems).isEmpty();
    }

    private UUID holdFor(Therapist therapist, String email, String time) {
        Patient placeholder = patients.createUnverified(
                new NewPatient("Hana", "Hold", "(310) 555-0151", null, null, "en"),
                new Intake("none", null, null, null, false, true, true));
        return holds.hold(
                        new BookAppointment(
                                placeholder.id(),
                                "deep-tissue",
                                60,
                                ZonedDateTime.of(day(), LocalTime.parse(time), LA)
                                        .toInstant(),
                                Optional.of(therapist.id()),
                                Appointment.Source.ONLINE,
                                null,
                                null),
                        placeholder,
                        email)
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
        browser.screenshot("holds-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Four days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate day() {
        LocalDate day = today().plusDays(4);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
