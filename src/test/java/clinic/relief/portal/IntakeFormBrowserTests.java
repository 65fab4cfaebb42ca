package clinic.relief.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.IntakeForms;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient opens the intake link from their e-mail on a phone (390 px), in English and in Spanish, sends the form
 * with a required answer missing (told which, nothing stored), completes it and signs it with their typed name.
 * Each page is checked with axe-core and saved as a screenshot.
 */
@ActiveProfiles({"test", "demo"})
class IntakeFormBrowserTests extends BrowserTest {

    private static final Pattern TOKEN = Pattern.compile("/intake\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    Patients patients;

    @Autowired
    IntakeForms forms;

    @Autowired
    JdbcClient jdbc;

    private final List<String> problems = new ArrayList<>();

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "es"})
    void aPatientOpensTheIntakeLinkOnAPhoneAndSignsIt(String language) throws IOException {
        problems.clear();
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        browser.width(390);
        String email = "intake-" + UUID.randomUUID() + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Lucía", "Paciente", null, email, null, language))
                .id();
        forms.send(patient, "desk@example.com", Optional.empty());

        driver.get(url("/intake?lang=" + language + "&token=" + token(email)));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(
                        language.equals("es") ? "Sus formularios antes de la visita" : "Your forms before your visit");
        check("intake-form-" + language + "-390");
        fill("phone", "213-555-0199");
        fill("address_street", "100 Main St");
        fill("address_city", "Los Angeles");
        fill("address_state", "CA");
        fill("address_zip", "90012");
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = '1980-04-23'", driver.findElement(By.id("q-birth_date")));
        choose("sex", "F");
        fill("emergency_name", "Ana Paciente");
        fill("allergies", "Latex");
        for (String id : List.of(
                "pregnancy",
                "blood_thinners",
                "recent_surgery",
                "blood_clots",
                "skin_conditions",
                "implanted_devices")) {
            choose(id, id.equals("blood_thinners") ? "yes" : "no");
        }
        driver.findElement(By.id("agrees")).click();
        driver.findElement(By.id("signedName")).sendKeys("Lucía Paciente");
        submit();

        assertThat(driver.findElement(By.id("e-emergency_phone")).getText())
                .isEqualTo(language.equals("es") ? "Responda esta pregunta." : "Please answer this question.");
        assertThat(signatures(patient)).isZero();
        check("intake-form-missing-" + language + "-390");

        fill("emergency_phone", "213-555-0100");
        driver.findElement(By.id("agrees")).click();
        submit();

        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(
                        language.equals("es")
                                ? "Gracias, sus formularios están firmados"
                                : "Thank you, your forms are signed");
        check("intake-signed-" + language + "-390");
        assertThat(signatures(patient)).isEqualTo(1);
        assertThat(problems).isEmpty();
    }

    private void fill(String question, String text) {
        WebElement field = driver.findElement(By.id(question.equals("signedName") ? question : "q-" + question));
        field.clear();
        field.sendKeys(text);
    }

    private void choose(String question, String value) {
        WebElement radio =
                driver.findElement(By.cssSelector("input[name='a." + question + "'][value='" + value + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.click();
    }

    private void submit() {
        WebElement button = driver.findElement(By.cssSelector("form.form button[type=submit]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.andWaitForNewPage(button::click);
    }

    private String token(String email) {
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'INTAKE_LINK'")
                .param("e", email)
                .query(String.class)
                .single();
        Matcher matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private int signatures(UUID patient) {
        return jdbc.sql("select count(*) from intake_signature where patient_id = :p")
                .param("p", patient)
                .query(Integer.class)
                .single();
    }

    private void check(String name) throws IOException {
        browser.screenshot(name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
