package clinic.relief.booking;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking in a real browser with the demo data: a patient books online in both languages with a pain finder
 * assessment attached, and the front desk books a phone caller. Screenshots at 390 and 1280 px, axe-core checks.
 */
@ActiveProfiles({"test", "demo"})
class BookingBrowserTests extends BrowserTest {

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
    void aPatientBooksOnlineInEnglishWithAnAssessment() throws IOException {
        bookOnline("en", 1280, "Trigger", "You are booked");
    }

    @Test
    void aPatientBooksOnlineInSpanishOnAPhone() throws IOException {
        bookOnline("es", 390, "Trigger", "Su reserva está hecha");
    }

    @Test
    void theFrontDeskBooksAPhoneCaller() throws IOException {
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            driver.get(url("/staff/login?lang=en"));
            driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
            driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form button[type=submit]"))
                    .click());

            driver.get(url("/staff/booking/new"));
            check("phone-search-en-" + width);
            String lastName = "Caller" + UUID.randomUUID().toString().substring(0, 6);
            driver.findElement(By.id("firstName")).sendKeys("Rosa");
            driver.findElement(By.id("lastName")).sendKeys(lastName);
            driver.findElement(By.id("phone")).sendKeys("(310) 555-0177");
            browser.andWaitForNewPage(() ->
                    driver.findElement(By.cssSelector(".patient-form button")).click());

            driver.get(driver.getCurrentUrl() + "&choice=deep-tissue:60&date=" + bookingDay());
            check("phone-times-en-" + width);
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("button.slot")).click());

            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(lastName);
            check("day-en-" + width);
            driver.get(url("/staff/booking?date=" + bookingDay() + "&lang=es"));
            check("day-es-" + width);
            driver.manage().deleteAllCookies();
        }
        assertThat(problems).isEmpty();
    }

    private void bookOnline(String language, int width, String service, String doneTitle) throws IOException {
        browser.width(width);
        UUID assessment = UUID.randomUUID();
        driver.get(url("/book?lang=" + language + "&assessment=" + assessment));
        check("book-" + language + "-" + width);
        driver.get(url("/book?choice=trigger-point:60&date=" + bookingDay() + "&assessment=" + assessment));
        check("book-times-" + language + "-" + width);
        // Only the demo's Spanish speaker, María, has times when the patient asks for Spanish; each time names her.
        driver.get(url("/book?choice=trigger-point:60&date=" + bookingDay() + "&language=es&assessment=" + assessment));
        check("book-spanish-" + language + "-" + width);
        // Her card is the only one shown: English-only therapists' cards leave with their times.
        assertThat(driver.findElements(By.cssSelector(".therapist-card h3")))
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card.getText()).startsWith("María"));
        // Two weeks of times, one day open at a time: the open day's times are the ones a patient sees.
        assertThat(driver.findElements(By.cssSelector("details[open] button.slot span")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name.getText()).startsWith("María"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("button.slot")).click());
        check("details-" + language + "-" + width);

        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        check("details-errors-" + language + "-" + width);
        fill("firstName", "Ana");
        fill("lastName", "Reyes");
        fill("phone", "310 555 0101");
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        fill("email", email);
        driver.findElement(By.id("dateOfBirth")).sendKeys("04021980");
        fill("conditions", "Low back pain");
        driver.findElement(By.cssSelector("label[for=consentToTreatment]")).click();
        driver.findElement(By.cssSelector("label[for=acceptsPrivacyNotice]")).click();
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        check("check-email-" + language + "-" + width);

        // The e-mailed link (read from the outbox) shows the booking; its button confirms it.
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single();
        driver.get(url("/book/confirm?token=" + body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1")));
        check("confirm-" + language + "-" + width);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(doneTitle);
        check("done-" + language + "-" + width);
        assertThat(problems).isEmpty();
    }

    private void fill(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void check(String name) throws IOException {
        browser.screenshot("booking-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Two days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate bookingDay() {
        LocalDate day = today().plusDays(2);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
