package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Many requests for one slot at the same moment: PostgreSQL lets exactly one through. */
@ReliefTest
class BookingConcurrencyTests {

    static final int REQUESTS = 50;

    @Autowired
    Booking booking;

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

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        day = fixture.day();
    }

    @Test
    void fiftySimultaneousBookingsOfOneTherapistAndTimeLetExactlyOneWin() throws Exception {
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        Instant start = fixture.at(day, "11:00");

        List<Object> outcomes = race(i -> new BookAppointment(
                fixture.patient(),
                "trigger-point",
                60,
                start,
                Optional.of(therapist),
                Appointment.Source.ONLINE,
                null,
                null));

        assertThat(outcomes)
                .as("outcomes other than a booking or SlotTaken")
                .filteredOn(o -> !(o instanceof Appointment) && !(o instanceof SlotTaken))
                .isEmpty();
        assertThat(outcomes).filteredOn(Appointment.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SlotTaken.class::isInstance).hasSize(REQUESTS - 1);
        assertThat(jdbc.sql(
                                "select count(*) from booking_appointment where therapist_id = :t and status <> 'CANCELLED'")
                        .param("t", therapist)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void fiftySimultaneousBookingsOfTwoTherapistsSharingOneRoomLetExactlyOneWin() throws Exception {
        UUID room = fixture.onlyRooms("Room shared " + UUID.randomUUID()).get(0);
        UUID first = fixture.therapist("09:00", "17:00");
        UUID second = fixture.therapist("09:00", "17:00");
        Instant start = fixture.at(day, "14:00");

        List<Object> outcomes = race(i -> new BookAppointment(
                fixture.patient(),
                "deep-tissue",
                60,
                start,
                Optional.of(i % 2 == 0 ? first : second),
                Appointment.Source.ONLINE,
                null,
                null));

        assertThat(outcomes).filteredOn(Appointment.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SlotTaken.class::isInstance).hasSize(REQUESTS - 1);
        assertThat(jdbc.sql("select count(*) from booking_appointment where room_id = :r")
                        .param("r", room)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void fiftySimultaneousRetriesWithOneIdempotencyKeyBookOnce() throws Exception {
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        UUID patient = fixture.patient();
        String key = UUID.randomUUID().toString();

        List<Object> outcomes = race(i -> new BookAppointment(
                patient,
                "trigger-point",
                60,
                fixture.at(day, "15:00"),
                Optional.of(therapist),
                Appointment.Source.ONLINE,
                null,
                key));

        assertThat(outcomes).allMatch(Appointment.class::isInstance);
        assertThat(outcomes).extracting(o -> ((Appointment) o).id()).containsOnly(((Appointment) outcomes.get(0)).id());
        assertThat(jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                        .param("t", therapist)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** Runs {@link #REQUESTS} bookings released at once; each outcome is the appointment or the exception. */
    private List<Object> race(IntFunction<BookAppointment> commands) throws Exception {
        return Race.run(REQUESTS, i -> {
            BookAppointment command = commands.apply(i);
            return () -> booking.book(command);
        });
    }
}
