package clinic.relief.portal;

import java.io.IOException;
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
 * "Forgot password" in Chromium: a patient asks for a link from the sign-in page, follows it (read from the outbox),
 * chooses a new password after a mistyped one, and signs in with it; a spent link is a friendly page. Every page at
 * 390 and 1280 px in both languages, each checked with axe-core.
 */
@ActiveProfiles({"test", "demo"})
class PasswordResetBrowserTests extends BrowserTest {

    private static final String PASSWORD = "four random words here";
    private static final String NEW_PASSWORD = "five other random words now";

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
    void aPatientResetsAForgottenPasswordAndSignsInWithTheNewOne() throws IOException {
        browser.width(1280);
        String email = "forgot-" + UUID.randomUUID() + "@example.com";
        signUpAndConfirm(email);
        driver.manage().deleteAllCookies();

        driver.get(url("/account/login?lang=en"));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Forgot your password?")).click());
        fill("email", email);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("If an account uses");

        String token = PortalFixture.token(jdbc, email, "PASSWORD_RESET");
        driver.get(url("/account/reset?token=" + token));
        fill("password", NEW_PASSWORD);
        fill("passwordAgain", NEW_PASSWORD + " typo");
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        check("reset-mistyped-en-1280");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("not the same");
        fill("password", NEW_PASSWORD);
        fill("passwordAgain", NEW_PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        check("login-after-reset-en-1280");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("new password is saved");

        fill("email", email);
        fill("password", NEW_PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My appointments");

        driver.manage().deleteAllCookies();
        sweep("reset-spent", "/account/reset?token=" + token);
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Pedir un enlace nuevo");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyResetPageInBothLanguagesAndWidths() throws IOException {
        String email = "forgot-sweep-" + UUID.randomUUID() + "@example.com";
        signUpAndConfirm(email);
        driver.manage().deleteAllCookies();
        sweep("login", "/account/login");
        sweep("forgot", "/account/forgot");
        sweep("forgot-sent", "/account/forgot?sent");
        driver.get(url("/account/forgot?lang=en"));
        fill("email", email);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        sweep("reset", "/account/reset?token=" + PortalFixture.token(jdbc, email, "PASSWORD_RESET"));
        sweep("reset-unknown", "/account/reset?token=forged");
        assertThat(problems).isEmpty();
    }

    private void signUpAndConfirm(String email) {
        driver.get(url("/account/signup?lang=en"));
        fill("firstName", "Fay");
        fill("lastName", "Forgetful");
        fill("email", email);
        fill("password", PASSWORD);
        fill("passwordAgain", PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
        driver.get(url("/account/verify?token=" + PortalFixture.token(jdbc, email, "VERIFY_ACCOUNT")));
        fill("password", PASSWORD);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());
    }

    private void sweep(String name, String path) throws IOException {
        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
                check(name + "-" + language + "-" + width);
            }
        }
    }

    private void fill(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void check(String name) throws IOException {
        browser.screenshot("portal-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
