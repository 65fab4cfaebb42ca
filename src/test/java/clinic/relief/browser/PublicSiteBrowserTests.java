package clinic.relief.browser;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site in a real browser, the way a client sees it: both languages, a phone and a desktop, the keyboard,
 * the ZIP check, staff sign-in. Runs with the demo data so that the therapists page has people on it.
 */
@ActiveProfiles({"test", "demo"})
class PublicSiteBrowserTests extends BrowserTest {

    private static final List<String> PUBLIC_PAGES = List.of(
            "/",
            "/services",
            "/therapists",
            "/insurance",
            "/service-area",
            "/contact",
            "/pain-finder",
            "/staff/login",
            "/no-such-page");

    @BeforeEach
    void freshVisitor() {
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        browser.width(1280);
    }

    @Test
    void showsTheHomePageInEnglishAndSwitchesToSpanish() {
        driver.get(url("/?lang=en"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("find where it starts");

        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector(".lang-switch a")).click());

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Encontremos dónde empieza");
        driver.get(url("/services"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Servicios y precios");
    }

    @Test
    void checksACityOrZipFromTheHomePage() {
        driver.get(url("/?lang=en"));
        WebElement zip = driver.findElement(By.id("home-zip"));
        browser.andWaitForNewPage(() -> zip.sendKeys("90277", Keys.ENTER));

        assertThat(result()).isEqualTo("Yes, we serve Redondo Beach. We would be glad to see you.");

        WebElement again = driver.findElement(By.id("zip"));
        again.clear();
        browser.andWaitForNewPage(() -> again.sendKeys("Boston", Keys.ENTER));
        assertThat(result()).startsWith("We do not list Boston in our area yet.");
    }

    @Test
    void checksAZipInSpanish() {
        driver.get(url("/service-area?lang=es"));
        browser.andWaitForNewPage(() -> driver.findElement(By.id("zip")).sendKeys("90401", Keys.ENTER));

        assertThat(result()).isEqualTo("Sí, atendemos Santa Monica. Será un gusto recibirle.");
    }

    @Test
    void opensAndUsesTheMenuWithTheKeyboardOnAPhone() {
        browser.width(390);
        driver.get(url("/?lang=en"));
        WebElement menu = driver.findElement(By.id("site-menu"));
        assertThat(menu.isDisplayed()).isFalse();

        WebElement focused = tabUntil(element -> "menu-toggle".equals(element.getAttribute("class")), 6);
        assertThat(focused.getAttribute("aria-expanded")).isEqualTo("false");
        focused.sendKeys(Keys.ENTER);
        assertThat(focused.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(menu.isDisplayed()).isTrue();

        WebElement services = tabUntil(element -> "/services".equals(element.getDomAttribute("href")), 6);
        browser.andWaitForNewPage(() -> services.sendKeys(Keys.ENTER));

        assertThat(driver.getCurrentUrl()).endsWith("/services");
        assertThat(driver.findElement(By.cssSelector("#site-menu a[aria-current=page]"))
                        .getDomAttribute("href"))
                .isEqualTo("/services");
    }

    @Test
    void closesTheMenuWithEscape() {
        browser.width(390);
        driver.get(url("/?lang=en"));
        WebElement toggle = driver.findElement(By.className("menu-toggle"));
        toggle.click();
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();

        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver.switchTo().activeElement()).isEqualTo(toggle);
    }

    @Test
    void skipLinkIsTheFirstStopAndJumpsToTheContent() {
        driver.get(url("/?lang=en"));
        ((JavascriptExecutor) driver)
                .executeScript("document.activeElement && document.activeElement.blur(); window.focus();");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();

        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getDomAttribute("href")).isEqualTo("#main");
    }

    @Test
    void signsStaffInAndShowsTheirHome() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("owner@demo.relief.test");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.id("password")).sendKeys("demo-owner-relief", Keys.ENTER));

        assertThat(driver.getCurrentUrl()).endsWith("/staff");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Dana Whitfield");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form[action='/staff/logout'] button"))
                .click());
        assertThat(driver.getCurrentUrl()).contains("signedOut");
    }

    @Test
    void refusesAWrongPasswordWithAMessageInTheVisitorsLanguage() {
        driver.get(url("/staff/login?lang=es"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        browser.andWaitForNewPage(() -> driver.findElement(By.id("password")).sendKeys("not the password", Keys.ENTER));

        assertThat(driver.getCurrentUrl()).endsWith("/staff/login?error");
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).startsWith("No se pudo entrar.");
    }

    @Test
    void publicPagesHaveNoSeriousAccessibilityViolations() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (int width : List.of(390, 1280)) {
                browser.width(width);
                for (String page : PUBLIC_PAGES) {
                    driver.get(url(page + (page.contains("?") ? "&" : "?") + "lang=" + language));
                    browser.screenshot(name(page) + "-" + language + "-" + width);
                    browser.seriousAccessibilityViolations()
                            .forEach(v -> problems.add(page + " " + language + " @" + width + ": " + v));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The screenshots people look at (taken with {@code -Dbrowser.screenshots=true}) hold the whole page, not only
     * the window: as wide as the window and as tall as the document.
     */
    @Test
    void aScreenshotHoldsTheWholePage() throws Exception {
        browser.width(390);
        driver.get(url("/?lang=es"));
        long height =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");

        BufferedImage shot = ImageIO.read(browser.capture("home-es-390").toFile());

        assertThat(shot.getWidth()).isEqualTo(390);
        assertThat(shot.getHeight()).isEqualTo((int) Math.min(height, 8000)).isGreaterThan(900);
    }

    @Test
    void theAccessibilityCheckReportsASeriousViolationWhenThereIsOne() {
        driver.get(url("/?lang=en"));
        ((JavascriptExecutor) driver)
                .executeScript("const img = document.createElement('img'); img.id = 'no-alt'; img.src = '/favicon.ico';"
                        + " document.querySelector('main').append(img);");

        assertThat(browser.seriousAccessibilityViolations()).containsExactly("image-alt (critical): [[#no-alt]]");
    }

    @Test
    void keepsEveryPageWithinTheScriptAndStyleBudget() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : PUBLIC_PAGES) {
            driver.get(url(page));
            // Sizes of the files the page links, fetched directly: the browser's resource timing leaves out what
            // it serves from its memory cache.
            List<String> assets = driver.findElements(By.cssSelector("link[rel=stylesheet], script[src]")).stream()
                    .map(element -> element.getDomAttribute(element.getTagName().equals("link") ? "href" : "src"))
                    .toList();
            long bytes = 0;
            for (String asset : assets) {
                bytes += http.send(
                                HttpRequest.newBuilder(URI.create(url(asset))).build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body()
                        .length;
            }
            assertThat(assets).as(page).isNotEmpty();
            assertThat(bytes).as(page).isPositive().isLessThan(100 * 1024);
        }
    }

    private String result() {
        return driver.findElement(By.cssSelector("#zip-result p")).getText();
    }

    private WebElement tabUntil(Predicate<WebElement> wanted, int maxTabs) {
        for (int tab = 0; tab < maxTabs; tab++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("Did not reach the element with " + maxTabs + " presses of Tab");
    }

    private static String name(String page) {
        return "/".equals(page) ? "home" : page.substring(1).replace('/', '-');
    }
}
