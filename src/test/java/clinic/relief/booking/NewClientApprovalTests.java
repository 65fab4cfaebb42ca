package clinic.relief.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A clinic that approves new clients first: requests, their e-mails, the front desk's decisions, and the walls. */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class NewClientApprovalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    OnlineHolds holds;

    @Autowired
    Approvals approvals;

    @Autowired
    Waitlist waitlist;

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

    @Autowired
    ClinicProfile clinic;

    BookingFixture fixture;
    LocalDate day;
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void aNewClientsConfirmedBookingWaitsHoldingTheSlotAndIsNotSweptAsAnExpiredHold() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        UUID id = requestOnline(email, "10:00");

        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(kinds(email)).containsExactlyInAnyOrder("VERIFY_BOOKING", "REQUEST_RECEIVED");
        String subject = subject(email, "REQUEST_RECEIVED");
        assertThat(subject).isEqualTo("We received your booking request at " + clinic.shortName());
        assertThat(body(email, "REQUEST_RECEIVED")).contains("Ana").doesNotContain("sciatica");

        jdbc.sql("update booking_online_hold set expires_at = :now - interval '1 minute' where email = :e")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("e", email)
                .update();
        holds.expireDue();
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThatThrownBy(() -> booking.book(rival("10:00"))).isInstanceOf(SlotTaken.class);
        EventsHandled.awaitAll(jdbc);
        assertThat(invoices(id)).isZero();
    }

    @Test
    void approvalBooksSendsTheConfirmationWithItsCalendarFileAndBillingFollows() throws Exception {
        String email = "approve-" + UUID.randomUUID() + "@example.com";
        UUID id = requestOnline(email, "11:00");

        mvc.perform(get("/staff/booking/requests").with(desk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(desk())
                        .with(csrf()))
                .andExpect(redirectedUrl("/staff/booking/requests"));

        assertThat(statusOf(id)).isEqualTo("BOOKED");
        assertThat(kinds(email)).contains("CONFIRMATION", "REMINDER");
        assertThat(jdbc.sql("select attachment_name from booking_outbox where recipient = :e and kind = 'CONFIRMATION'")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .endsWith(".ics");
        assertThat(decision(id)).isEqualTo("APPROVED by desk@example.com");
        EventsHandled.awaitAll(jdbc);
        assertThat(invoices(id)).isEqualTo(1);
    }

    @Test
    void declineFreesTheSlotTellsThePatientPolitelyAndOffersTheWaitlist() throws Exception {
        UUID waiting = fixture.patient();
        waitlist.join(waiting, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)));
        String email = "decline-" + UUID.randomUUID() + "@example.com";
        UUID id = requestOnline(email, "13:00");

        mvc.perform(post("/staff/booking/requests/{id}/decline", id)
                        .with(desk())
                        .with(csrf())
                        .param("reason", "We only see new clients on weekdays after a phone call."))
                .andExpect(redirectedUrl("/staff/booking/requests"));

        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(kinds(email)).doesNotContain("CANCELLATION", "CONFIRMATION").contains("REQUEST_DECLINED");
        assertThat(subject(email, "REQUEST_DECLINED")).isEqualTo("About your booking request at " + clinic.shortName());
        assertThat(body(email, "REQUEST_DECLINED"))
                .contains("after a phone call")
                .contains("sorry");
        assertThat(jdbc.sql("select count(*) from booking_waitlist_offer o join booking_waitlist w on w.id = o.entry_id"
                                + " where w.patient_id = :p")
                        .param("p", waiting)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(booking.book(rival("13:00")).status()).isEqualTo(AppointmentStatus.BOOKED);
        EventsHandled.awaitAll(jdbc);
        assertThat(invoices(id)).isZero();
    }

    @Test
    void aReturningClientAndTheFrontDeskBookAtOnce() throws Exception {
        String email = "back-" + UUID.randomUUID() + "@example.com";
        UUID known = patients.findOrCreate(new NewPatient("Rita", "Returning", null, email, null, "en"))
                .id();
        booking.book(new BookAppointment(
                known,
                "swedish",
                60,
                fixture.at(day.minusDays(1), "09:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        UUID id = confirmOnline(email, "15:00", "/book/done");
        assertThat(statusOf(id)).isEqualTo("BOOKED");

        UUID stranger = fixture.patient();
        Appointment byPhone = booking.book(new BookAppointment(
                stranger,
                "swedish",
                60,
                fixture.at(day, "12:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        assertThat(byPhone.status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aClientWhoseOnlyVisitWasCancelledIsStillNew() throws Exception {
        String email = "gone-" + UUID.randomUUID() + "@example.com";
        UUID known = patients.findOrCreate(new NewPatient("Gina", "Gone", null, email, null, "es"))
                .id();
        Appointment earlier = booking.book(new BookAppointment(
                known,
                "swedish",
                60,
                fixture.at(day.minusDays(1), "10:00"),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        jdbc.sql("update booking_appointment set status = 'CANCELLED' where id = :id")
                .param("id", earlier.id())
                .update();

        UUID id = requestOnline(email, "09:00");

        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(jdbc.sql("select patient_id from booking_appointment where id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(known);
        assertThat(subject(email, "REQUEST_RECEIVED"))
                .isEqualTo("Recibimos su solicitud de reserva en " + clinic.shortName());
    }

    @Test
    void twoConcurrentApprovalsBookOnceAndTheOtherIsRefused() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        UUID id = requestOnline(email, "12:00");

        List<Object> outcomes = Race.run(2, i -> () -> {
            approvals.approve(id, "desk" + i + "@example.com");
            return "approved";
        });

        assertThat(outcomes).filteredOn("approved"::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(AppointmentStateConflict.class::isInstance)
                .hasSize(1);
        assertThat(statusOf(id)).isEqualTo("BOOKED");
        assertThat(kinds(email)).filteredOn("CONFIRMATION"::equals).hasSize(1);
    }

    @Test
    void badDecisionsAreClearRefusalsAndChangeNothing() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        UUID id = requestOnline(email, "14:00");
        String therapistEmail = "t-" + UUID.randomUUID() + "@example.com";

        mvc.perform(post("/staff/booking/requests/{id}/approve", id)
                        .with(csrf())
                        .with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/booking/requests/{id}/decline", id)
                        .with(csrf())
                        .with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/booking/requests").with(user(therapistEmail).roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/booking/requests/{id}/approve", id).with(desk()))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/staff/booking/requests/{id}/decline", id)
                        .with(desk())
                        .with(csrf())
                        .param("reason", "x".repeat(501)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/staff/booking/requests/{id}/approve", UUID.randomUUID())
                        .with(desk())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(decisionCount(id)).isZero();

        UUID booked = booking.book(rival("15:30")).id();
        mvc.perform(post("/staff/booking/requests/{id}/approve", booked)
                        .with(desk())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already approved")));
        mvc.perform(post("/staff/booking/requests/{id}/decline", booked)
                        .with(desk())
                        .with(csrf()))
                .andExpect(status().isConflict());
        assertThat(statusOf(booked)).isEqualTo("BOOKED");
        assertThat(decisionCount(booked)).isZero();
    }

    private UUID requestOnline(String email, String time) throws Exception {
        return confirmOnline(email, time, "/book/requested");
    }

    private UUID confirmOnline(String email, String time, String landing) throws Exception {
        mvc.perform(form(email, time)).andExpect(redirectedUrl("/book/check-email"));
        mvc.perform(post("/book/confirm").with(csrf()).param("token", token(email)))
                .andExpect(redirectedUrl(landing));
        return jdbc.sql("select appointment_id from booking_online_hold where email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private BookAppointment rival(String time) {
        return new BookAppointment(
                fixture.patient(),
                "swedish",
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null);
    }

    private MockHttpServletRequestBuilder form(String email, String time) {
        return visitor(email, "trigger-point:60", fixture.at(day, time) + "|" + therapist)
                .with("conditions", "sciatica")
                .post();
    }

    private static RequestPostProcessor desk() {
        return user("desk@example.com").roles("FRONT_DESK");
    }

    private String token(String email) {
        String body = body(email, "VERIFY_BOOKING");
        return body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private List<String> kinds(String email) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .list();
    }

    private String subject(String email, String kind) {
        return jdbc.sql("select subject from booking_outbox where recipient = :e and kind = :k")
                .param("e", email)
                .param("k", kind)
                .query(String.class)
                .single();
    }

    private String body(String email, String kind) {
        return jdbc.sql("select body from booking_outbox where recipient = :e and kind = :k")
                .param("e", email)
                .param("k", kind)
                .query(String.class)
                .single();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String decision(UUID id) {
        return jdbc.sql(
                        "select decision || ' by ' || decided_by from booking_request_decision where appointment_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int decisionCount(UUID id) {
        return jdbc.sql("select count(*) from booking_request_decision where appointment_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private int invoices(UUID id) {
        return jdbc.sql("select count(*) from billing_invoice where appointment_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
