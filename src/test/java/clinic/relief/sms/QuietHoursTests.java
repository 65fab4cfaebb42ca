package clinic.relief.sms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a reminder leaves, given the time it is wanted for, the visit and the present moment (Los Angeles time). */
class QuietHoursTests {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), LA);
    private static final Instant NOW = at("2026-12-14T09:00");

    @ParameterizedTest(name = "wanted {0}, visit {1} -> {2}")
    @CsvSource({
        "2026-12-16T10:00, 2026-12-17T10:00, 2026-12-16T10:00", // outside the quiet hours: as wanted
        "2026-12-16T21:00, 2026-12-17T21:00, 2026-12-17T08:00", // at nine in the evening: the next morning
        "2026-12-16T07:30, 2026-12-17T07:30, 2026-12-16T08:00", // early morning: at eight that day
        "2026-12-16T23:00, 2026-12-17T08:30, 2026-12-17T08:00", // late: the morning, still before the visit
        "2026-12-16T23:00, 2026-12-17T07:45, 2026-12-16T20:59", // the morning is too late: the evening before
        "2027-03-13T22:00, 2027-03-14T22:00, 2027-03-14T08:00", // the night clocks go forward
        "2026-11-07T22:00, 2026-11-08T22:00, 2026-11-08T08:00", // the night clocks go back
    })
    void movesATextOutOfTheQuietHours(String wanted, String visit, String expected) {
        Instant now = at(wanted).isAfter(NOW) ? NOW : at(wanted).minusSeconds(86400);
        assertThat(QUIET.schedule(at(wanted), at(visit), now)).contains(at(expected));
    }

    @ParameterizedTest(name = "wanted {0}, visit {1}, now {2}: none")
    @CsvSource({
        "2026-12-14T23:00, 2026-12-15T07:00, 2026-12-14T21:30", // too late for the evening, morning after the visit
        "2026-12-14T08:00, 2026-12-15T08:00, 2026-12-14T09:00", // the wanted time has passed
    })
    void skipsATextThereIsNoTimeFor(String wanted, String visit, String now) {
        assertThat(QUIET.schedule(at(wanted), at(visit), at(now))).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LA).toInstant();
    }
}
