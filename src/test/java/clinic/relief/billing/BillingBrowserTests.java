package clinic.relief.billing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk in a real browser: enrols a caller in the member plan, prices and books a session that a credit
 * pays, takes the monthly fee on the card terminal and prints the receipt. Screenshots at 390 and 1280 px in
 * English and Spanish, axe-core checks on every page.
 */
@ActiveProfiles({"test", "demo"})
class BillingBrowserTests extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    @Autowired
    Patients patients;

    @Autowired
    Plans plans;

    @Test
    void theDeskSharesAMembershipSchedulesAPlanChangeAndSellsAGiftCard() throws Exception {
        browser.width(1280);
        signIn();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID member = patients.findOrCreate(new NewPatient("Lena", "Sharer" + tag, "(310) 555-0177", null, null, "en"))
                .id();
        String spouseEmail = "omar-" + tag + "@example.com";
        UUID spouse = patients.findOrCreate(new NewPatient("Omar", "Sharer" + tag, null, spouseEmail, null, "en"))
                .id();
        plans.save(new Plan(
                "relief-plus-" + tag,
                Map.of("en", "Relief Plus", "es", "Relief Plus"),
                Money.of("109"),
                List.of(new Plan.IncludedCredit("trigger-point", 90, 1)),
                Map.of(),
                2,
                3,
                60,
                6,
                Money.of("50"),
                30,
                Money.of("10"),
                true,
                false));

        driver.get(url("/staff/billing/patients/" + member + "?lang=en"));
        new Select(driver.findElement(By.id("plan"))).selectByValue("relief-monthly");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=membership] button"))
                .click());
        driver.findElement(By.cssSelector("input[name=email]")).sendKeys(spouseEmail);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=household] button"))
                .click());
        assertThat(text()).contains("Shared.", "Omar Sharer" + tag);
        new Select(driver.findElement(By.cssSelector("form[action$=plan] select"))).selectByValue("relief-plus-" + tag);
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form[action$=plan] button")).click());
        assertThat(text()).contains("Plan change saved", "Changes to Relief Plus at the next monthly charge.");
        check("membership-shared-en-1280");

        driver.get(url("/staff/billing/gift-cards?lang=en"));
        driver.findElement(By.id("amount")).sendKeys("50");
        new Select(driver.findElement(By.id("paid-with"))).selectByValue("CASH");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("main form[method=post] button"))
                .click());
        String code = driver.findElement(By.cssSelector(".balance"))
                .findElement(By.xpath("../p/strong"))
                .getText();
        assertThat(text()).contains("sold for $50.00");

        driver.get(url("/staff/billing/patients/" + spouse + "?choice=swedish:60&giftCard=" + code));
        assertThat(text()).contains("as a household member", "Gift card (balance $50.00)");
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/staff/billing/patients/" + member + "?lang=" + language));
                check("membership-shared-" + language + "-" + width);
                driver.get(url("/staff/billing/patients/" + spouse + "?choice=swedish:60&giftCard=" + code + "&lang="
                        + language));
                check("household-quote-" + language + "-" + width);
                driver.get(url("/staff/billing/gift-cards?card=" + code + "&lang=" + language));
                check("gift-cards-" + language + "-" + width);
            }
        }
        freezeAndEndTheFreeze(member);
        driver.get(url("/staff/billing?lang=en"));
        assertThat(problems).isEmpty();
    }

    private void freezeAndEndTheFreeze(UUID member) throws IOException {
        browser.width(1280);
        driver.get(url("/staff/billing/patients/" + member + "?lang=en"));
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$='/freeze'] button"))
                .click());
        assertThat(text()).contains("Membership frozen through next month.", "End the freeze now");
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/staff/billing/patients/" + member + "?lang=" + language));
                check("membership-frozen-" + language + "-" + width);
            }
        }
        driver.get(url("/staff/billing/patients/" + member + "?lang=en"));
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=unfreeze] button"))
                .click());
        assertThat(text()).contains("Freeze ended", "Freeze next month");
    }

    @Test
    void theDeskEnrolsAMemberBooksWithACreditTakesPaymentAndPrintsTheReceipt() throws Exception {
        browser.width(1280);
        signIn();
        String patient = newPatient();

        driver.get(url("/staff/billing/patients/" + patient + "?lang=en"));
        new Select(driver.findElement(By.id("plan"))).selectByValue("relief-monthly");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=membership] button"))
                .click());
        assertThat(text()).contains("Enrolled", "1 × Trigger point therapy (neuromuscular), 60 min");

        driver.get(url("/staff/billing/patients/" + patient + "?choice=trigger-point:60"));
        assertThat(text()).contains("Paid with a Relief Monthly membership credit");
        check("patient-quote-en-1280");

        driver.get(url("/staff/booking/new?patient=" + patient + "&choice=trigger-point:60&date=" + bookingDay()));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("button.slot")).click());

        driver.get(url("/staff/billing/patients/" + patient));
        assertThat(text()).contains("No credits left this month.", "$0.00");
        String number = membershipInvoiceNumber();
        browser.andWaitForNewPage(() -> driver.findElement(By.linkText(number)).click());
        String invoicePage = driver.getCurrentUrl();
        check("invoice-en-1280");

        new Select(driver.findElement(By.id("method"))).selectByValue("CARD_TERMINAL");
        driver.findElement(By.id("amount")).sendKeys("80");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=payments] button"))
                .click());
        assertThat(text()).contains("That is more than the balance of $79.00");
        driver.findElement(By.id("amount")).clear();
        driver.findElement(By.id("amount")).sendKeys("79.00");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action$=payments] button"))
                .click());
        assertThat(text()).contains("Payment recorded");
        check("invoice-paid-en-1280");

        String receipt = driver.findElement(By.linkText("Print the receipt")).getAttribute("href");
        assertThat(ReceiptTests.text(download(receipt)))
                .contains("Receipt for invoice", "Received $79.00", "Balance due");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form[action$=email] button")).click());
        assertThat(text()).contains("Invoice queued for e-mail to the patient.");

        screenshotsInOtherWidthsAndLanguages(patient, invoicePage);
        assertThat(problems).isEmpty();
    }

    private void screenshotsInOtherWidthsAndLanguages(String patient, String invoicePage) throws IOException {
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(url("/staff/billing/patients/" + patient + "?choice=swedish:60&lang=" + language));
                check("patient-" + language + "-" + width);
                driver.get(invoicePage + "?lang=" + language);
                check("invoice-" + language + "-" + width);
                driver.get(url("/staff/billing?q=Member&lang=" + language));
                check("search-" + language + "-" + width);
            }
        }
        driver.get(url("/staff/billing?lang=en"));
    }

    private String membershipInvoiceNumber() {
        return driver.findElements(By.cssSelector(".money-table tbody tr")).stream()
                .filter(row -> row.getText().contains("Membership or fee"))
                .map(row -> row.findElement(By.tagName("a")).getText())
                .findFirst()
                .orElseThrow();
    }

    private void signIn() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private String newPatient() {
        driver.get(url("/staff/booking/new"));
        driver.findElement(By.id("firstName")).sendKeys("Marta");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.id("lastName")).sendKeys("Member" + tag);
        driver.findElement(By.id("phone")).sendKeys("(310) 555-0188");
        driver.findElement(By.id("email")).sendKeys("marta-" + tag + "@example.com");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector(".patient-form button")).click());
        String current = driver.getCurrentUrl();
        return current.substring(current.indexOf("patient=") + 8, current.indexOf("patient=") + 44);
    }

    private byte[] download(String href) throws Exception {
        Cookie session = driver.manage().getCookies().stream()
                .filter(c -> c.getName().contains("SESSION"))
                .findFirst()
                .orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        return response.body();
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void check(String name) throws IOException {
        browser.screenshot("billing-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Two days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate bookingDay() {
        LocalDate day = today().plusDays(2);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }
}
