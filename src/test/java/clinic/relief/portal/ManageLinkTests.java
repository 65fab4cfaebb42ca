package clinic.relief.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.mail.LetterWriter;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manage link in every appointment e-mail: it opens that one appointment without signing in, to confirm, cancel
 * (fee first) or move it; a stale page, a taken time, an altered or expired link change nothing.
 */
@ReliefTest
class ManageLinkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    @Autowired
    ApplicationContext context;

    @Autowired
    List<LetterWriter> writers;

    @Autowired
    TransactionTemplate transactions;

    BookingTestData data;
    UUID therapist;
    String email;
    UUID patient;

    @BeforeEach
    void setUp() {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
        email = "manage-" + UUID.randomUUID() + "@example.com";
        patient = patients.findOrCreate(new NewPatient("Mia", "Manage", null, email, null, "en"))
                .id();
    }

    @Test
    void everyLetterButTheCancellationCarriesALinkStoredOnlyHashed() throws Exception {
        UUID id = book(data.at(data.day(), "10:00"));
        String token = token(id, "CONFIRMATION");

        assertThat(storedAsIs(token)).isZero();
        assertThat(linksOf(id)).isOne();

        // The reminder is written when it leaves, with a link of its own to the same appointment.
        String reminder = transactions
                .execute(tx -> reminders().write("REMINDER", id))
                .orElseThrow()
                .body();
        String reminderToken = tokenIn(reminder);
        assertThat(reminderToken).isNotEqualTo(token);
        assertThat(storedAsIs(reminderToken)).isZero();
        assertThat(linksOf(id)).isEqualTo(2);
        mvc.perform(get("/manage").param("token", reminderToken))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm: I will be there")));
    }

    private LetterWriter reminders() {
        return writers.stream()
                .filter(writer -> writer.kinds().contains("REMINDER"))
                .findFirst()
                .orElseThrow();
    }

    private int storedAsIs(String token) {
        return jdbc.sql("select count(*) from booking_manage_link where token_hash = :t")
                .param("t", token)
                .query(Integer.class)
                .single();
    }

    private int linksOf(UUID appointment) {
        return jdbc.sql("select count(*) from booking_manage_link where appointment_id = :id")
                .param("id", appointment)
                .query(Integer.class)
                .single();
    }

    @Test
    void confirmsOnceFromThePageItShowed() throws Exception {
        UUID id = book(data.at(data.day(), "10:00"));
        String token = token(id, "CONFIRMATION");
        int version = version(id);

        mvc.perform(get("/manage").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm: I will be there")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(post("/manage/confirm")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/manage?token=" + token));
        assertThat(row(id, "patient_confirmed_at")).isNotNull();
        mvc.perform(get("/manage").param("token", token))
                .andExpect(content().string(containsString("You have confirmed this appointment")));

        // The same page posted again is stale: 409, and nothing more is written.
        mvc.perform(post("/manage/confirm")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Nothing changed")));
        assertThat(version(id)).isEqualTo(version + 1);
    }

    @Test
    void cancelsWithTheTermsShownFirst() throws Exception {
        UUID id = book(data.at(data.day(), "11:00"));
        String token = token(id, "CONFIRMATION");

        mvc.perform(get("/manage/cancel").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancelling now is free")));
        mvc.perform(post("/manage/cancel")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/manage?token=" + token));

        assertThat(row(id, "status")).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from booking_outbox where appointment_id = :id and kind = 'CANCELLATION'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isOne();
        mvc.perform(get("/manage").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancelled")))
                .andExpect(content().string(not(containsString("/manage/move"))));
    }

    @Test
    void movesToAFreeTimeAndRefusesATakenOneWithItsReason() throws Exception {
        UUID id = book(data.at(data.day(), "09:00"));
        String token = token(id, "CONFIRMATION");
        Instant taken = data.at(data.day(), "13:00");
        UUID other = patients.findOrCreate(
                        new NewPatient("Oz", "Other", null, "other-" + UUID.randomUUID() + "@example.com", null, "en"))
                .id();
        booking.book(new BookAppointment(
                other, "swedish", 60, taken, Optional.of(therapist), Appointment.Source.ONLINE, null, null));

        mvc.perform(post("/manage/move")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id)))
                        .param("slot", taken + "|" + therapist))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("taken")));
        assertThat(startsAt(id, data.at(data.day(), "09:00"))).isTrue();

        Instant free = data.at(data.day(), "15:00");
        mvc.perform(get("/manage/move")
                        .param("token", token)
                        .param("date", data.day().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(free + "|" + therapist)))
                // Only the chosen therapist's times, each naming them: a move never changes who the patient sees.
                .andExpect(content()
                        .string(not(matchesRegex("(?s).*value=\"[^\"|]+\\|(?!" + therapist + ")[0-9a-f-]{36}\".*"))));
        mvc.perform(post("/manage/move")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id)))
                        .param("slot", free + "|" + therapist))
                .andExpect(redirectedUrl("/manage?token=" + token));
        assertThat(startsAt(id, free)).isTrue();
        // The change letter carries a link of its own.
        assertThat(token(id, "CHANGE")).isNotEqualTo(token);
    }

    @Test
    void theMovePageOffersTheTherapistsNextFreeDaysWhenTheComingOnesHaveNone() throws Exception {
        LocalDate back = data.day().plusDays(2);
        UUID id = book(data.at(back.plusDays(3), "10:00"));
        String token = token(id, "CONFIRMATION");
        // The therapist is away from now until midnight of `back`: the three days from today hold none of their times.
        jdbc.sql("insert into booking_time_off (id, therapist_id, period) values (:id, :t, tstzrange(:from, :to))")
                .param("id", UUID.randomUUID())
                .param("t", therapist)
                .param(
                        "from",
                        OffsetDateTime.ofInstant(context.getBean(Clock.class).instant(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(data.at(back, "00:00"), ZoneOffset.UTC))
                .update();

        mvc.perform(get("/manage/move").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("No free times"))))
                .andExpect(content().string(containsString(data.at(back, "12:00") + "|" + therapist)));
    }

    @Test
    void anAlteredOrExpiredLinkSaysSoAndChangesNothing() throws Exception {
        UUID id = book(data.at(data.day(), "12:00"));
        String token = token(id, "CONFIRMATION");
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        mvc.perform(get("/manage").param("token", altered))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Nothing was changed")));
        mvc.perform(post("/manage/cancel")
                        .with(csrf())
                        .param("token", altered)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isNotFound());
        assertThat(row(id, "status")).isEqualTo("BOOKED");

        BookingTestData.moveBack(jdbc, id, 30);
        mvc.perform(get("/manage").param("token", token).header("Accept-Language", "es"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("No se ha cambiado nada")));
        mvc.perform(post("/manage/cancel")
                        .with(csrf())
                        .param("token", token)
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isGone());
        assertThat(row(id, "status")).isEqualTo("BOOKED");
    }

    private UUID book(Instant start) {
        return booking.book(new BookAppointment(
                        patient, "swedish", 60, start, Optional.of(therapist), Appointment.Source.ONLINE, null, null))
                .id();
    }

    /** The manage link's token in the newest letter of this kind about the appointment. */
    private String token(UUID id, String kind) {
        List<String> bodies = jdbc.sql("select body from booking_outbox where appointment_id = :id and kind = :k"
                        + " order by created_at desc")
                .param("id", id)
                .param("k", kind)
                .query(String.class)
                .list();
        return tokenIn(bodies.get(0));
    }

    private static String tokenIn(String body) {
        assertThat(body).contains("/manage?token=");
        return body.replaceAll("(?s).*/manage\\?token=([A-Za-z0-9_-]+).*", "$1");
    }

    private int version(UUID id) {
        return Integer.parseInt(row(id, "version"));
    }

    private boolean startsAt(UUID id, Instant start) {
        return jdbc.sql("select starts_at = :s from booking_appointment where id = :id")
                .param("id", id)
                .param("s", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }

    private String row(UUID id, String column) {
        return jdbc.sql("select " + column + "::text from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
