package clinic.relief.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import clinic.relief.billing.Invoices;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the desk charges a card that needs the patient's authentication (3-D Secure) and sees the charge
 * and a no-show fee waiting for the patient's bank; the patient opens the e-mailed link, goes through the local
 * Stripe's bank page and back, and the visit is paid once. A bad link shows its page. Screenshots at 390 and 1280 px
 * in English and Spanish, axe-core checks on every page.
 */
@ActiveProfiles({"test", "demo"})
class PaymentAuthenticationBrowserTests extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    @Autowired
    Patients patients;

    @Autowired
    CardsOnFile cards;

    @Autowired
    FeeCharges fees;

    @Autowired
    Invoices invoices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    List<BookingParticipant> participants;

    @Autowired
    PaymentsFixture fixture;

    @Test
    void theDeskSeesAPaymentWaitingForTheBankAndThePatientCompletesItThroughTheLink() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String email = "luz-" + tag + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Luz", "Secure" + tag, "(310) 555-0177", email, null, "en"))
                .id();
        String setup = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> saved = StripeFixture.payOnHostedPage(setup, LocalStripe.TestCard.AUTHENTICATION.number);
        cards.complete(saved.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", ""));
        UUID visit = visit(patient, "CHECKED_IN");
        UUID missed = visit(patient, "NO_SHOW");
        tx.executeWithoutResult(status ->
                participants.forEach(p -> p.missed(new AppointmentMissed(missed, patient, Money.of("45.00")))));
        fees.owed(missed, patient, Money.of("45.00"), Fee.Reason.NO_SHOW);
        assertThat(fees.charge(fees.ofAppointment(missed).orElseThrow().id()))
                .isEqualTo(Fee.State.NEEDS_AUTHENTICATION);

        // The desk charges the card on file: the bank wants the patient.
        browser.width(1280);
        signIn();
        driver.get(url("/staff/payments/checkout/" + visit + "?lang=en"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.id("take-payment")).click());
        assertThat(text())
                .contains(
                        "The bank asks the patient to confirm this payment",
                        "Waiting for the patient to confirm $110.00 with their bank.",
                        "A link to confirm it was e-mailed to the patient.");
        check("checkout-waiting-en-1280");
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/staff/schedule/appointments/" + visit + "?lang=" + language));
                assertThat(driver.findElement(By.id("checkout-waiting-for-bank"))
                                .isDisplayed())
                        .isTrue();
                check("panel-checkout-waiting-" + language + "-" + width);
                driver.get(url("/staff/schedule/appointments/" + missed + "?lang=" + language));
                assertThat(driver.findElement(By.cssSelector("#fee .fee-state")).getText())
                        .contains("en".equals(language) ? "waiting for the patient to confirm" : "esperando a que");
                check("panel-fee-waiting-" + language + "-" + width);
            }
        }
        browser.width(390);
        driver.get(url("/staff/payments/checkout/" + visit + "?lang=es"));
        check("checkout-waiting-es-390");

        // The patient's link, in both languages and widths.
        String token = checkoutToken(email);
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/payments/confirm?token=" + token + "&lang=" + language));
                assertThat(driver.findElement(By.id("checkout-amount")).isDisplayed())
                        .isTrue();
                check("link-" + language + "-" + width);
                driver.get(url("/payments/confirm?token=x" + token + "&lang=" + language));
                assertThat(driver.findElement(By.id("payment-expired")).isDisplayed())
                        .isTrue();
                check("link-bad-" + language + "-" + width);
            }
        }

        // To the bank's page; the patient completes it there (the test's site address is not this server's, so the
        // bank's answer is sent, and its way back followed, from here).
        // The page's form is posted as the browser would (with its session and CSRF token): its redirect to the local
        // Stripe's address is one the page's CSP does not allow (it allows Stripe's own, hooks.stripe.com).
        browser.width(390);
        driver.get(url("/payments/confirm?token=" + token + "&lang=en"));
        String bank = postConfirm(token);
        assertThat(bank).contains(LocalStripe.THREE_D_SECURE);
        driver.get(bank);
        assertThat(driver.findElement(By.id("complete")).isDisplayed()).isTrue();
        HttpResponse<String> answered = LocalStripe.authenticate(bank, true);
        assertThat(answered.statusCode()).isEqualTo(303);
        String back = answered.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/payments/confirm/done?token=");
        driver.get(url(back.substring(back.indexOf("/payments/confirm/done")) + "&lang=en"));
        assertThat(driver.findElement(By.id("checkout-paid")).getText()).contains("your payment is done");
        check("link-paid-en-390");
        browser.width(1280);
        driver.get(url("/payments/confirm?token=" + token + "&lang=es"));
        assertThat(driver.findElement(By.id("checkout-already")).getText()).contains("ya está hecho");
        check("link-already-es-1280");

        assertThat(invoices.forAppointment(visit).orElseThrow().balance()).isEqualTo(Money.of("0.00"));
        assertThat(invoices.forAppointment(visit).orElseThrow().payments()).hasSize(1);
        assertThat(problems).isEmpty();
    }

    private int visits;

    /**
     * A trigger point visit ($110.00) in the given state, billed as booking does, with a demo therapist who is free
     * then: the last in e-mail order that is, since other classes of the shared demo context (the desk checkout's)
     * put their visits at the same times with the first.
     */
    private UUID visit(UUID patient, String state) {
        Instant start = clock.instant().minus(20 + 90L * visits++, ChronoUnit.MINUTES);
        UUID therapist = jdbc.sql("""
                        select s.id from staff_account s
                        where s.role = 'THERAPIST'
                          and not exists (
                              select 1 from booking_appointment a
                              where a.therapist_id = s.id
                                and tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(:start, :end, '[)'))
                        order by s.email desc
                        limit 1""")
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .query(UUID.class)
                .single();
        return fixture.visit(patient, therapist, start, state);
    }

    /** The token of the link e-mailed for the desk's charge (the one naming the visit). */
    private String checkoutToken(String email) {
        String body = jdbc.sql("""
                select body from booking_outbox
                where recipient = :to and kind = 'PAYMENT_CONFIRM' and body like '%visit%'
                """).param("to", email).query(String.class).single();
        Matcher matcher =
                Pattern.compile("/payments/confirm\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** Posts the link page's form as the browser shown it; where the answer sends the patient. */
    private String postConfirm(String token) throws Exception {
        String csrf = driver.findElement(By.name("_csrf")).getAttribute("value");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> answer = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/payments/confirm")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookies)
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&_csrf=" + csrf))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private void signIn() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void check(String name) throws IOException {
        browser.screenshot("payments-3ds-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
