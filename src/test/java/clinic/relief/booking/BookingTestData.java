package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.springframework.context.ApplicationContext;

/** {@link BookingFixture} for other modules' tests, which cannot see booking's package-private beans. */
public final class BookingTestData {

    private final BookingFixture fixture;

    public BookingTestData(ApplicationContext context) {
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

    public Instant at(LocalDate day, String time) {
        return fixture.at(day, time);
    }
}
