package clinic.relief.portal;

import java.time.Clock;
import java.time.Duration;
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
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The manage link's move page for a visit less than a day away says it cannot be moved online, and offers no pick. */
@ReliefTest
class ManageMoveLateTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Test
    void aVisitLessThanADayAwayShowsNoPickANewTimeHeading() throws Exception {
        BookingTestData data = new BookingTestData(context);
        UUID therapist = data.therapistWithOwnRoom("00:00", "23:45");
        UUID patient = patients.findOrCreate(
                        new NewPatient("Lea", "Late", null, "late-" + UUID.randomUUID() + "@example.com", null, "en"))
                .id();
        UUID id = booking.book(new BookAppointment(
                        patient,
                        "swedish",
                        60,
                        data.at(data.day(), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null))
                .id();
        String token = token(id);
        // Three hours from now: inside the 24-hour window.
        jdbc.sql("""
                update booking_appointment set starts_at = :s, ends_at = :s + (ends_at - starts_at),
                    blocked_until = :s + (blocked_until - starts_at)
                where id = :id""")
                .param("s", OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofHours(3)), ZoneOffset.UTC))
                .param("id", id)
                .update();

        Document en = page(token, "en");
        assertThat(en.text()).contains("can no longer be changed online").doesNotContain("Pick a new time");
        assertThat(en.select("form[action=/manage/move][method=post]")).isEmpty();
        Document es = page(token, "es");
        assertThat(es.text()).contains("Ahora:").doesNotContain("Elija una nueva hora");
    }

    private Document page(String token, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get("/manage/move").param("token", token).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private String token(UUID id) {
        List<String> bodies = jdbc.sql("select body from booking_outbox where appointment_id = :id"
                        + " and kind = 'CONFIRMATION' order by created_at desc")
                .param("id", id)
                .query(String.class)
                .list();
        return bodies.get(0).replaceAll("(?s).*/manage\\?token=([A-Za-z0-9_-]+).*", "$1");
    }
}
