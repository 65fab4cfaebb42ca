package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BookingFixture} for other modules' tests, which cannot see booking's package-private beans. */
public final class BookingTestData {

    private final BookingFixture fixture;
    private final JdbcClient jdbc;

    public BookingTestData(ApplicationContext context) {
        jdbc = context.getBean(JdbcClient.class);
        fixture = new BookingFixture(
                context.getBean(Staff.class),
                context.getBean(ScheduleAdmin.class),
                context.getBean(Patients.class),
                context.getBean(Clock.class));
    }

    /** A new room as the only active one, and a therapist working {@code from}-{@code to} every day. */
    public UUID therapistWithOwnRoom(String from, String to) {
        fixture.onlyRooms("Room " + UUID.randomUUID());
        return fixture.therapist(from, to);
    }

    public LocalDate day() {
        return fixture.day();
    }

    /**
     * Moves an appointment {@code days} days earlier by hand, so that its session has begun (booking never books the
     * past, and a visit is completed only from its start). Two appointments moved by the same number of days keep
     * their order and never overlap.
     */
    public void moveBack(UUID appointmentId, int days) {
        moveBack(jdbc, appointmentId, days);
    }

    public static void moveBack(JdbcClient jdbc, UUID appointmentId, int days) {
        jdbc.sql("""
                update booking_appointment set starts_at = starts_at - make_interval(days => :days),
                    ends_at = ends_at - make_interval(days => :days),
                    blocked_until = blocked_until - make_interval(days => :days)
                where id = :id""").param("days", days).param("id", appointmentId).update();
    }

    public Instant at(LocalDate day, String time) {
        return fixture.at(day, time);
    }
}
