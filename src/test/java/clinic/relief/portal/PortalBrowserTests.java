package clinic.relief.portal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient portal in Chromium with the demo data: a patient signs up, confirms by the e-mailed link (read from
 * the outbox), books signed in with a pain finder assessment, cancels outside the window (free) and inside it (fee
 * shown, asked, recorded), and claims a waitlist offer. Every portal page at 390 and 1280 px in both languages,
 * each checked with axe-core. (Booking online without an account is {@code BookingBrowserTests}.)
 */
@ActiveProfiles({"test", "demo"})
class PortalBrowserTests extends BrowserTest {

    private static final String PASSWORD = "four random words here";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

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
    void aPatientSignsUpBooksCancelsInAndOutsideTheWindowAndUsesTheWaitlist() throws IOException {
        browser.width(1280);
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        signUpAndConfirm(email, "en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My appointments");

        // Booked signed in, with an assessment: no contact details, no hold.
        UUID assessment = UUID.randomUUID();
        driver.get(url("/book?choice=trigger-point:60&date=" + bookingDay() + "&assessment=" + assessment));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("button.slot")).click());
        check("details-signed-in-en-1280");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Booking as Pat Portal");
        driver.findElement(By.cssSelector("label[for=consentToTreatment]")).click();
        driver.findElement(By.cssSelector("label[for=acceptsPrivacyNotice]")).click();
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You are booked");
        UUID me = patients.findByEmail(email).orElseThrow().id();
        assertThat(jdbc.sql("select assessment_id from booking_appointment where patient_id = :p")
                        .param("p", me)
                        .query(UUID.class)
                        .single())
                .isEqualTo(assessment);

        // Outside the window: free.
        driver.get(url("/account"));
        check("account-en-1280");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Cancel")).click());
        check("cancel-free-en-1280");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Cancelling now is free");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("form.actions button")).click());
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("free of charge");

        // Waiting for a time today or tomorrow, then a late cancel of a session soon: fee shown, asked, recorded.
        UUID soon = bookSoon(me);
        driver.get(url("/account/waitlist"));
        browser.screenshot("portal-waitlist-before-join-en-1280");
        setDate("firstDay", today());
        setDate("lastDay", today().plusDays(1));
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        check("waitlist-joined-en-1280");
        driver.get(url("/account/appointments/" + soon + "/cancel"));
        check("cancel-late-en-1280");
        String page = driver.findElement(By.cssSelector("main")).getText();
        assertThat(page).contains("Cancelling now costs $").contains("late-cancel fee");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("form.actions button")).click());
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("late-cancel fee of $");
        assertThat(jdbc.sql("select fee_reason from booking_appointment where id = :id")
                        .param("id", soon)
                        .query(String.class)
                        .single())
                .isEqualTo("LATE_CANCEL");
        check("account-after-late-cancel-en-1280");

        // The freed time goes to the waitlist: the offer link books it.
        driver.get(url("/waitlist/offer?token=" + PortalFixture.token(jdbc, email, "WAITLIST_OFFER")));
        check("offer-en-1280");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You are booked");
        check("claimed-en-1280");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPortalPageInBothLanguagesAndWidths() throws IOException {
        String email = "sweep-" + UUID.randomUUID() + "@example.com";
        sweep("signup", "/account/signup");
        sweep("login", "/account/login");
        sweep("check-email", "/account/check-email");
        sweep("bad-link", "/book/confirm?token=forged");
        sweep("hold-check-email", "/book/check-email");
        signUpAndConfirm(email, "es");
        UUID me = patients.findByEmail(email).orElseThrow().id();
        UUID later = booking.book(new BookAppointment(
                        me,
                        "deep-tissue",
                        60,
                        firstFree("deep-tissue", bookingDay()),
                        Optional.empty(),
                        Appointment.Source.ONLINE,
                        null,
                        null))
                .id();
        bookSoon(me);
        sweep("account", "/account");
        sweep("cancel", "/account/appointments/" + later + "/cancel");
        sweep("reschedule", "/account/appointments/" + later + "/reschedule");
        sweep("waitlist", "/account/waitlist");
        assertThat(problems).isEmpty();
    }

    private void signUpAndConfirm(String email, String language) throws IOException {
        driver.get(url("/account/signup?lang=" + language));
        fill("firstName", "Pat");
        fill("lastName", "Portal");
        fill("email", email);
        fill("password", PASSWORD);
        fill("passwordAgain", PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        driver.get(url("/account/verify?token=" + PortalFixture.token(jdbc, email, "VERIFY_ACCOUNT")));
        check("verify-" + language);
        fill("password", PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        fill("email", email);
        fill("password", PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
    }

    /** A trigger point session at the first free time from two hours on: inside every cancellation window. */
    private UUID bookSoon(UUID patient) {
        return booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        firstFree("trigger-point", today()),
                        Optional.empty(),
                        Appointment.Source.ONLINE,
                        null,
                        null))
                .id();
    }

    private Instant firstFree(String service, LocalDate from) {
        Slot slot = booking.availability(SlotSearch.withAnyone(service, 60, from, from.plusDays(3)))
                .get(0);
        return slot.start();
    }

    private void sweep(String name, String path) throws IOException {
        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
                check(name + "-" + language + "-" + width);
            }
        }
    }

    private void setDate(String id, LocalDate date) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private void fill(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void check(String name) throws IOException {
        browser.screenshot("portal-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Two days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate bookingDay() {
        LocalDate day = today().plusDays(2);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
