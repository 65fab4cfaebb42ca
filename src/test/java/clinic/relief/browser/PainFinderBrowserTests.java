package clinic.relief.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The pain finder the way a person uses it: a mouse or a finger, or only the keyboard, in either language. */
@ActiveProfiles({"test", "demo"})
class PainFinderBrowserTests extends BrowserTest {

    @BeforeEach
    void phoneSized() {
        browser.width(390);
    }

    @Test
    void marksRegionsByMouseAnswersAndReadsTheResultsInEnglish() throws Exception {
        driver.get(url("/pain-finder?lang=en"));
        for (String region : List.of("buttock_mid_L", "si_joint_L", "thigh_back_L", "coccyx")) {
            click(region);
            assertThat(checkbox(region).isSelected()).as(region).isTrue();
            assertThat(shape(region).getAttribute("aria-checked")).isEqualTo("true");
        }
        click("coccyx");
        assertThat(checkbox("coccyx").isSelected()).as("a second click unmarks").isFalse();
        click("coccyx");
        answer("factors", "prolonged_sitting");
        answer("factors", "crossed_legs");

        submit();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your pain finder results");
        List<String> muscles = driver.findElements(By.cssSelector(".candidate")).stream()
                .map(candidate -> candidate.getDomAttribute("data-muscle"))
                .limit(2)
                .toList();
        assertThat(muscles).contains("piriformis");
        assertThat(driver.findElement(By.linkText("Book a session about this")).getDomAttribute("href"))
                .startsWith("/book?assessment=");
        browser.screenshot("pain-finder-results-en-390");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        // On a phone the booking action is on screen from the top of the results (sticky at the bottom of the
        // screen); on a desktop it also stands near the top of the page.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.scrollTo(0, 0)");
        Number barTop = (Number)
                js.executeScript("return document.querySelector('.book-bar .button').getBoundingClientRect().bottom"
                        + " - window.innerHeight");
        assertThat(barTop.doubleValue()).as("book bar inside the first screen").isLessThanOrEqualTo(0);
        assertThat(driver.findElement(By.cssSelector(".book-top .button")).isDisplayed())
                .isFalse();
        browser.width(1280);
        WebElement top = driver.findElement(By.cssSelector(".book-top .button"));
        assertThat(top.isDisplayed()).isTrue();
        assertThat(top.getRect().getY()).as("near the top").isLessThan(900);
        browser.screenshot("pain-finder-results-en-1280");
    }

    @Test
    void marksRegionsWithTheKeyboardOnlyInSpanish() throws Exception {
        browser.width(1280);
        driver.get(url("/pain-finder?lang=es"));
        WebElement back = driver.findElement(By.cssSelector("svg.bm-svg--back [data-region][tabindex='0']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", back);
        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys(Keys.END);
        focused = driver.switchTo().activeElement();
        String first = focused.getDomAttribute("data-region");
        focused.sendKeys(Keys.SPACE);
        focused.sendKeys(Keys.ARROW_UP);
        focused = driver.switchTo().activeElement();
        String second = focused.getDomAttribute("data-region");
        focused.sendKeys(Keys.ENTER);

        assertThat(second).isNotEqualTo(first);
        assertThat(checkbox(first).isSelected()).isTrue();
        assertThat(checkbox(second).isSelected()).isTrue();
        assertThat(focused.getAttribute("aria-label")).isNotBlank();

        submit();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Resultados del buscador del dolor");
        assertThat(driver.findElement(By.id("marked-title")).getText()).isEqualTo("Lo que marcó");
        browser.screenshot("pain-finder-results-es-1280");
    }

    @Test
    void leadsWithTheReferralWhenARedFlagIsTicked() {
        driver.get(url("/pain-finder?lang=en"));
        click("low_back_paraspinal_R");
        answer("redFlags", "bladder_bowel_change");

        submit();

        WebElement referral = driver.findElement(By.cssSelector(".referral"));
        assertThat(referral.getText()).contains("Get medical help now");
        assertThat(browser.findNow(By.cssSelector(".candidate"))).isEmpty();
    }

    @Test
    void theFinderPageHasNoSeriousAccessibilityViolationsAtEitherWidth() throws Exception {
        for (String language : List.of("en", "es")) {
            for (int width : List.of(390, 1280)) {
                browser.width(width);
                driver.get(url("/pain-finder?lang=" + language + "&regions=coccyx"));
                browser.screenshot("pain-finder-" + language + "-" + width);
                assertThat(browser.seriousAccessibilityViolations())
                        .as(language + " @" + width)
                        .isEmpty();
            }
        }
    }

    private void click(String region) {
        WebElement shape = shape(region);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", shape);
        // Click where a finger would, on a point of the viewport that belongs to the region (or to its enlarged hit
        // area): the middle of an irregular region's box can lie on its neighbour.
        List<?> point = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                const g = arguments[0], id = g.getAttribute('data-region'), box = g.getBoundingClientRect();
                for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
                    const x = Math.round(box.left + box.width * i / 12), y = Math.round(box.top + box.height * j / 12);
                    const hit = document.elementFromPoint(x, y);
                    const owner = hit && hit.closest('[data-region], [data-hit]');
                    if (owner && (owner.getAttribute('data-region') === id || owner.getAttribute('data-hit') === id)) {
                        return [x, y];
                    }
                }
                return null;""", shape);
        assertThat(point).as("a visible point of " + region).isNotNull();
        new Actions(driver)
                .moveToLocation(((Number) point.get(0)).intValue(), ((Number) point.get(1)).intValue())
                .click()
                .perform();
    }

    private WebElement shape(String region) {
        return driver.findElements(By.cssSelector("[data-region='" + region + "']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
    }

    private WebElement checkbox(String region) {
        return driver.findElement(By.cssSelector("input[name=regions][value='" + region + "']"));
    }

    private void answer(String name, String value) {
        WebElement box = driver.findElement(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].closest('details') && "
                                + "(arguments[0].closest('details').open = true); arguments[0].scrollIntoView({block: 'center'})",
                        box);
        box.click();
    }

    private void submit() {
        WebElement button = driver.findElement(By.cssSelector(".finder-submit button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.andWaitForNewPage(button::click);
    }
}
