package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistEntry;
import clinic.relief.booking.waitlist.WaitlistOffers;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.mail.OutboxWorker;
import clinic.relief.mail.TestSmtp;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A cancelled time goes to the first waiting patient by e-mail (GreenMail), then to the next if unclaimed. */
@ReliefTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=${relief.test.smtp-port:3025}"})
class WaitlistTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Waitlist waitlist;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;
    UUID first;
    UUID second;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
        first = waiting("Wendy", PartOfDay.MORNING);
        second = waiting("Walt", PartOfDay.ANY);
        worker.sendDue();
        smtp.reset();
    }

    @Test
    void offersACancelledTimeToTheFirstWaitingPatientWhoClaimsIt() throws Exception {
        cancelAt("10:00");

        assertThat(worker.sendDue()).isEqualTo(3); // the booking's confirmation, its cancellation, the offer
        MimeMessage offer = offerMail("Wendy");
        String text = offer.getSubject() + "\n" + offer.getContent();
        assertThat(text).contains("Wendy").doesNotContainIgnoringCase("swedish");

        mvc.perform(get("/waitlist/offer").param("token", token(text)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Book this time")));
        mvc.perform(post("/waitlist/offer").with(csrf()).param("token", token(text)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are booked")));

        assertThat(entryStatus(first)).isEqualTo("BOOKED");
        assertThat(jdbc.sql("select count(*) from booking_appointment where patient_id = :p and status = 'BOOKED'")
                        .param("p", patientOf(first))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // Posted again (the second click of a double click, or the e-mail's link followed once more): the same
        // booking, no second one; once that visit is cancelled the link is used up (WaitlistOfferRaceTests).
        mvc.perform(post("/waitlist/offer").with(csrf()).param("token", token(text)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are booked")));
        assertThat(jdbc.sql("select count(*) from booking_appointment where patient_id = :p and status = 'BOOKED'")
                        .param("p", patientOf(first))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/waitlist/offer").param("token", token(text))).andExpect(status().isGone());
        mvc.perform(get("/waitlist/offer").param("token", "forged")).andExpect(status().isNotFound());
    }

    @Test
    void anUnclaimedOfferExpiresAndGoesToTheNextOneWaiting() throws Exception {
        cancelAt("10:00");
        jdbc.sql("update booking_waitlist_offer set expires_at = :now - interval '1 minute'" + " where entry_id = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", first)
                .update();

        offers.expireDue();
        worker.sendDue();

        assertThat(offerMail("Walt").getAllRecipients()[0].toString()).startsWith("walt-");
        assertThat(entryStatus(first)).isEqualTo("WAITING");
        String expired = token(String.valueOf(offerMail("Wendy").getContent()));
        mvc.perform(post("/waitlist/offer").with(csrf()).param("token", expired))
                .andExpect(status().isGone());
    }

    @Test
    void aTimeTakenMeanwhileIsSaidPolitelyAndThePlaceIsKept() throws Exception {
        cancelAt("10:00");
        worker.sendDue();
        booking.book(new BookAppointment(
                fixture.patient(),
                "swedish",
                60,
                fixture.at(day, "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        mvc.perform(post("/waitlist/offer")
                        .with(csrf())
                        .param("token", token(String.valueOf(offerMail("Wendy").getContent()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You keep your place on the waitlist")));

        assertThat(entryStatus(first)).isEqualTo("WAITING");
    }

    @Test
    void anAfternoonCancellationSkipsTheMorningRequest() {
        cancelAt("14:00");
        worker.sendDue();

        assertThat(recipients()).anyMatch(to -> to.startsWith("walt-")).noneMatch(to -> to.startsWith("wendy-"));
    }

    @Test
    void frontDeskUsesTheWaitlistApi() throws Exception {
        UUID patient = fixture.patient();
        String body = """
                {"service":"swedish","minutes":60,"firstDay":"%s","lastDay":"%s","partOfDay":"MORNING",
                 "therapistId":"%s"}
                """.formatted(day, day.plusDays(3), therapist);
        mvc.perform(post("/api/waitlist")
                        .param("patientId", patient.toString())
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.therapistId").value(therapist.toString()));
        String id = JsonPath.read(
                mvc.perform(get("/api/waitlist")
                                .param("patientId", patient.toString())
                                .with(user("desk").roles("FRONT_DESK")))
                        .andExpect(jsonPath("$[0].serviceId").value("swedish"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[0].id");
        mvc.perform(delete("/api/waitlist/" + id).with(csrf()).with(user("desk").roles("FRONT_DESK")))
                .andExpect(status().isNoContent());
        assertThat(entryStatus(UUID.fromString(id))).isEqualTo("WITHDRAWN");
        mvc.perform(post("/api/waitlist")
                        .with(csrf())
                        .with(user("desk").roles("FRONT_DESK"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("60", "61"))
                        .param("patientId", patient.toString()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/waitlist")
                        .param("patientId", patient.toString())
                        .with(user("t").roles("THERAPIST")))
                .andExpect(status().isForbidden());
    }

    /** A request body without a therapist (or with null) waits for anyone who gives the service. */
    @Test
    void aRequestWithoutATherapistWaitsForAnyone() throws Exception {
        UUID patient = fixture.patient();
        for (String therapistField : List.of("", ",\"therapistId\":null")) {
            String body = """
                    {"service":"swedish","minutes":60,"firstDay":"%s","lastDay":"%s"%s}
                    """.formatted(day, day.plusDays(3), therapistField);
            String id = JsonPath.read(
                    mvc.perform(post("/api/waitlist")
                                    .param("patientId", patient.toString())
                                    .with(csrf())
                                    .with(user("desk").roles("FRONT_DESK"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andExpect(status().isCreated())
                            .andExpect(jsonPath("$.partOfDay").value("ANY"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.id");
            WaitlistEntry entry = waitlist.get(UUID.fromString(id));
            assertThat(entry.therapistId()).as(body).isEmpty();
            assertThat(waitlist.freeTimesFor(entry.id(), 3)).as(body).isNotEmpty();
            // Waiting for anyone, it would take the offers the other tests here expect.
            waitlist.withdraw(entry.id());
        }
    }

    private UUID waiting(String firstName, PartOfDay part) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = patients.findOrCreate(new NewPatient(
                        firstName,
                        "Waiter" + tag,
                        null,
                        firstName.toLowerCase() + "-" + tag + "@example.com",
                        null,
                        "en"))
                .id();
        return waitlist.join(
                        patient, new WaitlistRequest("swedish", 60, day, day.plusDays(1), part, Optional.of(therapist)))
                .id();
    }

    private void cancelAt(String time) {
        Appointment appointment = booking.book(new BookAppointment(
                fixture.patient(),
                "swedish",
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        book.cancel(appointment.id());
    }

    private MimeMessage offerMail(String firstName) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().startsWith(firstName.toLowerCase() + "-")) {
                return message;
            }
        }
        throw new AssertionError("No offer to " + firstName + " among " + recipients());
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(m -> {
                    try {
                        return m.getAllRecipients()[0].toString();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String token(String text) {
        return text.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private String entryStatus(UUID entry) {
        return waitlist.get(entry).status();
    }

    private UUID patientOf(UUID entry) {
        return waitlist.get(entry).patientId();
    }
}
