package clinic.relief.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a text may leave: never in the quiet hours (by default 9 PM to 8 AM) of any of its zones: the clinic's, and
 * the patient's own when the patient told it ({@link #alsoIn}). A time in them moves on to the first morning that is
 * daytime in every zone; if that is not before the visit, it moves back to the last minute before the quiet hours
 * began; if that has passed too, there is no time for it. With the default hours (13 hours of day) two zones always
 * share some daytime; quiet hours so long that they do not keep the patient's zone alone. Pure logic, daylight-saving
 * safe (local times are resolved in each zone on the day they fall on).
 */
record QuietHours(LocalTime from, LocalTime until, List<ZoneId> zones) {

    /** Enough rounds for any two zones to agree (each round moves past one zone's night). */
    private static final int ROUNDS = 6;

    QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
        this(from, until, List.of(zone));
    }

    QuietHours {
        zones = List.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("Quiet hours need a time zone");
        }
    }

    /** These quiet hours kept in the patient's own time zone as well, when one is known. */
    QuietHours alsoIn(Optional<ZoneId> patientZone) {
        if (patientZone.isEmpty() || zones.contains(patientZone.get())) {
            return this;
        }
        List<ZoneId> both = new ArrayList<>(zones);
        both.add(patientZone.get());
        return new QuietHours(from, until, both);
    }

    boolean quiet(Instant at) {
        return zones.stream().anyMatch(zone -> quietIn(at, zone));
    }

    /** The first moment at or after {@code at} outside the quiet hours of every zone. */
    Instant nextAllowed(Instant at) {
        Instant next = at;
        for (int round = 0; round < ROUNDS && quiet(next); round++) {
            for (ZoneId zone : zones) {
                if (quietIn(next, zone)) {
                    next = morning(next, zone);
                }
            }
        }
        return quiet(next) && zones.size() > 1 ? patientsOnly().nextAllowed(at) : next;
    }

    /** The last allowed minute, in every zone, before the quiet hours that contain {@code at} began. */
    Instant lastBefore(Instant at) {
        Instant last = at;
        for (int round = 0; round < ROUNDS && (round == 0 || quiet(last)); round++) {
            for (ZoneId zone : zones) {
                // One zone: always its evening before, as when it was the clinic's alone.
                if ((round == 0 && zones.size() == 1) || quietIn(last, zone)) {
                    last = eveningBefore(last, zone);
                }
            }
        }
        return quiet(last) && zones.size() > 1 ? patientsOnly().lastBefore(at) : last;
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

    private boolean quietIn(Instant at, ZoneId zone) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
    }

    /** The end of the zone's quiet hours that contain {@code at}. */
    private Instant morning(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime morning = local.toLocalDate().atTime(until).atZone(zone);
        return (morning.isAfter(local) ? morning : morning.plusDays(1)).toInstant();
    }

    /** The minute before the zone's latest quiet hours began at or before {@code at}. */
    private Instant eveningBefore(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime evening = local.toLocalDate().atTime(from).atZone(zone);
        ZonedDateTime start = evening.isAfter(local) ? evening.minusDays(1) : evening;
        return start.minusMinutes(1).toInstant();
    }

    /** The patient's zone alone (the last one), for quiet hours too long for two zones to share any daytime. */
    private QuietHours patientsOnly() {
        return new QuietHours(from, until, zones.get(zones.size() - 1));
    }
}
