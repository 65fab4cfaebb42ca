package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.Slot;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.UnknownTherapist;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schedule configuration is kept in memory, so every way it can change must reach the next booking check at
 * once, including changes written straight into the database (another app instance, or a person with psql).
 */
@ReliefTest
class ScheduleConfigurationTests {

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
    UUID therapist;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day().plusDays(9);
        therapist = fixture.therapist("09:00", "17:00");
    }

    @Test
    void hoursChangedInTheDatabaseAreUsedByTheNextCheck() {
        assertThat(starts()).contains(fixture.at(day, "09:00"));
        jdbc.sql("update booking_therapist_hours set starts = '13:00' where therapist_id = :t")
                .param("t", therapist)
                .update();
        assertThat(starts())
                .isNotEmpty()
                .doesNotContain(fixture.at(day, "09:00"))
                .allMatch(start -> !start.isBefore(fixture.at(day, "13:00")));
    }

    @Test
    void timeOffAddedInTheDatabaseIsUsedByTheNextCheck() {
        assertThat(starts()).contains(fixture.at(day, "10:00"));
        jdbc.sql("insert into booking_time_off (id, therapist_id, period) values (:id, :t, tstzrange(:from, :to))")
                .param("id", UUID.randomUUID())
                .param("t", therapist)
                .param("from", utc(fixture.at(day, "00:00")))
                .param("to", utc(fixture.at(day.plusDays(1), "00:00")))
                .update();
        assertThat(starts()).isEmpty();
    }

    @Test
    void aTherapistNoLongerListedCannotBeBookedAtOnce() {
        assertThat(starts()).isNotEmpty();
        jdbc.sql("update staff_account set listed = false where id = :t")
                .param("t", therapist)
                .update();
        assertThatThrownBy(this::starts).isInstanceOf(UnknownTherapist.class);
    }

    @Test
    void onlyChangesThatDecideWhoCanBeBookedMoveTheVersion() {
        long before = version();
        jdbc.sql("update staff_account set password_hash = password_hash where id = :t")
                .param("t", therapist)
                .update();
        assertThat(version()).isEqualTo(before);
        jdbc.sql("update booking_room set active = active").update();
        assertThat(version()).isGreaterThan(before);
    }

    private long version() {
        return jdbc.sql("select version from booking_schedule_version")
                .query(Long.class)
                .single();
    }

    private List<Instant> starts() {
        return booking.availability(SlotSearch.with(therapist, "swedish", 60, day, day)).stream()
                .map(Slot::start)
                .toList();
    }
}
