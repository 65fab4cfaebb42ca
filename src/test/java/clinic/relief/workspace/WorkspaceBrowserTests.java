package clinic.relief.workspace;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;

import clinic.relief.booking.fees.FeePolicy;
import clinic.relief.browser.BrowserTest;
import clinic.relief.clinic.CatalogueEntry;
import clinic.relief.clinic.ServiceCatalogue;
import clinic.relief.clinic.ServiceEdit;
import clinic.relief.staff.ProfileEdit;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff workspace in a real browser with the demo staff: the front desk, a therapist and the owner each sign in
 * and land on their Today, at 1280 and 390 px, in English and Spanish (screenshots and axe-core each time); the
 * header's patient search is reached with "/" and submits without JavaScript's help; the menu collapses on a phone;
 * the owner gives a therapist a language and a photo in the settings, and the booking page's card shows both.
 */
@ActiveProfiles({"test", "demo"})
class WorkspaceBrowserTests extends BrowserTest {

    @Autowired
    WorkspaceFixture fixture;

    @Autowired
    Staff staff;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    FeePolicy fees;

    private String clientName;

    @BeforeAll
    void aClientOfMariaWhoCameLastWeekAndComesToday() {
        String lastName = "Browser" + UUID.randomUUID().toString().substring(0, 4);
        UUID client = fixture.client(lastName);
        clientName = "Cli " + lastName;
        fixture.signedVisit(client, "maria@demo.relief.test", 7, "upper_trapezius", 6, 3);
        fixture.bookedToday(client, "maria@demo.relief.test", LocalTime.of(16, 0));
    }

    @BeforeEach
    void signedOut() {
        driver.get(url("/staff/login"));
        driver.manage().deleteAllCookies();
        browser.width(1280);
    }

    @Test
    void theFrontDeskSeesArrivalsAndOpenItemsButNoClinicalContent() throws IOException {
        signIn("desk@demo.relief.test", "demo-desk-relief");

        assertThat(text("main")).contains("Arrivals today", clientName, "Intakes missing", "Requests to approve");
        assertThat(text("main").toLowerCase()).doesNotContain("pain finder", "last note", "tenderness");
        everyWidthAndLanguage("today-desk", "Llegadas de hoy");
    }

    @Test
    void aTherapistSeesTheirClientsWithWhatTheyCameWith() throws IOException {
        signIn("maria@demo.relief.test", "demo-therapist-relief");

        assertThat(text("main")).contains("Your clients today", clientName, "Upper trapezius", "6 before, 3 after");
        assertThat(text("main").toLowerCase()).contains("pain finder", "last note");
        assertThat(text(".staff-menu")).contains("Notes").doesNotContain("Billing", "Settings");
        everyWidthAndLanguage("today-therapist", "Tus clientes de hoy");
    }

    @Test
    void theOwnerSeesTheDaysFiguresAndSettings() throws IOException {
        signIn("owner@demo.relief.test", "demo-owner-relief");

        assertThat(text("main")).contains("The day in figures", "Utilisation", "Arrivals today", clientName);
        everyWidthAndLanguage("today-owner", "El día en cifras");

        driver.get(url("/staff/settings?lang=en"));
        assertThat(text("h1")).isEqualTo("Settings");
        assertThat(text("main")).contains("Hours check", "Services and prices", "María Delgado");
        // Its screenshots and axe-core checks, at both widths and in both languages, are taken in
        // theOwnerGivesATherapistALanguageAndAPhotoThatTheBookingPageShows (the same files, with one therapist more).
    }

    @Test
    void theOwnerGivesATherapistALanguageAndAPhotoThatTheBookingPageShows() throws IOException {
        String name = "Ana Photo " + UUID.randomUUID().toString().substring(0, 4);
        UUID id = fixture.idOf(fixture.listedTherapist(name));
        signIn("owner@demo.relief.test", "demo-owner-relief");
        try {
            driver.get(url("/staff/settings?lang=en"));
            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("a[href='/staff/settings/therapists/" + id + "']"))
                            .click());
            assertThat(text("h1")).isEqualTo(name + ": public profile");

            driver.findElement(By.cssSelector("input[name='languages'][value='ko']"))
                    .click();
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(
                            "form[action='/staff/settings/therapists/" + id + "'] button[type='submit']"))
                    .click());
            assertThat(text("[role='status']")).contains("Profile saved");
            assertThat(driver.findElement(By.cssSelector("input[name='languages'][value='ko']"))
                            .isSelected())
                    .isTrue();

            Path photo = Files.createTempFile("therapist", ".png");
            ImageIO.write(portrait(), "png", photo.toFile());
            driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[enctype] button[type='submit']"))
                    .click());
            Files.delete(photo);
            assertThat(text("[role='status']")).contains("Photo saved");
            assertThat(loaded(".photo-row img.therapist-photo")).isTrue();
            for (String language : new String[] {"en", "es"}) {
                for (int width : new int[] {1280, 390}) {
                    browser.width(width);
                    driver.get(url("/staff/settings/therapists/" + id + "?lang=" + language));
                    browser.screenshot("workspace-settings-therapist-" + language + "-" + width);
                    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                    driver.get(url("/staff/settings?lang=" + language));
                    browser.screenshot("workspace-settings-" + language + "-" + width);
                    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                }
            }

            browser.width(390);
            driver.get(url("/book?lang=en"));
            WebElement card = driver.findElements(By.cssSelector(".therapist-card")).stream()
                    .filter(c -> c.getText().contains(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(card.getText()).contains("Korean");
            assertThat(card.findElement(By.cssSelector("img.therapist-photo")).getDomAttribute("src"))
                    .startsWith("/therapists/" + id + "/photo?v=");
            assertThat(loaded(".therapist-card img.therapist-photo")).isTrue();
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", card);
            browser.screenshot("booking-therapist-photo-en-390");
        } finally {
            staff.editProfile(
                    id,
                    staff.find(id).orElseThrow().profileVersion(),
                    new ProfileEdit(
                            name,
                            List.of("en"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            false));
        }
    }

    @Test
    void theOwnerChangesAServicePriceInBothLanguagesOnAWideScreenAndAPhone() throws IOException {
        String id = "b" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.add(
                id,
                new ServiceEdit(
                        "Hot stone " + id,
                        "Piedras calientes " + id,
                        "Warm basalt stones.",
                        "Piedras de basalto tibias.",
                        false,
                        new TreeMap<>(Map.of(60, new BigDecimal("100.00"), 90, new BigDecimal("140.00")))),
                "tests");
        signIn("owner@demo.relief.test", "demo-owner-relief");
        try {
            int price = 100;
            for (String language : new String[] {"en", "es"}) {
                for (int width : new int[] {1280, 390}) {
                    browser.width(width);
                    driver.get(url("/staff/settings?lang=" + language));
                    browser.andWaitForNewPage(
                            () -> driver.findElement(By.cssSelector("a[href='/staff/settings/services']"))
                                    .click());
                    browser.andWaitForNewPage(
                            () -> driver.findElement(By.cssSelector("a[href='/staff/settings/services/" + id + "']"))
                                    .click());
                    price += 5;
                    WebElement first = driver.findElement(By.cssSelector("input[name='prices']"));
                    first.clear();
                    first.sendKeys(price + ".50");
                    browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector(
                                    "form[action='/staff/settings/services/" + id + "'] button[type='submit']"))
                            .click());
                    assertThat(text("[role='status']")).contains(language.equals("en") ? "Saved" : "Guardado");
                    assertThat(driver.findElement(By.cssSelector("input[name='prices']"))
                                    .getDomProperty("value"))
                            .isEqualTo(price + ".50");
                    assertThat(catalogue.entry(id).service().pricesByLength().get(60))
                            .isEqualByComparingTo(price + ".50");
                    browser.screenshot("workspace-settings-service-" + language + "-" + width);
                    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                    driver.get(url("/staff/settings/services?lang=" + language));
                    assertThat(text("main")).contains("$" + price + ".50");
                    browser.screenshot("workspace-settings-services-" + language + "-" + width);
                    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                }
            }
        } finally {
            CatalogueEntry entry = catalogue.entry(id);
            catalogue.retire(id, entry.version(), "tests");
        }
    }

    @Test
    void theOwnerEditsTheClinicsDetailsAndFeesInBothLanguagesOnAWideScreenAndAPhone() throws IOException {
        signIn("owner@demo.relief.test", "demo-owner-relief");
        FeePolicy.Current before = fees.current();
        try {
            int late = 30;
            for (String language : new String[] {"en", "es"}) {
                for (int width : new int[] {1280, 390}) {
                    browser.width(width);
                    driver.get(url("/staff/settings?lang=" + language));
                    browser.andWaitForNewPage(
                            () -> driver.findElement(By.cssSelector("a[href='/staff/settings/clinic']"))
                                    .click());
                    browser.screenshot("workspace-settings-clinic-" + language + "-" + width);
                    assertThat(browser.seriousAccessibilityViolations()).isEmpty();
                    browser.andWaitForNewPage(() -> driver.findElement(
                                    By.cssSelector("form[action='/staff/settings/clinic'] button[type='submit']"))
                            .click());
                    assertThat(text("[role='status']")).contains(language.equals("en") ? "Saved" : "Guardado");
                    late += 5;
                    WebElement lateFee = driver.findElement(By.cssSelector("input[name='lateCancel']"));
                    lateFee.clear();
                    lateFee.sendKeys(String.valueOf(late));
                    browser.andWaitForNewPage(() -> driver.findElement(
                                    By.cssSelector("form[action='/staff/settings/clinic/fees'] button[type='submit']"))
                            .click());
                    assertThat(text("[role='status']")).contains(language.equals("en") ? "Saved" : "Guardado");
                    // The first row is the menu's first service.
                    assertThat(fees.rules(catalogue.entries().get(0).id()).lateCancelPercent())
                            .isEqualTo(late);
                }
            }
        } finally {
            fees.edit(fees.current().version(), before.rules().values(), "tests");
        }
    }

    /** Whether the first image the selector finds was served and decoded. */
    private boolean loaded(String css) {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript(
                        "const i = document.querySelector(arguments[0]); return i.complete && i.naturalWidth > 0;",
                        css);
    }

    /** A head-and-shoulders silhouette, so the screenshots show something like a photo. */
    private static BufferedImage portrait() {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xdcefef));
        g.fillRect(0, 0, 400, 400);
        g.setColor(new Color(0x1f6f6f));
        g.fillOval(130, 70, 140, 150);
        g.fillOval(60, 240, 280, 260);
        g.dispose();
        return image;
    }

    @Test
    void slashFocusesThePatientSearchWhichSubmitsToThePatientList() {
        signIn("desk@demo.relief.test", "demo-desk-relief");
        WebElement search = driver.findElement(By.id("staff-search"));
        assertThat(search.getDomAttribute("role")).isEqualTo("combobox");
        assertThat(search.getDomAttribute("aria-expanded")).isEqualTo("false");

        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur();");
        new Actions(driver).sendKeys("/").perform();

        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("staff-search");
        assertThat(search.getDomProperty("value")).isEmpty();
        browser.andWaitForNewPage(() -> driver.switchTo().activeElement().sendKeys("Cli Browser", Keys.ENTER));
        assertThat(driver.getCurrentUrl()).contains("/staff/patients?q=Cli+Browser");
    }

    @Test
    void onAPhoneTheMenuCollapsesAndTheSearchStaysAtHand() {
        signIn("owner@demo.relief.test", "demo-owner-relief");
        browser.width(390);
        driver.get(url("/staff?lang=en"));
        WebElement toggle = driver.findElement(By.cssSelector(".menu-toggle"));
        WebElement menu = driver.findElement(By.id("site-menu"));

        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(menu.isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("staff-search")).isDisplayed()).isTrue();
        new Actions(driver).sendKeys("/").perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("staff-search");

        toggle.click();
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(text(".staff-menu")).contains("Today", "Schedule", "Billing", "Settings", "Sign out");
    }

    private void everyWidthAndLanguage(String name, String spanishText) throws IOException {
        for (String language : new String[] {"en", "es"}) {
            for (int width : new int[] {1280, 390}) {
                browser.width(width);
                driver.get(url("/staff?lang=" + language));
                if ("es".equals(language)) {
                    assertThat(text("main")).contains(spanishText);
                }
                browser.screenshot("workspace-" + name + "-" + language + "-" + width);
                assertThat(browser.seriousAccessibilityViolations())
                        .as(name + " " + language + " " + width)
                        .isEmpty();
                if (width == 1280) {
                    assertThat(navLines())
                            .as(name + " " + language + ": the staff menu's lines")
                            .isEqualTo(1);
                }
            }
        }
        browser.width(1280);
        driver.get(url("/staff?lang=en"));
    }

    /** How many lines the staff menu's visible items take (the Spanish owner's menu once took two at 1280 px). */
    private long navLines() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                                const items = [...document.querySelectorAll('.staff-menu > ul > li')]
                                    .filter(item => item.offsetParent !== null);
                                return new Set(items.map(item => Math.round(item.getBoundingClientRect().top))).size;""")).longValue();
    }

    private void signIn(String email, String password) {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(email);
        browser.andWaitForNewPage(() -> driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER));
        assertThat(driver.getCurrentUrl()).endsWith("/staff");
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
