package clinic.relief.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
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

@ReliefTest
class BookingIntegrationTests {

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

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
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        day = fixture.day();
    }

    @Test
    void booksAnOfferedSlotAndHoldsTheTherapistForBothSessionsAndBuffers() {
        UUID therapist = fixture.therapist("09:00", "17:00");

        Appointment appointment = booking.book(command(fixture.patient(), therapist, "10:00", null));

        assertThat(appointment.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booking.availability(SlotSearch.with(therapist, "trigger-point", 60, day, day)))
                .extracting(Slot::start)
                .first()
                .isEqualTo(fixture.at(day, "11:15"));
    }

    @Test
    void refusesAStartThatIsNotOffered() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        UUID patient = fixture.patient();

        assertThatThrownBy(() -> booking.book(command(patient, therapist, "10:05", null)))
                .isInstanceOf(SlotNotOffered.class);
        assertThatThrownBy(() -> booking.book(command(patient, therapist, "08:00", null)))
                .isInstanceOf(SlotNotOffered.class);
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        fixture.at(day.minusDays(10), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null)))
                .isInstanceOf(SlotNotOffered.class);
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        patient,
                        "trigger-point",
                        60,
                        fixture.at(day.plusDays(90), "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null)))
                .isInstanceOf(SlotNotOffered.class);
        assertThat(count(therapist)).isZero();
    }

    @Test
    void refusesAnUnknownServiceOrLength() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        UUID patient = fixture.patient();

        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        patient,
                        "reiki",
                        60,
                        fixture.at(day, "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null)))
                .isInstanceOf(UnknownService.class);
        assertThatThrownBy(() -> booking.book(new BookAppointment(
                        patient,
                        "prenatal",
                        30,
                        fixture.at(day, "10:00"),
                        Optional.of(therapist),
                        Appointment.Source.ONLINE,
                        null,
                        null)))
                .isInstanceOf(UnknownLength.class);
        assertThatThrownBy(() -> booking.book(command(patient, UUID.randomUUID(), "10:00", null)))
                .isInstanceOf(UnknownTherapist.class);
    }

    @Test
    void returnsTheFirstResultForARetryWithTheSameIdempotencyKey() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        UUID patient = fixture.patient();
        String key = UUID.randomUUID().toString();

        Appointment first = booking.book(command(patient, therapist, "10:00", key));
        Appointment retry = booking.book(command(patient, therapist, "10:00", key));

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(count(therapist)).isEqualTo(1);
    }

    @Test
    void refusesASecondBookingOfTheSameTherapistWithAlternatives() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        booking.book(command(fixture.patient(), therapist, "10:00", null));

        assertThatThrownBy(() -> booking.book(command(fixture.patient(), therapist, "10:00", null)))
                .isInstanceOfSatisfying(
                        SlotTaken.class,
                        taken -> assertThat(taken.alternatives())
                                .extracting(Slot::start)
                                .contains(fixture.at(day, "11:15")));
    }

    @Test
    void databaseRefusesOverlapsWrittenAroundTheApplication() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        booking.book(command(fixture.patient(), therapist, "10:00", null));

        assertThatThrownBy(() -> jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :patient, :therapist, 'swedish', 30, :start, :start + interval '30 minutes',
                    :start + interval '30 minutes', 'BOOKED', 'FRONT_DESK', :now)
                """)
                        .param("now", utc(clock.instant()))
                        .param("id", UUID.randomUUID())
                        .param("patient", fixture.patient())
                        .param("therapist", therapist)
                        .param("start", utc(fixture.at(day, "11:05")))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("booking_therapist_free");
    }

    @Test
    void refusesOverlappingAppointmentsForTheSamePatientAsTheirOwnClash() {
        UUID patient = fixture.patient();
        booking.book(command(patient, fixture.therapist("09:00", "17:00"), "10:00", null));

        assertThatThrownBy(() -> booking.book(command(patient, fixture.therapist("09:00", "17:00"), "10:30", null)))
                .isInstanceOf(PatientAlreadyBooked.class);
    }

    @Test
    void recordsTheLateCancelFeeOfTheServiceInsideItsWindow() {
        UUID therapist = fixture.therapist("00:00", "23:45");
        LocalDate today = LocalDate.ofInstant(clock.instant(), BookingFixture.LA);
        Slot soon = booking.availability(SlotSearch.with(therapist, "trigger-point", 60, today, today.plusDays(1)))
                .get(0);
        Appointment appointment = booking.book(new BookAppointment(
                fixture.patient(),
                "trigger-point",
                60,
                soon.start(),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null));

        assertThat(book.cancel(appointment.id()).amount()).isEqualByComparingTo("55.00");
        assertThat(book.get(appointment.id()).feeReason()).isEqualTo(Appointment.FeeReason.LATE_CANCEL);
    }

    @Test
    void cancelsWithoutFeeOutsideTheWindowAndFreesTheSlot() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        Appointment appointment = booking.book(command(fixture.patient(), therapist, "10:00", null));

        assertThat(book.cancel(appointment.id()).amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(booking.book(command(fixture.patient(), therapist, "10:00", null))
                        .status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void walksThroughCheckInAndCompletion() {
        Appointment appointment =
                booking.book(command(fixture.patient(), fixture.therapist("09:00", "17:00"), "10:00", null));
        BookingTestData.moveBack(jdbc, appointment.id(), 4);

        book.checkIn(appointment.id());
        book.complete(appointment.id());

        assertThat(book.get(appointment.id()).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThatThrownBy(() -> book.cancel(appointment.id()))
                .isInstanceOf(AppointmentStateConflict.class)
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void refusesANoShowBeforeTheStart() {
        Appointment appointment =
                booking.book(command(fixture.patient(), fixture.therapist("09:00", "17:00"), "10:00", null));

        assertThatThrownBy(() -> book.markNoShow(appointment.id())).isInstanceOf(AppointmentStateConflict.class);
    }

    @Test
    void reschedulesToAFreeSlotAndRefusesToRescheduleACancelledOne() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        Appointment appointment = booking.book(command(fixture.patient(), therapist, "10:00", null));

        book.reschedule(appointment.id(), fixture.at(day, "10:30"), therapist);
        assertThat(book.get(appointment.id()).start()).isEqualTo(fixture.at(day, "10:30"));

        book.cancel(appointment.id());
        assertThatThrownBy(() -> book.reschedule(appointment.id(), fixture.at(day, "14:00"), therapist))
                .isInstanceOf(AppointmentStateConflict.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void keepsPatientsCancelledAppointmentsButFreesTheirTime() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        Appointment appointment = booking.book(command(fixture.patient(), therapist, "12:00", null));
        book.cancel(appointment.id());

        assertThat(book.day(day, therapist))
                .singleElement()
                .extracting(AppointmentView::status)
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    private BookAppointment command(UUID patient, UUID therapist, String time, String key) {
        return new BookAppointment(
                patient,
                "trigger-point",
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                key);
    }

    private int count(UUID therapist) {
        return jdbc.sql("select count(*) from booking_appointment where therapist_id = :t")
                .param("t", therapist)
                .query(Integer.class)
                .single();
    }
}
