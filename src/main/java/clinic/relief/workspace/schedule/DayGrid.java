package clinic.relief.workspace.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.AppointmentView;
import org.jspecify.annotations.Nullable;

/**
 * One day of the schedule as the page draws it: a time grid of 15-minute rows with one column per therapist (or per
 * room). Rows are numbered from 1 at {@link #opens()}; every block and shaded cell carries its first row and how many
 * rows it spans, which the page turns into the classes {@code row-N} and {@code span-N} of {@code schedule.css}
 * (the CSP allows no style attributes). Cells are whatever no appointment covers: free (a link that books), or
 * shaded (a break, time off, outside the therapist's hours, the clinic closed, or already past).
 */
public record DayGrid(
        LocalDate date, LocalTime opens, int rows, List<Label> labels, List<Column> columns, Optional<Integer> nowRow) {

    /** Minutes per row. */
    public static final int ROW_MINUTES = 15;

    /** The most rows a day may have: 24 hours. */
    public static final int MAX_ROWS = 24 * 60 / ROW_MINUTES;

    public DayGrid {
        labels = List.copyOf(labels);
        columns = List.copyOf(columns);
    }

    /** A time printed beside the grid (on the hour). */
    public record Label(int row, String text) {}

    /**
     * A therapist's or room's column; {@code current} marks the one a narrow screen shows. {@code therapistId} is
     * empty in the room view.
     */
    public record Column(
            String id, String name, Optional<UUID> therapistId, boolean current, List<Block> blocks, List<Cell> cells) {

        public Column {
            blocks = List.copyOf(blocks);
            cells = List.copyOf(cells);
        }

        /** Blocks and cells in the order of their rows: how the column reads without styles. */
        public List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            blocks.forEach(block -> entries.add(new Entry(block.row(), block, null)));
            cells.forEach(cell -> entries.add(new Entry(cell.row(), null, cell)));
            entries.sort(Comparator.comparingInt(Entry::row));
            return entries;
        }
    }

    /** A block or a cell. */
    public record Entry(
            int row, @Nullable Block block, @Nullable Cell cell) {}

    /**
     * An appointment drawn in a column. {@code token} tells whether it changed since the grid was drawn: a move
     * carries it back and is refused when it no longer matches.
     */
    public record Block(
            AppointmentView appointment, int row, int span, String starts, String ends, String token, boolean movable) {

        public String statusClass() {
            return "status-" + appointment.status().name().toLowerCase().replace('_', '-')
                    + (appointment.patientConfirmed() ? " patient-confirmed" : "");
        }

        /** A hold or request not yet confirmed: drawn shaded. */
        public boolean unconfirmed() {
            return appointment.isPending() || appointment.status().name().equals("REQUESTED");
        }
    }

    /** What an empty stretch of a column is. */
    public enum Kind {
        FREE,
        PAST,
        BREAK,
        TIME_OFF,
        NOT_WORKING,
        CLOSED;

        public String cssClass() {
            return "cell-" + name().toLowerCase().replace('_', '-');
        }
    }

    /** An empty stretch: free cells are one row each (each is a link); shaded ones merge consecutive rows. */
    public record Cell(Kind kind, int row, int span, LocalTime time, String label, Instant start) {

        public boolean free() {
            return kind == Kind.FREE;
        }
    }
}
