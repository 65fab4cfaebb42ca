package clinic.relief.payments;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.billing.Invoices;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk in a real browser checks out a visit from the appointment panel: an 18 % tip, then the rest on the
 * patient's card on file (charged through the local Stripe). Screenshots at 390 and 1280 px in English and Spanish,
 * axe-core checks on every page.
 */
@ActiveProfiles({"test", "demo"})
class CheckoutBrowserTests extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    @Autowired
    Patients patients;

    @Autowired
    CardsOnFile cards;

    @Autowired
    Invoices invoices;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentsFixture fixture;

    @Test
    void theDeskChecksOutAVisitWithATipOnTheCardOnFile() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Rosa", "Tipper" + tag, "(310) 555-0166", "rosa-" + tag + "@example.com", null, "es"))
                .id();
        String setup = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(setup, LocalStripe.TestCard.VISA.number);
        cards.complete(back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", ""));
        UUID appointment = checkedInVisit(patient);

        browser.width(1280);
        signIn();
        driver.get(url("/staff/schedule/appointments/" + appointment + "?lang=en"));
        check("panel-en-1280");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("#checkout a.button")).click());
        assertThat(text()).contains("Trigger point therapy", "18 % ($19.80)", "Card on file ending in 4242");
        check("checkout-en-1280");

        driver.findElement(By.id("tip-18")).click();
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("#tip button")).click());
        assertThat(text()).contains("A tip of $19.80 was added to the invoice.", "$129.80");
        assertThat(new Select(driver.findElement(By.id("method")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("CARD_ON_FILE");
        assertThat(driver.findElement(By.id("amount")).getAttribute("value")).isEqualTo("129.80");
        check("checkout-tipped-en-1280");

        browser.andWaitForNewPage(
                () -> driver.findElement(By.id("take-payment")).click());
        assertThat(text())
                .contains("$129.80 was charged to the card on file and recorded.", "Nothing is owed on this visit.");
        check("checkout-paid-en-1280");
        assertThat(invoices.forAppointment(appointment).orElseThrow().balance()).isEqualTo(Money.of("0.00"));

        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/staff/payments/checkout/" + appointment + "?lang=" + language));
                check("checkout-paid-" + language + "-" + width);
            }
        }
        // A second visit, in Spanish at 390 px, from the panel to the paid checkout.
        UUID second = checkedInVisit(patient);
        browser.width(390);
        driver.get(url("/staff/schedule/appointments/" + second + "?lang=es"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("#checkout a.button")).click());
        check("checkout-es-390");
        driver.findElement(By.id("tip-18")).click();
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("#tip button")).click());
        assertThat(text()).contains("Se añadió a la factura una propina de");
        check("checkout-tipped-es-390");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.id("take-payment")).click());
        assertThat(text()).contains("a la tarjeta guardada y quedó registrado", "No se debe nada por esta visita.");
        check("checkout-paid-es-390");
        assertThat(invoices.forAppointment(second).orElseThrow().balance()).isEqualTo(Money.of("0.00"));
        assertThat(LocalStripe.get()
                        .chargesOf(cards.customer(patient).orElseThrow().customerId()))
                .isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    private int visits;

    /** A checked-in trigger point visit ($110.00) with the demo's first therapist, billed as booking does. */
    private UUID checkedInVisit(UUID patient) {
        UUID therapist = jdbc.sql("select id from staff_account where role = 'THERAPIST' order by email limit 1")
                .query(UUID.class)
                .single();
        // The second visit of the patient an hour and a half before the first: never booked twice at once.
        Instant start = clock.instant().minus(20 + 90L * visits++, ChronoUnit.MINUTES);
        return fixture.visit(patient, therapist, start, "CHECKED_IN");
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
        browser.screenshot("payments-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
