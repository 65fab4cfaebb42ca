package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.store.Appointments;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A couples massage holds two therapists and one room, both or neither, and PostgreSQL keeps the second therapist
 * from being double-booked as surely as the first, however the requests race.
 */
@ReliefTest
class CouplesBookingTests {

    static final int REQUESTS = 50;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Appointments appointments;

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
    UUID first;
    UUID second;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        day = fixture.day();
        fixture.onlyRooms("Couples room " + UUID.randomUUID(), "Other room " + UUID.randomUUID());
        first = fixture.therapist("09:00", "17:00");
        second = fixture.therapist("09:00", "17:00");
    }

    @Test
    void fiftyClientsForOneCouplesSlotBookExactlyOneHoldingTwoTherapistsAndOneRoom() throws Exception {
        Instant start = fixture.at(day, "11:00");

        // Half name both therapists, half only the first and take whoever else is free.
        List<Object> outcomes = Race.run(REQUESTS, i -> {
            BookAppointment command = couples(fixture.patient(), start, i % 2 == 0 ? Optional.of(second) : none());
            return () -> booking.book(command);
        });

        assertThat(outcomes)
                .as("outcomes other than a booking or SlotTaken")
                .filteredOn(o -> !(o instanceof Appointment) && !(o instanceof SlotTaken))
                .isEmpty();
        assertThat(outcomes).filteredOn(Appointment.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SlotTaken.class::isInstance).hasSize(REQUESTS - 1);
        Appointment.Stored won = outcomes.stream()
                .filter(Appointment.class::isInstance)
                .map(o -> ((Appointment) o).stored())
                .findFirst()
                .orElseThrow();
        assertThat(won.therapistId()).isEqualTo(first);
        assertThat(won.secondTherapistId()).isPresent().get().isNotEqualTo(first);
        assertThat(won.roomId()).isNotNull();
        assertThat(heldBy(first, start)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from booking_therapist_time where appointment_id = :id")
                        .param("id", won.id())
                        .query(Integer.class)
                        .single())
                .as("both therapists' time is held in the table PostgreSQL checks")
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) from booking_appointment where room_id = :room and starts_at = :start
                        and status <> 'CANCELLED'""")
                        .param("room", won.roomId())
                        .param("start", utc(start))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void couplesBookingsRacingSingleBookingsOfTheSecondTherapistNeverOverlap() throws Exception {
        Instant start = fixture.at(day, "14:00");

        // Even clients book the couples massage with both therapists, odd ones a single session with the second.
        List<Object> outcomes = Race.run(REQUESTS, i -> {
            BookAppointment command = i % 2 == 0
                    ? couples(fixture.patient(), start, Optional.of(second))
                    : single(fixture.patient(), second, start);
            return () -> booking.book(command);
        });

        assertThat(outcomes)
                .as("outcomes other than a booking or SlotTaken")
                .filteredOn(o -> !(o instanceof Appointment) && !(o instanceof SlotTaken))
                .isEmpty();
        assertThat(outcomes).filteredOn(Appointment.class::isInstance).hasSize(1);
        assertThat(heldBy(second, start))
                .as("appointments holding the second therapist")
                .isEqualTo(1);
        Appointment.Stored won = outcomes.stream()
                .filter(Appointment.class::isInstance)
                .map(o -> ((Appointment) o).stored())
                .findFirst()
                .orElseThrow();
        // Either the couples massage won (and holds both) or a single session did (and the first stays free).
        if (won.serviceId().equals("couples")) {
            assertThat(won.secondTherapistId()).contains(second);
            assertThat(heldBy(first, start)).isEqualTo(1);
        } else {
            assertThat(won.therapistId()).isEqualTo(second);
            assertThat(heldBy(first, start)).isZero();
        }
    }

    @Test
    void theDatabaseRefusesASecondTherapistWhoIsHeldElsewhereWhateverTheirRole() {
        Instant start = fixture.at(day, "10:00");
        booking.book(single(fixture.patient(), second, start));

        // Written past every check in Java: only the exclusion constraint stands in the way.
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into booking_appointment (id, patient_id, therapist_id, second_therapist_id, room_id,
                            service_id, minutes, starts_at, ends_at, blocked_until, status, source, created_at)
                        values (:id, :patient, :first, :second, null, 'couples', 60, :start, :ends, :ends, 'BOOKED',
                            'FRONT_DESK', :start)""")
                        .param("id", UUID.randomUUID())
                        .param("patient", fixture.patient())
                        .param("first", first)
                        .param("second", second)
                        .param("start", utc(start.plusSeconds(1800)))
                        .param("ends", utc(start.plusSeconds(5400)))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("booking_therapist_time_free");
    }

    @Test
    void theSecondTherapistOfACouplesMassageCannotBeBookedAloneThen() {
        Instant start = fixture.at(day, "09:00");
        booking.book(couples(fixture.patient(), start, Optional.of(second)));

        assertThatThrownBy(() -> booking.book(single(fixture.patient(), second, start.plusSeconds(1800))))
                .isInstanceOf(SlotTaken.class);
        assertThat(booking.availability(SlotSearch.with(second, "trigger-point", 60, day, day)))
                .noneMatch(slot -> slot.start().isBefore(start.plusSeconds(3600 + 1800))
                        && slot.start().plusSeconds(3600).isAfter(start));
    }

    @Test
    void cancellingACouplesMassageFreesBothTherapists() {
        Instant start = fixture.at(day, "12:00");
        Appointment couples = booking.book(couples(fixture.patient(), start, Optional.of(second)));

        book.cancel(couples.id());

        assertThat(booking.book(single(fixture.patient(), first, start)).status())
                .isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booking.book(single(fixture.patient(), second, start)).status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void reschedulingACouplesMassageMovesBothTherapists() {
        Instant start = fixture.at(day, "15:00");
        Instant later = fixture.at(day.plusDays(1), "10:00");
        Appointment couples = booking.book(couples(fixture.patient(), start, Optional.of(second)));
        Optional<UUID> heldSecond = couples.stored().secondTherapistId();

        book.reschedule(couples.id(), later, first);

        Appointment.Stored moved = appointments.find(couples.id()).orElseThrow().stored();
        assertThat(moved.start()).isEqualTo(later);
        // The couple keep the second therapist they had, who is free then too.
        assertThat(moved.secondTherapistId()).isEqualTo(heldSecond);
        assertThat(heldBy(first, later)).isEqualTo(1);
        assertThat(heldBy(moved.secondTherapistId().get(), later)).isEqualTo(1);
        assertThat(heldBy(first, start)).isZero();
        assertThat(heldBy(heldSecond.orElseThrow(), start)).isZero();
    }

    @Test
    void aMoveToATimeTheSecondTherapistIsBusyTakesAnotherFreeTherapist() {
        UUID third = fixture.therapist("09:00", "17:00");
        Instant start = fixture.at(day, "15:00");
        Instant later = fixture.at(day.plusDays(1), "11:00");
        Appointment couples = booking.book(couples(fixture.patient(), start, Optional.of(second)));
        booking.book(single(fixture.patient(), second, later));

        book.reschedule(couples.id(), later, first);

        Appointment.Stored moved = appointments.find(couples.id()).orElseThrow().stored();
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.secondTherapistId()).isPresent().isNotEqualTo(Optional.of(second));
        assertThat(heldBy(moved.secondTherapistId().get(), later)).isEqualTo(1);
        assertThat(heldBy(second, later)).isEqualTo(1);
        assertThat(third).isNotNull();
    }

    @Test
    void showsTheCouplesMassageOnBothTherapistsDaysWithBothNames() {
        Instant start = fixture.at(day, "13:00");
        Appointment couples = booking.book(couples(fixture.patient(), start, Optional.of(second)));

        for (UUID therapist : List.of(first, second)) {
            assertThat(book.day(day, therapist))
                    .filteredOn(a -> a.id().equals(couples.id()))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.therapists()).extracting(Therapist::id).containsExactly(first, second);
                        assertThat(a.therapistNames()).contains(" & ");
                    });
        }
    }

    @Test
    void refusesASecondTherapistForAServiceOneTherapistGives() {
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        fixture.patient(),
                        "trigger-point",
                        60,
                        fixture.at(day, "13:00"),
                        Optional.of(first),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null,
                        Optional.of(second))))
                .isInstanceOf(SlotNotOffered.class);
        assertThat(heldBy(first, fixture.at(day, "13:00"))).isZero();
    }

    /** How many appointments that are not cancelled hold {@code therapist} (in either role) at {@code instant}. */
    private int heldBy(UUID therapist, Instant instant) {
        return jdbc.sql("""
                        select count(*) from booking_therapist_time
                        where therapist_id = :t and held @> cast(:at as timestamptz)""")
                .param("t", therapist)
                .param("at", utc(instant))
                .query(Integer.class)
                .single();
    }

    private BookAppointment couples(UUID patient, Instant start, Optional<UUID> withSecond) {
        return new BookAppointment(
                patient,
                "couples",
                60,
                start,
                Optional.of(first),
                Appointment.Source.FRONT_DESK,
                null,
                null,
                withSecond);
    }

    private static BookAppointment single(UUID patient, UUID therapist, Instant start) {
        return new BookAppointment(
                patient, "trigger-point", 60, start, Optional.of(therapist), Appointment.Source.FRONT_DESK, null, null);
    }

    private static Optional<UUID> none() {
        return Optional.empty();
    }
}
