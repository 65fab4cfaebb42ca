package clinic.relief.workspace.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.schedule.ScheduleDays;
import clinic.relief.workspace.schedule.DayGrid.Block;
import clinic.relief.workspace.schedule.DayGrid.Cell;
import clinic.relief.workspace.schedule.DayGrid.Column;
import clinic.relief.workspace.schedule.DayGrid.Kind;
import clinic.relief.workspace.schedule.DayGrid.Label;

/**
 * Builds a {@link DayGrid} from a day of the schedule: pure computation over what {@link ScheduleDays} read, so a
 * grid of 20 therapists and 200 appointments costs no query beyond that one read. The grid runs from the earliest of
 * the clinic's opening, the therapists' hours and the appointments, to the latest, on whole hours.
 */
final class DayGrids {

    private static final Duration ROW = Duration.ofMinutes(DayGrid.ROW_MINUTES);

    private final ZoneId zone;
    private final Clock clock;

    DayGrids(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** What the grid shows: a column per working therapist or per room, which column a narrow screen shows. */
    record Request(
            LocalDate date,
            boolean byRoom,
            Optional<UUID> current,
            Predicate<UUID> therapistShown,
            ClinicHours clinic,
            boolean mayMove,
            Locale locale) {}

    DayGrid build(ScheduleDays.Span span, Request request) {
        LocalDate date = request.date();
        List<AppointmentView> today = span.appointments().stream()
                .filter(a -> a.start().atZone(zone).toLocalDate().equals(date))
                .filter(a -> request.therapistShown().test(a.therapist().id()))
                .toList();
        List<ScheduleDays.TherapistDay> working = span.therapists().stream()
                .filter(t -> request.therapistShown().test(t.id()))
                .map(t -> span.day(t.id(), date).orElseThrow())
                .filter(d -> d.working()
                        || today.stream().anyMatch(a -> a.therapist().id().equals(d.therapistId())))
                .toList();
        int open = request.clinic().opens(date).map(DayGrids::minute).orElse(24 * 60);
        int close = request.clinic().closes(date).map(DayGrids::minute).orElse(0);
        for (ScheduleDays.TherapistDay day : working) {
            for (TimeRange hours : day.hours()) {
                open = Math.min(open, minuteOf(hours.start(), date));
                close = Math.max(close, minuteOf(hours.end(), date));
            }
        }
        for (AppointmentView a : today) {
            open = Math.min(open, minuteOf(a.start(), date));
            close = Math.max(close, minuteOf(a.end(), date));
        }
        if (open >= close) {
            open = 9 * 60;
            close = 17 * 60;
        }
        open = open / 60 * 60;
        close = Math.min(24 * 60, (close + 59) / 60 * 60);
        Frame frame = new Frame(date, open, (close - open) / DayGrid.ROW_MINUTES, request);
        List<Column> columns =
                request.byRoom() ? roomColumns(span, today, frame) : therapistColumns(span, working, today, frame);
        return new DayGrid(
                date, LocalTime.of(open / 60, 0), frame.rows, labels(frame), current(columns, request), nowRow(frame));
    }

    /** The grid's first minute of the day and its rows; turns times into rows. */
    private final class Frame {

        final LocalDate date;
        final int open;
        final int rows;
        final Request request;
        final Instant now = clock.instant();

        Frame(LocalDate date, int open, int rows, Request request) {
            this.date = date;
            this.open = open;
            this.rows = rows;
            this.request = request;
        }

        int row(Instant at) {
            return Math.max(1, Math.min(rows, (minuteOf(at, date) - open) / DayGrid.ROW_MINUTES + 1));
        }

        int span(AppointmentView a, int row) {
            int end = minuteOf(a.end(), date) - open;
            int rowsLong = (end + DayGrid.ROW_MINUTES - 1) / DayGrid.ROW_MINUTES - (row - 1);
            return Math.max(1, Math.min(rows - row + 1, rowsLong));
        }

        Instant start(int row) {
            int minute = open + (row - 1) * DayGrid.ROW_MINUTES;
            return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone)
                    .toInstant();
        }

        String time(Instant at) {
            return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .withLocale(request.locale())
                    .withZone(zone)
                    .format(at);
        }
    }

    private List<Column> therapistColumns(
            ScheduleDays.Span span, List<ScheduleDays.TherapistDay> working, List<AppointmentView> today, Frame frame) {
        List<Column> columns = new ArrayList<>();
        for (ScheduleDays.TherapistDay day : working) {
            String name = span.therapists().stream()
                    .filter(t -> t.id().equals(day.therapistId()))
                    .map(t -> t.name())
                    .findFirst()
                    .orElse("");
            List<Block> blocks = blocks(
                    today.stream()
                            .filter(a -> a.therapist().id().equals(day.therapistId()))
                            .toList(),
                    frame);
            List<Cell> cells = cells(blocks, frame, start -> kind(day, start, frame));
            columns.add(new Column(
                    day.therapistId().toString(), name, Optional.of(day.therapistId()), false, blocks, cells));
        }
        return columns;
    }

    private List<Column> roomColumns(ScheduleDays.Span span, List<AppointmentView> today, Frame frame) {
        List<Column> columns = new ArrayList<>();
        for (ScheduleDays.Room room : span.rooms()) {
            List<Block> blocks = blocks(
                    today.stream().filter(a -> room.name().equals(a.room())).toList(), frame);
            List<Cell> cells = cells(blocks, frame, start -> {
                TimeRange row = TimeRange.of(start, ROW);
                if (!frame.request.clinic().open(row, zone)) {
                    return Kind.CLOSED;
                }
                return start.isBefore(frame.now) ? Kind.PAST : Kind.FREE;
            });
            columns.add(new Column(room.id().toString(), room.name(), Optional.empty(), false, blocks, cells));
        }
        return columns;
    }

    private Kind kind(ScheduleDays.TherapistDay day, Instant start, Frame frame) {
        TimeRange row = TimeRange.of(start, ROW);
        if (day.hours().stream().noneMatch(hours -> hours.contains(row))) {
            return frame.request.clinic().open(row, zone) ? Kind.NOT_WORKING : Kind.CLOSED;
        }
        if (day.timeOff().stream().anyMatch(off -> off.overlaps(row))) {
            return Kind.TIME_OFF;
        }
        if (day.breaks().stream().anyMatch(pause -> pause.overlaps(row))) {
            return Kind.BREAK;
        }
        return start.isBefore(frame.now) ? Kind.PAST : Kind.FREE;
    }

    private List<Block> blocks(List<AppointmentView> appointments, Frame frame) {
        List<Block> blocks = new ArrayList<>();
        for (AppointmentView a : appointments) {
            int row = frame.row(a.start());
            boolean movable = frame.request.mayMove()
                    && a.status() == AppointmentStatus.BOOKED
                    && a.start().isAfter(frame.now);
            blocks.add(new Block(
                    a, row, frame.span(a, row), frame.time(a.start()), frame.time(a.end()), Tokens.of(a), movable));
        }
        return blocks;
    }

    /** Every row no block covers: free rows one by one, shaded rows merged while their kind stays the same. */
    private List<Cell> cells(List<Block> blocks, Frame frame, Function<Instant, Kind> kindAt) {
        boolean[] covered = new boolean[frame.rows + 2];
        for (Block block : blocks) {
            for (int r = block.row(); r < block.row() + block.span(); r++) {
                covered[r] = true;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= frame.rows; r++) {
            if (covered[r]) {
                continue;
            }
            Instant start = frame.start(r);
            Kind kind = kindAt.apply(start);
            int span = 1;
            while (kind != Kind.FREE
                    && r + span <= frame.rows
                    && !covered[r + span]
                    && kindAt.apply(frame.start(r + span)) == kind) {
                span++;
            }
            LocalTime time = start.atZone(zone).toLocalTime();
            cells.add(new Cell(kind, r, span, time, frame.time(start), start));
            r += span - 1;
        }
        return cells;
    }

    private static List<Label> labels(Frame frame) {
        List<Label> labels = new ArrayList<>();
        for (int r = 1; r <= frame.rows; r += 60 / DayGrid.ROW_MINUTES) {
            labels.add(new Label(r, frame.time(frame.start(r))));
        }
        return labels;
    }

    private static List<Column> current(List<Column> columns, Request request) {
        int chosen = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (request.current()
                    .map(UUID::toString)
                    .map(columns.get(i).id()::equals)
                    .orElse(false)) {
                chosen = i;
            }
        }
        List<Column> marked = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            marked.add(new Column(c.id(), c.name(), c.therapistId(), i == chosen, c.blocks(), c.cells()));
        }
        return marked;
    }

    private Optional<Integer> nowRow(Frame frame) {
        if (!frame.now.atZone(zone).toLocalDate().equals(frame.date)) {
            return Optional.empty();
        }
        int minute = minuteOf(frame.now, frame.date) - frame.open;
        if (minute < 0 || minute >= frame.rows * DayGrid.ROW_MINUTES) {
            return Optional.empty();
        }
        return Optional.of(minute / DayGrid.ROW_MINUTES + 1);
    }

    /** Minutes since the start of {@code date} in the clinic's zone: 0 before it, 1440 after it. */
    private int minuteOf(Instant at, LocalDate date) {
        ZonedDateTime local = at.atZone(zone);
        if (local.toLocalDate().isBefore(date)) {
            return 0;
        }
        if (local.toLocalDate().isAfter(date)) {
            return 24 * 60;
        }
        return minute(local.toLocalTime());
    }

    private static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
