package clinic.relief.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.mail.OutboxWorker;
import clinic.relief.mail.TestSmtp;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.PatientAccounts;
import clinic.relief.patients.Patients;
import clinic.relief.patients.VerificationToken;
import clinic.relief.staff.Staff;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The booking confirmation e-mail of a patient without an account offers one: its link, read from the e-mail a real
 * SMTP server (GreenMail) received, opens the one-password form in the patient's language and signs them in; an
 * altered, expired or used link says so in that language and makes nothing. (Same configuration as OutboxMailTests,
 * so the two share one context.)
 */
@ReliefTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=${relief.test.smtp-port:3025}"})
class AccountLinkMailTests {

    private static final Pattern ACCOUNT_LINK =
            Pattern.compile("https?://[^\\s/]+(/account/create\\?token=([A-Za-z0-9_-]+)&lang=([a-z]{2}))");
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    OutboxWorker worker;

    @Autowired
    Patients patients;

    @Autowired
    PatientAccounts accounts;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
        worker.sendDue(); // earlier tests' rows
        smtp.reset();
    }

    @ParameterizedTest
    @CsvSource({
        "en, Create your account with one password, Hello, Create your account, This link was already used",
        "es, Cree su cuenta con una sola contraseña, Hola, Cree su cuenta, Este enlace ya se usó"
    })
    void theConfirmationEmailsLinkMakesTheAccountWithOnePasswordAndSignsIn(
            String language, String offerText, String hello, String formTitle, String usedTitle) throws Exception {
        String email = "mail-offer-" + UUID.randomUUID() + "@example.com";
        UUID patient = patient(email, language);
        book(patient, "10:00");

        String body = confirmationTo(email);
        assertThat(body).contains(offerText);
        Matcher link = ACCOUNT_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(3)).isEqualTo(language);
        // The manage link still comes last, after the offer.
        assertThat(body.indexOf("/manage?token=")).isGreaterThan(link.end());
        Cookie lang = new Cookie("relief-lang", language);

        mvc.perform(get(link.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(formTitle)))
                .andExpect(content().string(containsString(email)));
        Cookie session = mvc.perform(post("/account/create")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", link.group(2))
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/account?welcome"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/account").cookie(session, lang))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(hello + ", Rosa.")));
        assertThat(accounts.byEmail(email))
                .hasValueSatisfying(a -> assertThat(a.verified()).isTrue());

        // Used once: the same link again says so, in the patient's language, and changes nothing.
        mvc.perform(post("/account/create")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", link.group(2))
                        .param("password", "another long password"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString(usedTitle)));
        assertThat(jdbc.sql("select count(*) from patient_account where lower(email) = lower(:e)")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // With an account, the next confirmation offers none.
        smtp.reset();
        book(patient, "14:00");
        assertThat(confirmationTo(email)).doesNotContain("/account/create").contains("/manage?token=");
    }

    @ParameterizedTest
    @CsvSource({
        "en, This link does not work, This link has expired, Nothing was changed.",
        "es, Este enlace no funciona, Este enlace ha caducado, No se ha cambiado nada."
    })
    void anAlteredOrExpiredLinkSaysSoAndMakesNoAccount(
            String language, String unknownTitle, String expiredTitle, String nothingChanged) throws Exception {
        String email = "mail-bad-" + UUID.randomUUID() + "@example.com";
        book(patient(email, language), "11:00");
        Matcher link = ACCOUNT_LINK.matcher(confirmationTo(email));
        assertThat(link.find()).isTrue();
        String token = link.group(2);
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        Cookie lang = new Cookie("relief-lang", language);

        mvc.perform(get("/account/create").cookie(lang).param("token", altered))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString(unknownTitle)))
                .andExpect(content().string(containsString(nothingChanged)));
        mvc.perform(post("/account/create")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", altered)
                        .param("password", PASSWORD))
                .andExpect(status().isNotFound());

        // The offer's time runs out (the app clock does not travel a week: the stored expiry is moved instead).
        jdbc.sql("update patient_account_offer set expires_at = created_at where token_hash = :hash")
                .param("hash", VerificationToken.hash(token))
                .update();
        mvc.perform(get(link.group(1)).cookie(lang))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString(expiredTitle)));
        mvc.perform(post("/account/create")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", token)
                        .param("password", PASSWORD))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString(expiredTitle)));

        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void theOutboxPageRedactsTheAccountLink() throws Exception {
        String email = "mail-redact-" + UUID.randomUUID() + "@example.com";
        book(patient(email, "en"), "12:00");
        String stored = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'CONFIRMATION'")
                .param("e", email)
                .query(String.class)
                .single();
        Matcher link = ACCOUNT_LINK.matcher(stored);
        assertThat(link.find()).isTrue();

        mvc.perform(get("/admin/outbox").with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(link.group(2)))));
    }

    private UUID patient(String email, String language) {
        return patients.findOrCreate(new NewPatient("Rosa", "Linkova", null, email, null, language))
                .id();
    }

    private Appointment book(UUID patient, String time) {
        return booking.book(new BookAppointment(
                patient,
                "swedish",
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
    }

    /** The text of the one confirmation the SMTP server received for the address. */
    private String confirmationTo(String email) throws Exception {
        worker.sendDue();
        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(email))
                .toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        return plainText(received[0]);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
