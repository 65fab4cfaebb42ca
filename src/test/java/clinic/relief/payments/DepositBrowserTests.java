package clinic.relief.payments;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.patients.SignUp;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in patient books online a service with a deposit and pays it on Stripe's hosted page (the local Stripe's),
 * which sends its signed webhooks to the app: in English at 390 px with a card that succeeds, in Spanish at 1280 px
 * with a declined card first and then one that asks for 3-D Secure; and a visitor who is not signed in, in Spanish at
 * 390 px, through the signed deposit link. Screenshots of each step, axe-core checks of the app's pages.
 */
@ActiveProfiles({"test", "demo"})
class DepositBrowserTests extends BrowserTest {

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    PatientAccounts accounts;

    @Autowired
    AppointmentBook book;

    @Autowired
    Booking booking;

    @Autowired
    ServiceDeposits rules;

    @Autowired
    Deposits deposits;

    @Autowired
    JdbcClient jdbc;

    private final LocalStripe stripe = LocalStripe.get();
    private final List<String> problems = new ArrayList<>();
    private BookingFixture fixture;
    private UUID therapist;

    @BeforeAll
    void depositsAndWebhooks() {
        rules.set("trigger-point", new DepositRule.Fixed(Money.of("40.00")), "owner@example.com");
        stripe.deliverWebhooksTo(url(StripeWebhook.PATH));
        fixture = new BookingFixture(staff, admin, patients, clock);
        therapist = fixture.therapist("09:00", "17:00");
    }

    @AfterAll
    void noMoreDeposits() {
        stripe.stopDeliveringWebhooks();
        rules.set("trigger-point", new DepositRule.None(), "owner@example.com");
    }

    @Test
    void aPatientBooksOnlineAndPaysTheDepositOnTheHostedPage() throws IOException {
        UUID english = bookAndOpenStripe("en", 390, "10:00");
        pay(LocalStripe.TestCard.VISA.number);
        assertThat(driver.getCurrentUrl()).contains("/account/deposits/" + english);
        assertThat(driver.findElement(By.id("deposit-state")).getText())
                .contains("$40.00 is paid and your booking is confirmed");
        check("paid-en-390");
        assertThat(book.get(english).status()).isEqualTo(AppointmentStatus.BOOKED);

        UUID spanish = bookAndOpenStripe("es", 1280, "13:00");
        driver.findElement(By.id("card_number")).sendKeys("4000000000000002");
        browser.andWaitForNewPage(() -> driver.findElement(By.id("submit")).click());
        browser.screenshot("deposit-stripe-declined-es-1280");
        assertThat(driver.findElement(By.id("problem")).getText()).isEqualTo("Your card was declined.");
        driver.findElement(By.id("card_number")).sendKeys(LocalStripe.TestCard.AUTHENTICATION.number);
        browser.andWaitForNewPage(() -> driver.findElement(By.id("submit")).click());
        browser.screenshot("deposit-stripe-3ds-es-1280");
        assertThat(book.get(spanish).status()).isEqualTo(AppointmentStatus.PENDING);
        browser.andWaitForNewPage(
                () -> driver.findElement(By.id("complete-authentication")).click());
        assertThat(driver.findElement(By.id("deposit-state")).getText())
                .contains("Su depósito de")
                .contains("está pagado");
        check("paid-es-1280");
        assertThat(book.get(spanish).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(deposits.ofAppointment(spanish).orElseThrow().state()).isEqualTo(Deposit.State.PAID);
        assertThat(problems).isEmpty();
    }

    @Test
    void aVisitorWhoIsNotSignedInBooksAndPaysTheDepositInSpanishAt390() throws IOException {
        browser.width(390);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        String slot = fixture.at(fixture.day(), "15:00") + "%7C" + therapist;
        driver.get(url("/book/details?choice=trigger-point:60&slot=" + slot + "&lang=es"));
        assertThat(driver.findElement(By.cssSelector(".deposit-notice")).getText())
                .contains("depósito de");
        String email = "visitante-" + UUID.randomUUID() + "@example.com";
        driver.findElement(By.id("firstName")).sendKeys("Vera");
        driver.findElement(By.id("lastName")).sendKeys("Visitante");
        driver.findElement(By.id("phone")).sendKeys("310 555 0101");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("dateOfBirth")).sendKeys("04021980");
        driver.findElement(By.id("conditions")).sendKeys("none");
        driver.findElement(By.cssSelector("label[for=consentToTreatment]")).click();
        driver.findElement(By.cssSelector("label[for=acceptsPrivacyNotice]")).click();
        check("visitor-details-es-390");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form button[type=submit].big"))
                .click());
        assertThat(driver.getCurrentUrl()).contains("/payments/deposit?token=");
        check("visitor-held-es-390");
        UUID held = jdbc.sql("select appointment_id from booking_online_hold where email = :e and paid_by_deposit")
                .param("e", email)
                .query(UUID.class)
                .single();
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);

        browser.andWaitForNewPage(() -> driver.findElement(By.id("pay-deposit")).click());
        assertThat(driver.getCurrentUrl()).startsWith(stripe.apiBase() + "/c/pay/cs_test_");
        browser.screenshot("deposit-visitor-stripe-es-390");
        pay(LocalStripe.TestCard.VISA.number);

        assertThat(driver.getCurrentUrl()).contains("/payments/deposit?token=");
        assertThat(driver.findElement(By.id("deposit-state")).getText())
                .contains("Su depósito de")
                .contains("está pagado");
        check("visitor-paid-es-390");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(patients.findByEmail(email)).isPresent();
        assertThat(problems).isEmpty();
    }

    @Test
    void theDeskSeesADepositPaidForATimeThatCouldNotBeKeptOnItsTodayPage() throws IOException {
        // A patient the desk booked at 11:30 pays a deposit online, as a visitor with their address, for 11:00 with
        // another therapist: the payment cannot book it, so it is refunded whole and the desk is shown it.
        UUID existing = fixture.patient();
        String email = patients.get(existing).email();
        booking.book(new BookAppointment(
                existing,
                "trigger-point",
                60,
                fixture.at(fixture.day(), "11:30"),
                Optional.of(fixture.therapist("09:00", "17:00")),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        browser.width(1280);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        String slot = fixture.at(fixture.day(), "11:00") + "%7C" + therapist;
        driver.get(url("/book/details?choice=trigger-point:60&slot=" + slot + "&lang=en"));
        driver.findElement(By.id("firstName")).sendKeys("Nora");
        driver.findElement(By.id("lastName")).sendKeys("Notkept");
        driver.findElement(By.id("phone")).sendKeys("310 555 0102");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("dateOfBirth")).sendKeys("04021980");
        driver.findElement(By.id("conditions")).sendKeys("none");
        driver.findElement(By.cssSelector("label[for=consentToTreatment]")).click();
        driver.findElement(By.cssSelector("label[for=acceptsPrivacyNotice]")).click();
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form button[type=submit].big"))
                .click());
        browser.andWaitForNewPage(() -> driver.findElement(By.id("pay-deposit")).click());
        pay(LocalStripe.TestCard.VISA.number);
        UUID held = jdbc.sql("select appointment_id from booking_online_hold where email = :e and paid_by_deposit")
                .param("e", email)
                .query(UUID.class)
                .single();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        deposits.ofAppointment(held).orElseThrow().refundId().isPresent());
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.NOT_BOOKED);

        driver.manage().deleteAllCookies();
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
        for (int width : List.of(390, 1280)) {
            browser.width(width);
            driver.get(url("/staff?lang=en"));
            String list = driver.findElement(By.id("deposits-not-kept")).getText();
            assertThat(list).contains("Deposits refunded: time not kept", email, "Refunded");
            check("desk-not-kept-en-" + width);
        }
        assertThat(problems).isEmpty();
    }

    /** Signs a new patient in, books the time, and presses "pay" on the deposit page; the held appointment. */
    private UUID bookAndOpenStripe(String language, int width, String time) throws IOException {
        browser.width(width);
        signIn(language);
        String slot = fixture.at(fixture.day(), time) + "%7C" + therapist;
        driver.get(url("/book/details?choice=trigger-point:60&slot=" + slot + "&lang=" + language));
        check("details-" + language + "-" + width);
        assertThat(driver.findElement(By.cssSelector(".deposit-notice")).getText())
                .contains("en".equals(language) ? "deposit of $40.00" : "depósito de");
        driver.findElement(By.id("conditions")).sendKeys("none");
        driver.findElement(By.id("consentToTreatment")).click();
        driver.findElement(By.id("acceptsPrivacyNotice")).click();
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form button[type=submit].big"))
                .click());
        assertThat(driver.getCurrentUrl()).contains("/account/deposits/");
        UUID held = UUID.fromString(driver.getCurrentUrl().replaceAll(".*/account/deposits/([0-9a-f-]{36}).*", "$1"));
        check("held-" + language + "-" + width);
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);
        browser.andWaitForNewPage(() -> driver.findElement(By.id("pay-deposit")).click());
        assertThat(driver.getCurrentUrl()).startsWith(stripe.apiBase() + "/c/pay/cs_test_");
        browser.screenshot("deposit-stripe-" + language + "-" + width);
        return held;
    }

    private void pay(String card) {
        driver.findElement(By.id("card_number")).sendKeys(card);
        browser.andWaitForNewPage(() -> driver.findElement(By.id("submit")).click());
    }

    private void signIn(String language) {
        String email = "deposit-browser-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";
        accounts.signUp(new SignUp("Paz", "Pago", null, email, password, password), language);
        String token = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_ACCOUNT'")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        accounts.confirm(token, password);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        driver.get(url("/account/login?lang=" + language));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
    }

    private void check(String name) throws IOException {
        browser.screenshot("deposit-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
