package clinic.relief.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentStateConflict;
import clinic.relief.booking.Approvals;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.BookingRequests;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.mail.OutboxWorker;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new client's "request received" e-mail, read from a real SMTP server (GreenMail), carries a manage link to the
 * request: it shows the request awaiting approval with its time and place and offers only its withdrawal (the
 * account's own withdrawal, under the row lock and the page's version); after approval it manages the visit, after
 * a decline or withdrawal it says the request ended.
 */
@ReliefTest
@TestPropertySource(
        properties = {
            "relief.booking.new-clients=approve",
            "relief.booking.requests.sweep-every=1d",
            "spring.mail.host=localhost",
            "spring.mail.port=3025"
        })
class RequestManageLinkTests {

    private static final Pattern MANAGE_LINK = Pattern.compile("https?://[^\\s/]+(/manage\\?token=([A-Za-z0-9_-]+))");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    Approvals approvals;

    @Autowired
    BookingRequests requests;

    @Autowired
    OutboxWorker worker;

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    ClinicProfile clinic;

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
    @CsvSource(
            delimiter = '|',
            value = {
                "en | To see your request or withdraw it, open | awaits the clinic&#39;s approval | Withdraw request"
                        + " | Awaiting approval | Your booking request"
                        + " | Have an account? Sign in to see your booking requests and appointments in one place",
                "es | Para ver su solicitud o retirarla, abra | espera la aprobación de la clínica | Retirar solicitud"
                        + " | Por aprobar | Su solicitud de cita"
                        + " | ¿Tiene una cuenta? Inicie sesión para ver sus solicitudes de cita y sus citas en un solo lugar"
            })
    void theRequestReceivedEmailsLinkShowsTheRequestAwaitingApprovalWithOnlyItsWithdrawal(
            String language,
            String mailLine,
            String awaiting,
            String withdraw,
            String statusText,
            String title,
            String account)
            throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        String email = "req-link-" + UUID.randomUUID() + "@example.com";
        Instant start = fixture.at(day, "10:00");
        UUID id = request(patient(email, language), start);

        String body = receivedBy(email);
        assertThat(body).contains(mailLine).contains(when(start, locale)).doesNotContain("Swedish");
        Matcher link = MANAGE_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        Cookie lang = new Cookie("relief-lang", language);

        String page = mvc.perform(get(link.group(1)).cookie(lang))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(awaiting)))
                .andExpect(content().string(containsString(statusText)))
                .andExpect(content().string(containsString(withdraw)))
                .andExpect(content().string(containsString(when(start, locale))))
                .andExpect(content().string(containsString(clinic.address().street())))
                .andExpect(content().string(not(containsString("/manage/confirm"))))
                .andExpect(content().string(not(containsString("/manage/move"))))
                .andExpect(content().string(not(containsString("/manage/cancel"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Titled as the request it is, not as an appointment; the account link speaks of requests too.
        assertThat(titleAndHeading(page)).containsExactly(title + " · " + clinic.shortName(), title);
        assertThat(accountLink(page)).isEqualTo(account);
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
    }

    @Test
    void aRequestCannotBeConfirmedMovedOrCancelledByItsLink() throws Exception {
        String email = "req-none-" + UUID.randomUUID() + "@example.com";
        UUID id = request(patient(email, "en"), fixture.at(day, "10:00"));
        String token = token(receivedBy(email));
        String version = String.valueOf(version(id));

        mvc.perform(get("/manage/move").param("token", token)).andExpect(redirectedUrl("/manage?token=" + token));
        mvc.perform(get("/manage/cancel").param("token", token)).andExpect(redirectedUrl("/manage?token=" + token));
        mvc.perform(post("/manage/confirm").with(csrf()).param("token", token).param("version", version))
                .andExpect(status().isConflict());
        mvc.perform(post("/manage/cancel").with(csrf()).param("token", token).param("version", version))
                .andExpect(status().isConflict());
        mvc.perform(post("/manage/move")
                        .with(csrf())
                        .param("token", token)
                        .param("version", version)
                        .param("slot", fixture.at(day, "13:00") + "|" + therapist))
                .andExpect(status().isConflict());

        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(version(id)).isEqualTo(Integer.parseInt(version));
        assertThat(startsAt(id)).isEqualTo(fixture.at(day, "10:00"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | This booking request has ended | no longer waiting",
                "es | Esta solicitud de reserva ha terminado | ya no está en espera"
            })
    void withdrawingByTheLinkFreesTheTimeAndASecondWithdrawalIsRefused(String language, String ended, String refused)
            throws Exception {
        String email = "req-withdraw-" + UUID.randomUUID() + "@example.com";
        UUID patient = patient(email, language);
        UUID id = request(patient, fixture.at(day, "11:00"));
        String token = token(receivedBy(email));
        int version = version(id);
        Cookie lang = new Cookie("relief-lang", language);

        // Without the CSRF token, or with an altered link: refused, nothing changes.
        mvc.perform(post("/manage/withdraw").param("token", token).param("version", String.valueOf(version)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/manage/withdraw")
                        .with(csrf())
                        .param("token", altered(token))
                        .param("version", String.valueOf(version)))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("REQUESTED");

        mvc.perform(post("/manage/withdraw")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/manage?token=" + token))
                .andExpect(flash().attribute("done", "withdrawn"));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(decision(id)).isEqualTo("WITHDRAWN by patient:" + patient);
        // The time is free again: a front-desk booking takes it.
        assertThat(book(fixture.patient(), fixture.at(day, "11:00"))
                        .stored()
                        .status()
                        .name())
                .isEqualTo("BOOKED");

        mvc.perform(get("/manage").cookie(lang).param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ended)))
                .andExpect(content().string(not(containsString("/manage/withdraw"))));
        mvc.perform(post("/manage/withdraw")
                        .cookie(lang)
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version + 1)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(refused)));
        assertThat(decisionCount(id)).isOne();
    }

    @Test
    void afterApprovalTheLinkManagesTheVisitAndItsWithdrawalIsRefused() throws Exception {
        String email = "req-approved-" + UUID.randomUUID() + "@example.com";
        UUID id = request(patient(email, "en"), fixture.at(day, "12:00"));
        String token = token(receivedBy(email));
        int seen = version(id);

        assertThat(approvals.approve(id, "desk@example.com")).isEqualTo(Approvals.Approval.BOOKED);
        mvc.perform(post("/manage/withdraw").with(csrf()).param("token", token).param("version", String.valueOf(seen)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("no longer waiting")))
                .andExpect(content().string(containsString("Confirm: I will be there")));
        // Even with the current version, a booked visit is no request to withdraw.
        mvc.perform(post("/manage/withdraw")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isConflict());
        assertThat(statusOf(id)).isEqualTo("BOOKED");

        String page = mvc.perform(get("/manage").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm: I will be there")))
                .andExpect(content().string(containsString("/manage/move")))
                .andExpect(content().string(containsString("/manage/cancel")))
                .andExpect(content().string(not(containsString("/manage/withdraw"))))
                .andExpect(content().string(not(containsString("awaits the clinic"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Approved, it is an appointment again by its title.
        assertThat(titleAndHeading(page))
                .containsExactly("Your appointment · " + clinic.shortName(), "Your appointment");
        assertThat(accountLink(page)).isEqualTo("Have an account? Sign in to see all your appointments");
        mvc.perform(post("/manage/confirm")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/manage?token=" + token));
    }

    @ParameterizedTest
    @CsvSource({
        "en, This booking request has ended, Your booking request, Sign in to see your booking requests",
        "es, Esta solicitud de reserva ha terminado, Su solicitud de cita, Inicie sesión para ver sus solicitudes"
    })
    void afterADeclineTheLinkSaysTheRequestEnded(String language, String ended, String title, String account)
            throws Exception {
        String email = "req-declined-" + UUID.randomUUID() + "@example.com";
        UUID id = request(patient(email, language), fixture.at(day, "14:00"));
        String token = token(receivedBy(email));

        approvals.decline(id, "", "desk@example.com");
        String page = mvc.perform(get("/manage")
                        .cookie(new Cookie("relief-lang", language))
                        .param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ended)))
                .andExpect(content().string(containsString("href=\"/book\"")))
                .andExpect(content().string(not(containsString("/manage/withdraw"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Declined, it stays a request that ended: never titled as an appointment.
        assertThat(titleAndHeading(page)).containsExactly(title + " · " + clinic.shortName(), title);
        assertThat(accountLink(page)).contains(account);
    }

    @Test
    void anAlteredLinkIsRefusedAsAnyManageLink() throws Exception {
        String email = "req-altered-" + UUID.randomUUID() + "@example.com";
        UUID id = request(patient(email, "en"), fixture.at(day, "15:00"));
        String token = token(receivedBy(email));

        mvc.perform(get("/manage").param("token", altered(token)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link does not work")));
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
    }

    /** A withdrawal racing an approval: each takes the row lock, so exactly one applies. */
    @Test
    void aWithdrawalRacingAnApprovalEndsWithExactlyOneOfThem() throws Exception {
        for (int round = 0; round < 4; round++) {
            String email = "req-race-" + UUID.randomUUID() + "@example.com";
            UUID patient = patient(email, "en");
            UUID id = request(patient, fixture.at(day, String.format("%02d:00", 9 + 2 * round)));
            int version = version(id);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> withdrawn = pool.submit(attempt(start, () -> requests.withdraw(id, patient, version)));
                Future<Boolean> approved = pool.submit(attempt(start, () -> approvals.approve(id, "desk@example.com")));
                boolean withdrew = withdrawn.get(30, TimeUnit.SECONDS);
                boolean approve = approved.get(30, TimeUnit.SECONDS);
                assertThat(withdrew ^ approve)
                        .as("exactly one of withdraw and approve")
                        .isTrue();
                assertThat(statusOf(id)).isEqualTo(withdrew ? "CANCELLED" : "BOOKED");
                assertThat(decisionCount(id)).isOne();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The page's {@code <title>} and its {@code <h1>}. */
    private static List<String> titleAndHeading(String html) {
        Document page = Jsoup.parse(html);
        return List.of(page.title(), page.select("h1").text());
    }

    /** The text of the page's link to the account's appointments. */
    private static String accountLink(String html) {
        return Jsoup.parse(html).select("main a[href=/account]").text();
    }

    private static Callable<Boolean> attempt(CyclicBarrier start, Runnable change) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            try {
                change.run();
                return true;
            } catch (AppointmentStateConflict lost) {
                return false;
            }
        };
    }

    private UUID patient(String email, String language) {
        return patients.findOrCreate(new NewPatient("Rosa", "Pedida", null, email, null, language))
                .id();
    }

    private UUID request(UUID patientId, Instant start) {
        Patient patient = patients.get(patientId);
        return approvals
                .requestFor(booking, command(patientId, start, Appointment.Source.ONLINE), patient)
                .id();
    }

    private Appointment book(UUID patientId, Instant start) {
        return booking.book(command(patientId, start, Appointment.Source.FRONT_DESK));
    }

    private BookAppointment command(UUID patientId, Instant start, Appointment.Source source) {
        return new BookAppointment(patientId, "swedish", 60, start, Optional.of(therapist), source, null, null);
    }

    private String when(Instant start, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(clinic.zone())
                .format(start);
    }

    /** The text of the one e-mail the SMTP server received for the address. */
    private String receivedBy(String email) throws Exception {
        worker.sendDue();
        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(email))
                .toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        return plainText(received[0]);
    }

    private static String token(String body) {
        Matcher link = MANAGE_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(2);
    }

    private static String altered(String token) {
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int version(UUID id) {
        return jdbc.sql("select version from booking_appointment where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private Instant startsAt(UUID id) {
        return jdbc.sql("select starts_at from booking_appointment where id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private String decision(UUID id) {
        return jdbc.sql(
                        "select decision || ' by ' || decided_by from booking_request_decision where appointment_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int decisionCount(UUID id) {
        List<Integer> counts = jdbc.sql("select count(*) from booking_request_decision where appointment_id = :id")
                .param("id", id)
                .query(Integer.class)
                .list();
        return counts.get(0);
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
