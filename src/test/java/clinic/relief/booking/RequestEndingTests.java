package clinic.relief.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request the patient withdraws, one nobody decided that lapses, and each of them racing an approval. */
@ReliefTest
// The sweep off as in LateApprovalTests (no test here needs it): the same properties share one context.
@TestPropertySource(properties = {"relief.booking.new-clients=approve", "relief.booking.requests.sweep-every=1d"})
class RequestEndingTests {

    @Autowired
    Booking booking;

    @Autowired
    Approvals approvals;

    @Autowired
    BookingRequests requests;

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

    @Value("${relief.booking.minimum-notice}")
    Duration notice;

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
    void aRequestNobodyDecidedLapsesAtItsStartMinusTheNoticeFreesTheSlotAndTellsThePatient() {
        UUID waiting = fixture.patient();
        waitlist.join(waiting, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)));
        Patient ana = newClient("en");
        UUID id = request(ana, "10:00");
        Instant lapsesAt = fixture.at(day, "10:00").minus(notice);

        assertThat(requests.lapseDue(lapsesAt.minusSeconds(60))).isZero();
        assertThat(statusOf(id)).isEqualTo("REQUESTED");

        assertThat(requests.lapseDue(lapsesAt)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(decision(id)).isEqualTo("LAPSED by system");
        assertThat(mail(ana, "subject")).isEqualTo("About your booking request at " + clinic.shortName());
        assertThat(mail(ana, "body"))
                .contains("Ana")
                .contains("could not confirm")
                .doesNotContain("Swedish");
        assertThat(offersTo(waiting)).isEqualTo(1);
        assertThat(booking.book(rival("10:00")).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(requests.lapseDue(lapsesAt.plusSeconds(3600))).isZero();
    }

    @Test
    void theLapsedLetterIsInThePatientsLanguage() {
        Patient ines = newClient("es");
        UUID id = request(ines, "11:00");
        requests.lapseDue(fixture.at(day, "11:00"));

        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(mail(ines, "subject")).isEqualTo("Sobre su solicitud de reserva en " + clinic.shortName());
        assertThat(mail(ines, "body")).contains("no pudimos confirmarla a tiempo");
    }

    @Test
    void thePatientWithdrawsTheirOwnRequestAndNobodyElseCan() {
        UUID waiting = fixture.patient();
        waitlist.join(waiting, new WaitlistRequest("swedish", 60, day, day, PartOfDay.ANY, Optional.of(therapist)));
        Patient ana = newClient("en");
        UUID id = request(ana, "12:00");

        assertThatThrownBy(() -> requests.withdraw(id, fixture.patient())).isInstanceOf(UnknownAppointment.class);
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(offersTo(waiting)).isZero();

        requests.withdraw(id, ana.id());
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(decision(id)).isEqualTo("WITHDRAWN by patient:" + ana.id());
        assertThat(offersTo(waiting)).isEqualTo(1);
        assertThatThrownBy(() -> requests.withdraw(id, ana.id())).isInstanceOf(AppointmentStateConflict.class);
        assertThatThrownBy(() -> approvals.approve(id, "desk@example.com"))
                .isInstanceOf(AppointmentStateConflict.class);
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
    }

    @Test
    void aWithdrawalRacingAnApprovalEndsWithExactlyOneOfThem() throws Exception {
        Patient ana = newClient("en");
        UUID id = request(ana, "13:00");

        List<Object> outcomes = Race.run(2, i -> () -> {
            if (i == 0) {
                approvals.approve(id, "desk@example.com");
                return "BOOKED";
            }
            requests.withdraw(id, ana.id());
            return "CANCELLED";
        });

        assertThat(outcomes)
                .filteredOn(AppointmentStateConflict.class::isInstance)
                .hasSize(1);
        assertThat(outcomes).filteredOn(String.class::isInstance).containsExactly(statusOf(id));
        assertThat(decisionCount(id)).isEqualTo(1);
    }

    @Test
    void aLapseRacingAnApprovalEndsWithExactlyOneOfThem() throws Exception {
        Patient ana = newClient("en");
        UUID id = request(ana, "14:00");

        List<Object> outcomes =
                Race.run(2, i -> () -> i == 0 ? approveOrConflict(id) : requests.lapseDue(fixture.at(day, "14:00")));

        boolean approved = outcomes.contains("approved");
        assertThat(outcomes).containsExactlyInAnyOrder(approved ? "approved" : "refused", approved ? 0 : 1);
        assertThat(statusOf(id)).isEqualTo(approved ? "BOOKED" : "CANCELLED");
        assertThat(decisionCount(id)).isEqualTo(1);
        assertThat(kinds(ana))
                .filteredOn(k -> k.equals("CONFIRMATION") || k.equals("REQUEST_LAPSED"))
                .hasSize(1);
    }

    private Object approveOrConflict(UUID id) {
        try {
            approvals.approve(id, "desk@example.com");
            return "approved";
        } catch (AppointmentStateConflict lapsedFirst) {
            return "refused";
        }
    }

    private Patient newClient(String language) {
        String email = "req-" + UUID.randomUUID() + "@example.com";
        return patients.findOrCreate(new NewPatient("Ana", "Reyes", null, email, null, language));
    }

    private UUID request(Patient patient, String time) {
        Appointment appointment = approvals.bookOrRequest(
                booking,
                new BookAppointment(
                        patient.id(),
                        "swedish",
                        60,
                        fixture.at(day, time),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null));
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.REQUESTED);
        return appointment.id();
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

    private String statusOf(UUID id) {
        return jdbc.sql("select status from booking_appointment where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String decision(UUID id) {
        return jdbc.sql("select decision || ' by ' || decided_by from booking_request_decision"
                        + " where appointment_id = :id")
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

    private String mail(Patient patient, String column) {
        return jdbc.sql("select " + column + " from booking_outbox where recipient = :e and kind = 'REQUEST_LAPSED'")
                .param("e", patient.email())
                .query(String.class)
                .single();
    }

    private List<String> kinds(Patient patient) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e")
                .param("e", patient.email())
                .query(String.class)
                .list();
    }

    private int offersTo(UUID patient) {
        return jdbc.sql("select count(*) from booking_waitlist_offer o join booking_waitlist w on w.id = o.entry_id"
                        + " where w.patient_id = :p")
                .param("p", patient)
                .query(Integer.class)
                .single();
    }
}
