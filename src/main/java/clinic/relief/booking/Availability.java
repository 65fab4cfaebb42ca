package clinic.relief.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes every free start time; pure Java, no database, thread-safe.
 *
 * <p><b>Buffer semantics.</b> A service's buffer is clean-up time <em>after</em> the session. An appointment blocks
 * its therapist and its room for {@code [start, end + buffer)}; a new appointment fits only where its own
 * {@code [start, end + buffer)} lies inside one stretch of working hours and overlaps no break, no time off and no
 * other appointment's blocked span. Buffers add up (they are never merged or maxed), and the patient is held only for
 * the session itself. PostgreSQL enforces the same spans with exclusion constraints.
 *
 * <p>Start times step in real elapsed time from the start of each stretch of working hours, so a daylight-saving
 * change never offers a start that does not exist or one twice over.
 */
public final class Availability {

    private final ZoneId zone;
    private final BookingRules rules;
    private final Clock clock;

    public Availability(ZoneId zone, BookingRules rules, Clock clock) {
        this.zone = Objects.requireNonNull(zone);
        this.rules = Objects.requireNonNull(rules);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What is asked for: a session length, the service's buffer, and a range of clinic dates, both inclusive. */
    public record Request(Duration session, Duration buffer, LocalDate from, LocalDate to) {

        public Request {
            if (session.isNegative() || session.isZero() || buffer.isNegative()) {
                throw new IllegalArgumentException("Session must be positive and buffer not negative");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Date range ends before it starts: " + from + " - " + to);
            }
        }
    }

    /**
     * Free starts for {@code request} with any of {@code therapists}, sorted by time then therapist.
     *
     * @param rooms blocked spans by room, in order of preference; {@code null} when the service needs no room
     */
    public List<Slot> slots(Request request, List<TherapistSchedule> therapists, Map<UUID, List<TimeRange>> rooms) {
        Instant earliest = clock.instant().plus(rules.minimumNotice());
        Instant latest = clock.instant().plus(rules.horizon());
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
            for (TherapistSchedule therapist : therapists) {
                slots.addAll(slotsOn(date, request, therapist, rooms, earliest, latest));
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::therapistId));
        return slots;
    }

    private List<Slot> slotsOn(LocalDate date, Request request, TherapistSchedule therapist,
            Map<UUID, List<TimeRange>> rooms, Instant earliest, Instant latest) {
        List<Slot> slots = new ArrayList<>();
        Duration blockedLength = request.session().plus(request.buffer());
        for (WeeklyTime hours : therapist.hours()) {
            if (!hours.fallsOn(date)) {
                continue;
            }
            TimeRange working = hours.on(date, zone);
            for (Instant start = working.start(); !start.plus(blockedLength).isAfter(working.end());
                    start = start.plus(rules.slotGrid())) {
                if (start.isBefore(earliest) || !start.isBefore(latest)) {
                    continue;
                }
                TimeRange blocked = TimeRange.of(start, blockedLength);
                if (therapist.isFree(blocked, date, zone)) {
                    place(blocked, request.session(), therapist.therapistId(), rooms).ifPresent(slots::add);
                }
            }
        }
        return slots;
    }

    /** The slot in the first free room, or without a room when none is needed; empty when every room is taken. */
    private static Optional<Slot> place(TimeRange blocked, Duration session, UUID therapistId,
            Map<UUID, List<TimeRange>> rooms) {
        Instant end = blocked.start().plus(session);
        if (rooms == null) {
            return Optional.of(new Slot(blocked.start(), end, therapistId, null));
        }
        return rooms.entrySet().stream()
                .filter(room -> room.getValue().stream().noneMatch(blocked::overlaps))
                .findFirst()
                .map(room -> new Slot(blocked.start(), end, therapistId, room.getKey()));
    }
}
