package clinic.relief.booking;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.browser.BrowserTest;
import clinic.relief.patients.Intake;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.patients.SignUp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New clients' booking requests in a real browser with the demo data, in approve mode: the patient's "request
 * received" page, the front desk approving one request and declining another with a reason, and a patient
 * withdrawing their own request from their appointments and another from the manage link in its "request received"
 * e-mail (at 390 px). Screenshots at 390
 * and 1280 px in English and Spanish, axe-core checks on each page.
 */
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = "relief.booking.new-clients=approve")
class ApprovalBrowserTests extends BrowserTest {

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Approvals approvals;

    @Autowired
    Patients patients;

    @Autowired
    PatientAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OnlineHolds holds;

    private final List<String> problems = new ArrayList<>();

    @Test
    void theFrontDeskApprovesOneRequestAndDeclinesAnother() throws IOException {
        Therapist maria = book.therapists().stream()
                .filter(t -> t.name().startsWith("María"))
                .findFirst()
                .orElseThrow();
        int next = 0;
        for (int width : new int[] {1280, 390}) {
            for (String language : List.of("en", "es")) {
                driver.get(url("/"));
                driver.manage().deleteAllCookies();
                browser.width(width);
                // A new client confirms an online booking by the e-mailed link: it becomes a request, and the page
                // says so and links to it; the link opens the request, titled as one.
                String email = "held-" + UUID.randomUUID() + "@example.com";
                driver.get(url("/book/confirm?lang=" + language + "&token=" + heldFor(maria, email)));
                browser.andWaitForNewPage(
                        () -> driver.findElement(By.cssSelector("form[action$='/book/confirm'] button"))
                                .click());
                assertThat(driver.findElement(By.tagName("h1")).getText())
                        .isEqualTo(language.equals("es") ? "Solicitud recibida" : "Request received");
                WebElement link = driver.findElement(By.cssSelector("p.manage a"));
                assertThat(link.getText()).isEqualTo(language.equals("es") ? "Ver su solicitud" : "See your request");
                check("requested-" + language + "-" + width);
                // The link is absolute on the configured site URL; the test's server listens elsewhere.
                String href = link.getAttribute("href");
                driver.get(url(href.substring(href.indexOf("/manage")) + "&lang=" + language));
                assertThat(driver.findElement(By.tagName("h1")).getText())
                        .isEqualTo(language.equals("es") ? "Su solicitud de cita" : "Your booking request");
                assertThat(driver.getTitle())
                        .startsWith(driver.findElement(By.tagName("h1")).getText() + " · ");
                check("manage-request-title-" + language + "-" + width);

                UUID first = request(maria, next++);
                UUID second = request(maria, next++);
                signIn("desk@demo.relief.test", "demo-desk-relief");
                driver.get(url("/staff/booking/requests?lang=" + language));
                check("requests-" + language + "-" + width);

                browser.andWaitForNewPage(() -> driver.findElement(
                                By.cssSelector("form[action$='/requests/" + first + "/approve'] button"))
                        .click());
                assertThat(book.get(first).status()).isEqualTo(AppointmentStatus.BOOKED);
                check("approved-" + language + "-" + width);

                driver.findElement(By.id("reason-" + second))
                        .sendKeys(
                                language.equals("es")
                                        ? "Ese día la terapeuta solo atiende a clientes habituales."
                                        : "That morning is kept for regulars.");
                browser.andWaitForNewPage(() -> driver.findElement(
                                By.cssSelector("form[action$='/requests/" + second + "/decline'] button"))
                        .click());
                assertThat(book.get(second).status()).isEqualTo(AppointmentStatus.CANCELLED);
                assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                        .isIn(
                                "Declined: the time is free again and the client has been told.",
                                "Rechazada: el horario vuelve a estar libre y se ha avisado al cliente.");
                check("declined-" + language + "-" + width);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aPatientWithdrawsTheirOwnRequestFromTheirAppointments() throws IOException {
        Therapist therapist = book.therapists().get(0);
        String email = "withdraw-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";
        accounts.signUp(new SignUp("Nora", "Nueva", null, email, password, password), "en");
        String token = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_ACCOUNT'")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        Patient nora = patients.get(accounts.confirm(token, password).patientId());
        UUID first = requestFor(nora, therapist);
        UUID second = requestFor(nora, therapist);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
        driver.get(url("/account/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.andWaitForNewPage(() -> driver.findElement(By.cssSelector("form.form button[type=submit]"))
                .click());

        for (String language : List.of("en", "es")) {
            for (int width : new int[] {390, 1280}) {
                browser.width(width);
                driver.get(url("/account?lang=" + language));
                check("withdraw-" + language + "-" + width);
            }
        }
        withdraw(first, "en", 1280, "Your request is withdrawn and the time is free again.");
        withdraw(second, "es", 390, "Su solicitud ha sido retirada y el horario vuelve a estar libre.");
        assertThat(problems).isEmpty();
    }

    @Test
    void aNewClientOpensTheRequestEmailsManageLinkAtPhoneWidthAndWithdraws() throws IOException {
        Therapist therapist = book.therapists().get(0);
        browser.width(390);
        for (String language : List.of("en", "es")) {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            Patient patient = patients.findOrCreate(
                    new NewPatient("Lía", "Enlace" + tag, null, "lia-" + tag + "@example.com", null, language));
            UUID id = requestFor(patient, therapist);
            String link = jdbc.sql("select body from booking_outbox where appointment_id = :id"
                            + " and kind = 'REQUEST_RECEIVED'")
                    .param("id", id)
                    .query(String.class)
                    .single()
                    .replaceAll("(?s).*(/manage\\?token=[A-Za-z0-9_-]+).*", "$1");
            driver.get(url("/"));
            driver.manage().deleteAllCookies();
            driver.get(url(link + "&lang=" + language));
            assertThat(driver.findElement(By.cssSelector(".manage .free-notice"))
                            .getText())
                    .startsWith(
                            language.equals("es") ? "Esta solicitud de reserva espera" : "This booking request awaits");
            assertThat(driver.findElements(By.cssSelector("form[action$='/manage/confirm'], a[href*='/manage/move']")))
                    .isEmpty();
            check("manage-request-" + language + "-390");

            browser.andWaitForNewPage(
                    () -> driver.findElement(By.cssSelector("form[action$='/manage/withdraw'] button"))
                            .click());
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo(
                            language.equals("es")
                                    ? "Su solicitud ha sido retirada y el horario vuelve a estar libre."
                                    : "Your request is withdrawn and the time is free again.");
            assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CANCELLED);
            check("manage-request-withdrawn-" + language + "-390");
        }
        assertThat(problems).isEmpty();
    }

    private void withdraw(UUID id, String language, int width, String notice) throws IOException {
        browser.width(width);
        driver.get(url("/account?lang=" + language));
        browser.andWaitForNewPage(
                () -> driver.findElement(By.cssSelector("form[action$='/appointments/" + id + "/withdraw'] button"))
                        .click());
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo(notice);
        assertThat(book.get(id).status()).isEqualTo(AppointmentStatus.CANCELLED);
        check("withdrawn-" + language + "-" + width);
    }

    private UUID requestFor(Patient patient, Therapist therapist) {
        Slot free = booking.availability(SlotSearch.with(therapist.id(), "deep-tissue", 60, day(), day().plusDays(7)))
                .get(0);
        return approvals
                .requestFor(
                        booking,
                        new BookAppointment(
                                patient.id(),
                                "deep-tissue",
                                60,
                                free.start(),
                                Optional.of(therapist.id()),
                                Appointment.Source.ONLINE,
                                null,
                                null),
                        patient)
                .id();
    }

    /**
     * An online booking held for a new visitor at the therapist's next free time, as the booking form makes it; the
     * token of the link the confirmation e-mail carries.
     */
    private String heldFor(Therapist therapist, String email) {
        Patient placeholder = patients.createUnverified(
                new NewPatient("Hana", "Held", "(310) 555-0151", null, null, "en"),
                new Intake("none", null, null, null, false, true, true));
        Slot free = booking.availability(SlotSearch.with(therapist.id(), "deep-tissue", 60, day(), day().plusDays(7)))
                .get(0);
        holds.hold(
                new BookAppointment(
                        placeholder.id(),
                        "deep-tissue",
                        60,
                        free.start(),
                        Optional.of(therapist.id()),
                        Appointment.Source.ONLINE,
                        null,
                        null),
                placeholder,
                email);
        return jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    /** A signed-in new client's request, as the portal makes it, at the therapist's next free time. */
    private UUID request(Therapist therapist, int n) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Patient patient = patients.findOrCreate(new NewPatient(
                "Nora",
                "Nueva" + tag,
                "(310) 555-0161",
                "nora-" + tag + "@example.com",
                null,
                n % 2 == 0 ? "en" : "es"));
        Slot free = booking.availability(SlotSearch.with(therapist.id(), "deep-tissue", 60, day(), day().plusDays(7)))
                .get(0);
        return approvals
                .requestFor(
                        booking,
                        new BookAppointment(
                                patient.id(),
                                "deep-tissue",
                                60,
                                free.start(),
                                Optional.of(therapist.id()),
                                Appointment.Source.ONLINE,
                                null,
                                null),
                        patient)
                .id();
    }

    private void signIn(String email, String password) {
        driver.get(url("/staff/login?lang=en"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.andWaitForNewPage(() ->
                driver.findElement(By.cssSelector("form button[type=submit]")).click());
    }

    private void check(String name) throws IOException {
        browser.screenshot("approval-" + name);
        browser.seriousAccessibilityViolations().forEach(v -> problems.add(name + ": " + v));
    }

    /** Three days ahead, moved off Sunday (the demo therapists work Monday to Saturday). */
    private LocalDate day() {
        LocalDate day = today().plusDays(3);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
