package clinic.relief.blog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.relief.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog in a real browser: a reader comments in each language and is told the comment awaits moderation; staff
 * approve it from the moderation queue and it appears. Also screenshots and axe-core on every blog page.
 */
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = "relief.blog.min-form-seconds=0s")
class BlogBrowserTests extends BrowserTest {

    private static final List<String> PAGES = List.of(
            "/blog",
            "/blog/low-back-pain-five-muscles",
            "/blog/dolor-lumbar-cinco-musculos",
            "/blog/tag/trigger-points",
            "/blog/privacy");

    @BeforeEach
    void freshVisitor() {
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        browser.width(1280);
    }

    @ParameterizedTest
    @CsvSource({
        "en, low-back-pain-five-muscles, awaiting moderation, Reader",
        "es, dolor-lumbar-cinco-musculos, pendiente de moderación, Lectora"
    })
    void aReaderCommentsAndStaffApproveIt(String language, String slug, String awaiting, String name) throws Exception {
        String body = "Comment " + UUID.randomUUID().toString().substring(0, 8);
        driver.get(url("/blog/" + slug + "?lang=" + language));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("email")).sendKeys("browser-" + language + "@reader.example");
        driver.findElement(By.id("body")).sendKeys(body);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("#comment-form button[type=submit]"))
                .click());

        assertThat(driver.findElement(By.id("comment-status")).getText()).contains(awaiting);
        assertThat(driver.getPageSource()).doesNotContain(body).doesNotContain("browser-" + language);
        browser.screenshot("blog-comment-held-" + language);

        signInAsOwner();
        driver.get(url("/staff/blog/comments?lang=" + language));
        assertThat(driver.findElement(By.cssSelector("#site-menu .badge")).getText())
                .isNotBlank();
        browser.screenshot("blog-moderation-" + language + "-1280");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.xpath("//li[contains(@class,'mod-item')][.//div[contains(.,'" + body
                                + "')]]" + "//form[contains(@class,'inline-actions')]//button[@value='APPROVE']"))
                        .click());
        driver.findElement(By.cssSelector("form[action='/staff/logout'] button, .site-footer"))
                .isDisplayed();
        driver.manage().deleteAllCookies();

        driver.get(url("/blog/" + slug + "?lang=" + language));
        assertThat(driver.findElement(By.id("comments")).getText())
                .contains(body)
                .contains(name);
        assertThat(driver.getPageSource()).doesNotContain("browser-" + language + "@reader.example");
    }

    @Test
    void blogPagesHaveNoSeriousAccessibilityViolationsAndAreScreenshotted() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (int width : List.of(390, 1280)) {
                browser.width(width);
                for (String page : PAGES) {
                    driver.get(url(page + "?lang=" + language));
                    browser.screenshot(page.substring(1).replace('/', '-') + "-" + language + "-" + width);
                    browser.seriousAccessibilityViolations()
                            .forEach(v -> problems.add(page + " " + language + " @" + width + ": " + v));
                }
            }
        }
        signInAsOwner();
        browser.width(390);
        driver.get(url("/staff/blog/comments?queue=PENDING"));
        browser.screenshot("staff-blog-comments-en-390");
        browser.seriousAccessibilityViolations().forEach(v -> problems.add("moderation: " + v));
        assertThat(problems).isEmpty();
    }

    @Test
    void anArticleOpensThePainFinderWithItsRegionsPreselected() {
        driver.get(url("/blog/neck-pain-and-headaches?lang=en"));
        String href = driver.findElement(By.cssSelector(".cta a.primary")).getDomAttribute("href");

        assertThat(href)
                .startsWith("/pain-finder?regions=")
                .contains("occiput_L")
                .contains("neck_angle_R");
    }

    private void signInAsOwner() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("owner@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-owner-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }
}
