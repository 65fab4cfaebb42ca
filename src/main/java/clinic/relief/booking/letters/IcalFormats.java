package clinic.relief.booking.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import net.fortuna.ical4j.model.CalendarDateFormat;

/**
 * Builds ical4j's shared date formats before any request can. ical4j 4.x builds each one's formatter on first use
 * and publishes it half-built: for the UTC date-time format, the formatter is visible to other threads before its
 * zone is set. Two calendar files written at the same moment, the first after start-up, could then fail with
 * "Unsupported field: YearOfEra", a booking answered with 500. That happened once in the throughput benchmark.
 * ical4j fixed it in pull request 840 (January 2026), after 4.2.3, the newest release served here.
 */
public final class IcalFormats {

    private IcalFormats() {}

    /** Builds the formats; callers run it while the application starts, on one thread. */
    public static void prepare() {
        CalendarDateFormat.UTC_DATE_TIME_FORMAT.format(Instant.EPOCH);
        CalendarDateFormat.FLOATING_DATE_TIME_FORMAT.format(LocalDateTime.of(2000, 1, 1, 0, 0));
        CalendarDateFormat.DATE_FORMAT.format(LocalDate.of(2000, 1, 1));
    }
}
