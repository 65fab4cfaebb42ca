package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.ScheduleDays;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import clinic.relief.workspace.schedule.DayGrid.Block;
import clinic.relief.workspace.schedule.DayGrid.Cell;
import clinic.relief.workspace.schedule.DayGrid.Column;
import clinic.relief.workspace.schedule.DayGrid.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule grid's model against the real database: a column per working therapist (or per room), 15-minute rows,
 * blocks placed by row, shading for breaks, hours outside work and closed hours, unconfirmed holds, and the week.
 */
@ReliefTest
class ScheduleGridTests {

    @Autowired
    ScheduleDays days;

    @Autowired
    Booking booking;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    ClinicProfile clinic;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    UUID early;
    UUID late;
    UUID room;

    @BeforeEach
    void setUp() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        room = fixture.onlyRooms("Grid room " + UUID.randomUUID()).get(0);
        day = fixture.day();
        early = fixture.therapist("08:00", "12:00");
        late = fixture.therapist("09:00", "17:00");
        admin.schedule(
                late,
                everyDay("09:00", "17:00"),
                everyDay("12:00", "13:00"),
                List.of("trigger-point", "deep-tissue", "swedish"));
    }

    @Test
    void drawsAColumnPerWorkingTherapistWithBlocksPlacedByRow() {
        UUID booked = book(late, "10:00", 60);

        DayGrid grid = grid(false, Optional.empty());

        assertThat(grid.columns()).extracting(Column::id).containsExactlyInAnyOrder(early.toString(), late.toString());
        assertThat(grid.opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(grid.rows()).isEqualTo((20 - 8) * 4);
        Column column = column(grid, late);
        Block block = column.blocks().get(0);
        assertThat(block.appointment().id()).isEqualTo(booked);
        assertThat(block.row()).isEqualTo(9); // 10:00 is two hours, eight rows, after 8:00
        assertThat(block.span()).isEqualTo(4);
        assertThat(block.movable()).isTrue();
        assertThat(block.statusClass()).isEqualTo("status-booked");
        assertThat(column.cells()).noneMatch(cell -> cell.row() >= 9 && cell.row() < 13);
        assertThat(grid.columns().get(0).current()).isTrue();
    }

    @Test
    void shadesBreaksClosedHoursAndHoursOffWork() {
        Column column = column(grid(false, Optional.of(late)), late);

        assertThat(cellAt(column, 1).kind()).isEqualTo(Kind.CLOSED); // 8:00, the clinic opens at 9:00
        assertThat(cellAt(column, 1).span()).isEqualTo(4);
        assertThat(cellAt(column, 5).kind()).isEqualTo(Kind.FREE); // 9:00
        assertThat(cellAt(column, 5).time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(cellAt(column, 17).kind()).isEqualTo(Kind.BREAK); // 12:00-13:00
        assertThat(cellAt(column, 17).span()).isEqualTo(4);
        assertThat(cellAt(column, 37).kind()).isEqualTo(Kind.NOT_WORKING); // 17:00, the clinic is still open
        assertThat(column.current()).isTrue();
    }

    @Test
    void shadesAnUnconfirmedHold() {
        booking.hold(command(late, "14:00", 60), held -> {});

        Block block = column(grid(false, Optional.empty()), late).blocks().get(0);

        assertThat(block.unconfirmed()).isTrue();
        assertThat(block.movable()).isFalse();
        assertThat(block.statusClass()).isEqualTo("status-pending");
    }

    @Test
    void drawsAColumnPerRoomWithItsAppointments() {
        UUID booked = book(late, "10:00", 60);

        DayGrid grid = grid(true, Optional.empty());

        assertThat(grid.columns()).extracting(Column::id).containsExactly(room.toString());
        assertThat(grid.columns().get(0).therapistId()).isEmpty();
        assertThat(grid.columns().get(0).blocks())
                .extracting(b -> b.appointment().id())
                .containsExactly(booked);
    }

    @Test
    void drawsTheWeekPerTherapistAndDay() {
        UUID booked = book(early, "09:00", 60);
        LocalDate monday = WeekGrid.monday(day);

        WeekGrid week = WeekGrid.of(
                days.between(monday, monday.plusDays(6)),
                Set.of(early, late)::contains,
                fixture.at(day, "09:00").atZone(BookingFixture.LA).getZone(),
                Locale.ENGLISH);

        assertThat(week.days()).hasSize(7).first().isEqualTo(monday);
        assertThat(week.rows()).extracting(row -> row.therapist().id()).containsExactlyInAnyOrder(early, late);
        WeekGrid.Row row = week.rows().stream()
                .filter(r -> r.therapist().id().equals(early))
                .findFirst()
                .orElseThrow();
        WeekGrid.Day cell = row.days().get(day.getDayOfWeek().getValue() - 1);
        assertThat(cell.working()).isTrue();
        assertThat(cell.items()).extracting(i -> i.appointment().id()).containsExactly(booked);
        assertThat(cell.hours()).startsWith("8:00").contains("12:00");
    }

    private DayGrid grid(boolean byRoom, Optional<UUID> current) {
        return new DayGrids(BookingFixture.LA, clock)
                .build(
                        days.between(day, day),
                        new DayGrids.Request(
                                day,
                                byRoom,
                                current,
                                Set.of(early, late)::contains,
                                new ClinicHours(clinic.hours()),
                                true,
                                Locale.ENGLISH));
    }

    private static Column column(DayGrid grid, UUID therapist) {
        return grid.columns().stream()
                .filter(c -> c.id().equals(therapist.toString()))
                .findFirst()
                .orElseThrow();
    }

    private static Cell cellAt(Column column, int row) {
        return column.cells().stream().filter(c -> c.row() == row).findFirst().orElseThrow();
    }

    private UUID book(UUID therapist, String time, int minutes) {
        return booking.book(command(therapist, time, minutes)).id();
    }

    private BookAppointment command(UUID therapist, String time, int minutes) {
        return new BookAppointment(
                fixture.patient(),
                "deep-tissue",
                minutes,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null);
    }

    private static List<WeeklyTime> everyDay(String from, String to) {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyTime(d, LocalTime.parse(from), LocalTime.parse(to)))
                .toList();
    }
}
