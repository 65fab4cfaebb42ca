package clinic.relief.sms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a reminder leaves, given the time it is wanted for, the visit and the present moment (Los Angeles time), and
 * for a patient in another zone, whose nights count as well.
 */
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

    @ParameterizedTest(name = "{0} in {1}: quiet {2}")
    @CsvSource({
        "2026-12-15T20:59:59, America/Los_Angeles, false", // 8:59 PM in Los Angeles
        "2026-12-15T21:00, America/Los_Angeles, true", // 9:00 PM
        "2026-12-16T07:59, America/Los_Angeles, true", // 7:59 AM
        "2026-12-16T08:00, America/Los_Angeles, false", // 8:00 AM
        "2026-12-15T20:59, America/New_York, false", // 8:59 PM in New York, 5:59 PM in the clinic
        "2026-12-15T21:00, America/New_York, true", // 9:00 PM in New York, 6:00 PM in the clinic
        "2026-12-16T07:59, America/New_York, true", // 7:59 AM in New York, and night in the clinic too
        "2026-12-16T08:00, Pacific/Honolulu, false", // 8:00 AM in Honolulu, 10:00 AM in the clinic
        "2026-12-16T07:59, Pacific/Honolulu, true", // 7:59 AM in Honolulu, 9:59 AM in the clinic
        "2027-03-14T07:59, America/Los_Angeles, true", // the morning clocks go forward
        "2027-03-14T08:00, America/Los_Angeles, false",
        "2027-03-13T20:00, America/Phoenix, false", // Phoenix keeps standard time: 8 PM there...
        "2027-03-14T20:59, America/Phoenix, false", // ...and from that Sunday one clock with Los Angeles
        "2027-03-14T21:00, America/Phoenix, true",
    })
    void isQuietFromNineInTheEveningToEightInThePatientsZone(String local, String zone, boolean quiet) {
        ZoneId patient = ZoneId.of(zone);
        QuietHours both = QUIET.alsoIn(Optional.of(patient));
        assertThat(both.quiet(LocalDateTime.parse(local).atZone(patient).toInstant()))
                .isEqualTo(quiet);
    }

    @ParameterizedTest(name = "{0} for a patient in {1} -> {2} (clinic time)")
    @CsvSource({
        "2026-12-15T21:00, America/New_York, 2026-12-16T08:00", // 9 PM there: 8 AM here is 11 AM there
        "2026-12-16T07:59, America/New_York, 2026-12-16T08:00",
        "2026-12-16T07:00, Pacific/Honolulu, 2026-12-16T10:00", // 9 AM here is 7 AM there: wait for 8 AM there
        "2026-12-15T23:30, Europe/Madrid, 2026-12-16T08:00", // Madrid's 8 AM is night here; 8 AM here is 5 PM there
        "2027-03-14T01:30, America/Los_Angeles, 2027-03-14T08:00", // the night clocks go forward
        "2027-03-13T21:30, America/Phoenix, 2027-03-14T08:00", // 9:30 PM in Phoenix; one clock from 2 AM
    })
    void aTextInTheQuietHoursOfEitherZoneWaitsForDaytimeInBoth(String local, String zone, String expected) {
        ZoneId patient = ZoneId.of(zone);
        assertThat(QUIET.alsoIn(Optional.of(patient))
                        .nextAllowed(LocalDateTime.parse(local).atZone(patient).toInstant()))
                .isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "wanted {0}, visit {1} (clinic time), patient in New York -> {2}")
    @CsvSource({
        "2026-12-16T10:00, 2026-12-17T10:00, 2026-12-16T10:00", // 1 PM in New York: as wanted
        "2026-12-16T19:00, 2026-12-17T19:00, 2026-12-17T08:00", // 10 PM there: the next morning in both
        "2026-12-16T21:30, 2026-12-17T07:45, 2026-12-16T17:59", // the morning is too late: before 9 PM there
    })
    void schedulesAReminderInThePatientsDaytime(String wanted, String visit, String expected) {
        assertThat(QUIET.alsoIn(Optional.of(ZoneId.of("America/New_York"))).schedule(at(wanted), at(visit), NOW))
                .contains(at(expected));
    }

    @Test
    void quietHoursTooLongToShareDaytimeKeepThePatientsZone() {
        QuietHours longNights = new QuietHours(LocalTime.of(19, 0), LocalTime.of(10, 0), LA);
        ZoneId dubai = ZoneId.of("Asia/Dubai"); // its 10 AM to 7 PM is 10 PM to 7 AM here
        Instant late = LocalDateTime.parse("2026-12-16T20:00").atZone(dubai).toInstant();
        assertThat(longNights.alsoIn(Optional.of(dubai)).nextAllowed(late))
                .isEqualTo(LocalDateTime.parse("2026-12-17T10:00").atZone(dubai).toInstant());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LA).toInstant();
    }
}
