package clinic.relief.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a reminder may leave: never in the quiet hours (by default 9 PM to 8 AM in the clinic's time zone). A time in
 * them moves on to the morning; if the morning is not before the visit, it moves back to the evening before the quiet
 * hours began; if that has passed too, there is no time for it. Pure logic, daylight-saving safe (local times are
 * resolved in the zone on the day they fall on).
 */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    boolean quiet(Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
    }

    /** The first moment at or after {@code at} outside the quiet hours. */
    Instant nextAllowed(Instant at) {
        if (!quiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime morning = local.toLocalDate().atTime(until).atZone(zone);
        return (morning.isAfter(local) ? morning : morning.plusDays(1)).toInstant();
    }

    /** The last allowed minute before the quiet hours that contain {@code at} began. */
    Instant lastBefore(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime evening = local.toLocalDate().atTime(from).atZone(zone);
        ZonedDateTime start = evening.isAfter(local) ? evening.minusDays(1) : evening;
        return start.minusMinutes(1).toInstant();
    }

    /**
     * When a reminder meant for {@code wanted} leaves for a visit at {@code visit}, if it is still after
     * {@code now}: {@code wanted} itself outside the quiet hours, else the next morning if that is before the visit,
     * else the evening before.
     */
    Optional<Instant> schedule(Instant wanted, Instant visit, Instant now) {
        Instant at = nextAllowed(wanted);
        if (!at.isBefore(visit)) {
            at = lastBefore(wanted);
        }
        return at.isAfter(now) && at.isBefore(visit) ? Optional.of(at) : Optional.empty();
    }
}
