package clinic.relief.workspace;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.Waitlist;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The front desk in a real browser: finds a patient in the patient list without typing the accent, opens the
 * chart, corrects the phone number, adds the patient and a new caller to the waitlist and opens the offer page; the
 * owner opens the chart (health alerts, merge) and the merge page. Screenshots of every page at 390 and 1280 px in
 * English and Spanish, axe-core on each.
 */
@ActiveProfiles({"test", "demo"})
class ChartBrowserTests extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    @Autowired
    Patients patients;

    @Autowired
    Waitlist waitlist;

    private String tag = "";

    /**
     * Browser test classes share one app: the callers this test puts on the waitlist come off it again, so that a
     * time freed in a later class is offered to that class's own patient, not to them.
     */
    @AfterEach
    void takeTheCallersOffTheWaitlist() {
        for (String name : List.of("Muñoz" + tag, "Caller" + tag)) {
            patients.search(name).forEach(p -> waitlist.of(p.id()).forEach(entry -> waitlist.withdraw(entry.id())));
        }
    }

    @Test
    void theDeskFindsAPatientEditsTheChartAndWorksTheWaitlist() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        UUID rosa = patients.findOrCreate(new NewPatient(
                        "Rosa",
                        "Muñoz" + tag,
                        "(323) 555-0148",
                        "rosa." + tag + "@example.com",
                        LocalDate.of(1968, 2, 29),
                        "es"))
                .id();
        patients.recordIntake(
                rosa,
                new Intake("Lower back pain", "Ibuprofen", "Latex", "", false, true, true),
                "desk@demo.relief.test");
        browser.width(1280);
        signIn("desk@demo.relief.test", "demo-desk-relief");

        driver.get(url("/staff?lang=en"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Patients")).click());
        browser.andWaitForNewPage(() -> driver.findElement(By.id("q")).sendKeys("munoz" + tag, Keys.ENTER));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Muñoz" + tag + ", Rosa")).click());
        // Only the booking's health history is on file, no signed form: the chart says which.
        assertThat(text())
                .contains(
                        "Rosa Muñoz" + tag,
                        "(323) 555-0148",
                        "Health history given at booking (",
                        "the intake form is not signed yet")
                .doesNotContain("Signed intake form on file");
        assertThat(text()).doesNotContain("Latex");
        // The consent buttons of the texts card are the desk's buttons, not the browser's small default ones.
        assertThat(driver.findElements(By.cssSelector("#texts form button")))
                .hasSize(4)
                .allSatisfy(button -> assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(40));
        check("chart-desk-en-1280");
        // s29-e: the texts card's consents are a label/value grid as the chart header's (side by side when wide,
        // stacked without the browser's indent at 390 px), and its heading stands clear of the consent buttons.
        String chart = driver.getCurrentUrl().replaceAll("[?#].*$", "");
        for (int width : new int[] {1280, 390}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                driver.get(chart + "?lang=" + language);
                assertTextsCardLaidOut(width > 700);
                check("chart-texts-" + language + "-" + width);
            }
        }
        browser.width(1280);
        driver.get(chart + "?lang=en");

        WebElement phone = driver.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys("(323) 555-0199");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("#contact button[type=submit]"))
                .click());
        assertThat(text()).contains("Contact details saved.", "(323) 555-0199");

        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Add to the waitlist")).click());
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(".caller-form button[type=submit]"))
                .click());
        assertThat(text()).contains("Added to the waitlist.", "Rosa Muñoz" + tag);

        driver.findElement(By.id("firstName")).sendKeys("Tomás");
        driver.findElement(By.id("lastName")).sendKeys("Caller" + tag);
        driver.findElement(By.id("phone")).sendKeys("(213) 555-0121");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(".caller-form button[type=submit]"))
                .click());
        assertThat(text()).contains("Added to the waitlist.", "Tomás Caller" + tag);
        check("waitlist-en-1280");

        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("a[aria-label='Offer a time to Rosa Muñoz" + tag + "']"))
                        .click());
        String offerPage = driver.getCurrentUrl();
        check("waitlist-offer-en-1280");

        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                String suffix = "-" + language + "-" + width;
                driver.get(url("/staff/patients?q=munoz" + tag + "&lang=" + language));
                check("patients" + suffix);
                driver.get(url("/staff/patients/" + rosa + "?lang=" + language));
                check("chart-desk" + suffix);
                driver.get(url("/staff/waitlist?lang=" + language));
                check("waitlist" + suffix);
                driver.get(offerPage.replaceAll("\\?.*", "") + "?lang=" + language);
                check("waitlist-offer" + suffix);
            }
        }
        signOut();

        browser.width(1280);
        signIn("owner@demo.relief.test", "demo-owner-relief");
        driver.get(url("/staff/patients/" + rosa + "?lang=en"));
        assertThat(text()).contains("Allergies: Latex", "Merge a duplicate");
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String language : new String[] {"en", "es"}) {
                String suffix = "-" + language + "-" + width;
                driver.get(url("/staff/patients/" + rosa + "?lang=" + language));
                check("chart-owner" + suffix);
                driver.get(url("/staff/patients/" + rosa + "/merge?q=caller" + tag + "&lang=" + language));
                check("merge" + suffix);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void signIn(String email, String password) {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private void signOut() {
        driver.get(url("/staff?lang=en"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector(".sign-out button")).click());
    }

    private void assertTextsCardLaidOut(boolean wide) {
        List<WebElement> labels = driver.findElements(By.cssSelector("#texts .chart-facts dt"));
        List<WebElement> values = driver.findElements(By.cssSelector("#texts .chart-facts dd"));
        assertThat(labels).hasSize(2);
        assertThat(values).hasSize(2);
        for (int i = 0; i < 2; i++) {
            WebElement label = labels.get(i);
            WebElement value = values.get(i);
            if (wide) {
                assertThat(value.getLocation().getY())
                        .isCloseTo(label.getLocation().getY(), within(2));
                assertThat(value.getLocation().getX())
                        .isGreaterThan(
                                label.getLocation().getX() + label.getSize().getWidth());
            } else {
                assertThat(value.getLocation().getX())
                        .isEqualTo(label.getLocation().getX());
                // Under its label (a pixel of rounding: WebDriver's positions are whole pixels).
                assertThat(value.getLocation().getY())
                        .isGreaterThanOrEqualTo(
                                label.getLocation().getY() + label.getSize().getHeight() - 1);
            }
        }
        WebElement buttons = driver.findElement(By.cssSelector("#texts form.buttons:last-of-type"));
        WebElement heading = driver.findElement(By.cssSelector("#texts form.buttons + h3"));
        assertThat(heading.getLocation().getY()
                        - buttons.getLocation().getY()
                        - buttons.getSize().getHeight())
                .isGreaterThanOrEqualTo(16);
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void check(String name) throws IOException {
        browser.screenshot("workspace-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
