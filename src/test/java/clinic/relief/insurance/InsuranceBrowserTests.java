package clinic.relief.insurance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.AppointmentBook;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk in a real browser: records a patient's coverage and prescription, and once the visit is completed
 * marks its claim ready and downloads the 837P. Screenshots at 390 and 1280 px in English and Spanish, axe checks.
 */
@ActiveProfiles({"test", "demo"})
class InsuranceBrowserTests extends BrowserTest {

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppointmentBook book;

    @Autowired
    ClaimDesk desk;

    private final List<String> problems = new ArrayList<>();

    @Test
    void theDeskRecordsCoverageAndPrescriptionThenDownloadsTheClaimsFile() throws IOException {
        InsuranceFixture fixture = new InsuranceFixture(patients, staff, jdbc, book);
        UUID patient = fixture.patient();
        String lastName = patients.get(patient).lastName();
        browser.width(1280);
        signIn();

        driver.get(url("/staff/insurance/patients?lang=en&q=" + lastName));
        check("search-en-1280");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector(".found a")).click());
        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Add coverage")).click());
        browser.andWaitForNewPage(() -> submit());
        check("coverage-errors-en-1280");
        fillCoverage();
        browser.andWaitForNewPage(this::submit);
        assertThat(text()).contains("Coverage saved.", "Blue Shield of California", "No prescription on file");

        browser.andWaitForNewPage(
                () -> driver.findElement(By.linkText("Add prescription")).click());
        fill("referringFirstName", "Alan");
        fill("referringLastName", "Grant");
        fill("referringNpi", "1234567893");
        fill("diagnoses", "M54.5");
        fill("frequency", "2x/week");
        driver.findElement(By.id("writtenOn")).sendKeys(tenDaysAgo());
        browser.andWaitForNewPage(this::submit);
        assertThat(text()).contains("M54.50, M54.51, M54.59");
        check("prescription-errors-en-1280");
        fill("diagnoses", "M54.50, M62.838");
        browser.andWaitForNewPage(this::submit);
        assertThat(text()).contains("Prescription saved.", "M54.50, M62.838");

        LocalDate yesterday = today().minusDays(1);
        fixture.completed(patient, fixture.therapist(), "trigger-point", 60, InsuranceFixture.at(yesterday, 10));
        driver.navigate().refresh();
        check("patient-en-1280");
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector(".claim-list a")).click());
        browser.andWaitForNewPage(() ->
                driver.findElement(By.xpath("//button[text()='Mark ready']")).click());
        assertThat(text()).contains("The claim is ready to submit.", "97140");
        check("claim-en-1280");

        String x12 = fetch(driver.findElement(By.cssSelector("a.download-837")).getAttribute("href"));
        assertThat(x12)
                .startsWith("ISA*00*")
                .contains("ST*837*0001*005010X222A1", "SV1*HC:97140*110.00*UN*4", "HI*ABK:M5450*ABF:M62838");
        IndependentX12Reader.assertParses(x12);
        String claimUrl = driver.getCurrentUrl().replaceAll("\\?.*", "");
        Path rejected = Files.createTempFile("rejected", ".999");
        Files.writeString(rejected, rejecting(desk.ofPatient(patient).get(0).claimId()));
        driver.get(url("/staff/insurance/remittances?lang=en"));
        driver.findElement(By.id("file")).sendKeys(rejected.toAbsolutePath().toString());
        browser.andWaitForNewPage(this::submit);
        assertThat(text()).contains("Segment error 8: Segment has data element errors");
        driver.get(claimUrl + "?lang=es");
        assertThat(text()).contains("set answer R", "Error de segmento 8:", "Error de elemento Q7: código desconocido");
        Files.delete(rejected);
        screenshotsOfEveryPage(patient, claimUrl);
        assertThat(problems).isEmpty();
    }

    private void screenshotsOfEveryPage(UUID patient, String claimUrl) throws IOException {
        String patientPage = "/staff/insurance/patients/" + patient;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("patient", patientPage);
        pages.put("coverage-form", patientPage + "/coverage");
        pages.put("prescription-form", patientPage + "/prescription");
        pages.put("claims-ready", "/staff/insurance?state=READY");
        pages.put("aging", "/staff/insurance/aging");
        pages.put("remittances", "/staff/insurance/remittances");
        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(claimUrl + "?lang=" + language);
                check("claim-" + language + "-" + width);
                for (var page : pages.entrySet()) {
                    driver.get(url(page.getValue()));
                    check(page.getKey() + "-" + language + "-" + width);
                }
                driver.get(url("/staff/insurance/remittances"));
                // The file log's long detail wraps: on a wide screen the table fits without scrolling sideways.
                assertThat(fileLogScrollsSideways())
                        .as("file log at " + width + " px")
                        .isEqualTo(width < 1280);
            }
        }
    }

    /** A clearinghouse's 999 naming the claim (CTX) with a segment error and an element error code it does not publish. */
    private String rejecting(String claimId) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/insurance/x12/999-rejected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{GROUP}", "424242")
                    .replace("{SET_A}", "0001")
                    .replace("{A}", claimId)
                    .replace("IK4*2*782*1~", "IK4*2*782*Q7~");
        }
    }

    private void signIn() {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys("desk@demo.relief.test");
        driver.findElement(By.id("password")).sendKeys("demo-desk-relief");
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private void fillCoverage() {
        fill("payerName", "Blue Shield of California");
        fill("payerId", "BS001");
        fill("memberId", "XYZ123456789");
        fill("groupNumber", "G-7788");
        fill("subscriberFirstName", "Rosa");
        fill("subscriberLastName", "Insured");
        driver.findElement(By.id("subscriberBirthDate")).sendKeys("04021980");
        fill("subscriberStreet", "12 Ocean Ave");
        fill("subscriberCity", "Torrance");
        fill("subscriberZip", "90501");
        fill("copay", "25.00");
        fill("coinsurancePercent", "20");
        fill("visitsAllowed", "12");
        driver.findElement(By.id("effectiveFrom")).sendKeys(tenDaysAgo());
    }

    private String fetch(String href) {
        return (String) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);",
                        href);
    }

    /** Ten days before the app's today, as typed into a date field. */
    private String tenDaysAgo() {
        return today().minusDays(10).format(DateTimeFormatter.ofPattern("MMddyyyy"));
    }

    private void submit() {
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
    }

    private void fill(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private boolean fileLogScrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const r = document.querySelector('.x12-files').closest('.table-scroll');"
                        + " return r.scrollWidth > r.clientWidth;");
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void check(String name) throws IOException {
        browser.screenshot("insurance-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }
}
