package clinic.relief.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;

/** Test data with sensible defaults: therapists working every day, rooms, patients, and a day to book on. */
public class BookingFixture {

    public static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private final Staff staff;
    private final ScheduleAdmin admin;
    private final Patients patients;
    private final Clock clock;

    public BookingFixture(Staff staff, ScheduleAdmin admin, Patients patients, Clock clock) {
        this.staff = staff;
        this.admin = admin;
        this.patients = patients;
        this.clock = clock;
    }

    /** A new listed therapist working {@code from}-{@code to} every day and giving every service. */
    public UUID therapist(String from, String to) {
        String email = "therapist-" + UUID.randomUUID() + "@example.com";
        UUID id = staff.createOrUpdate(new NewStaffMember(
                        email,
                        "Therapist " + email.substring(10, 14),
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        true))
                .id();
        List<WeeklyTime> hours = Arrays.stream(DayOfWeek.values())
                .map(day -> new WeeklyTime(day, LocalTime.parse(from), LocalTime.parse(to)))
                .toList();
        admin.schedule(
                id,
                hours,
                List.of(),
                List.of("trigger-point", "deep-tissue", "swedish", "sports", "prenatal", "couples"));
        return id;
    }

    public UUID therapistEmail(String email) {
        UUID id = staff.createOrUpdate(new NewStaffMember(
                        email,
                        "Therapist T",
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        true))
                .id();
        admin.schedule(
                id,
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new WeeklyTime(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                        .toList(),
                List.of(),
                List.of("trigger-point", "swedish"));
        return id;
    }

    /** Makes the named rooms the only active ones. */
    public List<UUID> onlyRooms(String... names) {
        List<UUID> rooms = Arrays.stream(names).map(admin::room).toList();
        admin.deactivateAllBut(rooms);
        return rooms;
    }

    public UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient("Pat", "Tester" + tag, null, tag + "@example.com", null, "en"))
                .id();
    }

    /** A clinic date three days ahead: past the minimum notice, inside the horizon. */
    public LocalDate day() {
        return LocalDate.ofInstant(clock.instant(), LA).plusDays(3);
    }

    public Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), LA).toInstant();
    }
}
