package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Slot;
import clinic.relief.booking.TimeRange;

/**
 * Computes every free start time; pure Java, no database, thread-safe.
 *
 * <p><b>Buffer semantics.</b> A service's buffer is clean-up time <em>after</em> the session. An appointment blocks
 * its therapist and its room for {@code [start, end + buffer)}; a new appointment fits only where its own
 * {@code [start, end + buffer)} lies inside one stretch of working hours and overlaps no break, no time off and no
 * other appointment's blocked span. Buffers add up (they are never merged or maxed), and the patient is held only for
 * the session itself. PostgreSQL enforces the same spans with exclusion constraints.
 *
 * <p><b>Two therapists.</b> A service two therapists give together (a couples massage) is offered at a start where
 * at least two therapists would each be offered that start on their own (their hours, breaks, time off and
 * appointments all leave the whole session and buffer free) and one room is free for the same span. Both therapists
 * and the room are then held for that span; PostgreSQL enforces it for the second therapist too.
 *
 * <p>Start times step in real elapsed time from the start of each stretch of working hours, so a daylight-saving
 * change never offers a start that does not exist or one twice over.
 */
public final class Availability {

    private static final Comparator<Slot> BY_START_THEN_THERAPIST = (one, other) -> {
        int byStart = one.start().compareTo(other.start());
        return byStart != 0 ? byStart : one.therapistId().compareTo(other.therapistId());
    };

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

    /** Free starts for {@code request} with any of {@code therapists}, sorted by time then therapist; no room needed. */
    public List<Slot> slots(Request request, List<TherapistSchedule> therapists) {
        return free(request, therapists, null);
    }

    /**
     * Free starts for {@code request} with any of {@code therapists} in the first free room, sorted by time then
     * therapist; a start with every room taken is not offered.
     *
     * @param rooms blocked spans by room, in order of preference
     */
    public List<Slot> slotsWithRoom(
            Request request, List<TherapistSchedule> therapists, Map<UUID, List<TimeRange>> rooms) {
        Objects.requireNonNull(rooms, "rooms");
        return free(request, therapists, indexed(rooms));
    }

    /** Which therapists a two-therapist slot must have: empty for anyone. */
    public record Pair(Optional<UUID> first, Optional<UUID> second) {

        public Pair {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        public static Pair anyone() {
            return new Pair(Optional.empty(), Optional.empty());
        }
    }

    /**
     * Free starts for a service two therapists give together, with no room needed: at each start, one slot per
     * therapist free then (as its first therapist, unless {@code pair} names one) with the first other therapist free
     * (in the order of therapist ids, unless {@code pair} names one) as its second; sorted by time then therapist.
     */
    public List<Slot> pairs(Request request, List<TherapistSchedule> therapists, Pair pair) {
        return paired(request, therapists, null, pair);
    }

    /**
     * As {@link #pairs}, in the first room free for the whole span; a start with every room taken is not offered.
     *
     * @param rooms blocked spans by room, in order of preference
     */
    public List<Slot> pairsWithRoom(
            Request request, List<TherapistSchedule> therapists, Map<UUID, List<TimeRange>> rooms, Pair pair) {
        Objects.requireNonNull(rooms, "rooms");
        return paired(request, therapists, indexed(rooms), pair);
    }

    private List<Slot> paired(Request request, List<TherapistSchedule> therapists, Map<UUID, Spans> rooms, Pair pair) {
        Objects.requireNonNull(pair, "pair");
        // Each therapist's own free starts (no room yet), sorted by start then therapist: a run of equal starts is
        // everyone free then.
        List<Slot> alone = free(request, therapists, null);
        List<Slot> pairs = new ArrayList<>();
        for (int from = 0, to; from < alone.size(); from = to) {
            to = from;
            while (to < alone.size()
                    && alone.get(to).start().equals(alone.get(from).start())) {
                to++;
            }
            pairsAt(alone.subList(from, to), request, rooms, pair, pairs);
        }
        return pairs;
    }

    /** Adds the pairs of {@code free} (everyone free at one start), each in the first free room if one is needed. */
    private static void pairsAt(List<Slot> free, Request request, Map<UUID, Spans> rooms, Pair pair, List<Slot> pairs) {
        TimeRange blocked = TimeRange.of(free.get(0).start(), request.session().plus(request.buffer()));
        for (Slot first : free) {
            if (pair.first().filter(id -> !id.equals(first.therapistId())).isPresent()) {
                continue;
            }
            Optional<UUID> second = free.stream()
                    .map(Slot::therapistId)
                    .filter(id -> !id.equals(first.therapistId()))
                    .filter(id -> pair.second().map(id::equals).orElse(true))
                    .findFirst();
            Slot placed = second.isEmpty() ? null : place(blocked, request.session(), first.therapistId(), rooms);
            if (placed != null) {
                pairs.add(new Slot(placed.start(), placed.end(), placed.therapistId(), placed.roomId(), second));
            }
        }
    }

    /** {@code roomsTaken} is null when the service needs no room (private: the public methods say which). */
    private List<Slot> free(Request request, List<TherapistSchedule> therapists, Map<UUID, Spans> roomsTaken) {
        Instant earliest = clock.instant().plus(rules.minimumNotice());
        Instant latest = clock.instant().plus(rules.horizon());
        // Speed: see docs/benchmarks.md "JMH benchmarks" (availability, 10 therapists x 60 days)
        // Each therapist's and room's taken time is indexed once per call, so every candidate start costs a few
        // binary searches rather than a scan of every appointment in the range.
        List<Busy> busy = therapists.stream().map(Busy::of).toList();
        List<Slot> slots = new ArrayList<>();
        List<Slot> day = new ArrayList<>();
        for (LocalDate date = request.from(); !date.isAfter(request.to()); date = date.plusDays(1)) {
            for (Busy therapist : busy) {
                slotsOn(date, request, therapist, roomsTaken, earliest, latest, day);
            }
            // Dates follow each other, so sorting day by day sorts the whole list.
            day.sort(BY_START_THEN_THERAPIST);
            slots.addAll(day);
            day.clear();
        }
        return slots;
    }

    private void slotsOn(
            LocalDate date,
            Request request,
            Busy therapist,
            Map<UUID, Spans> rooms,
            Instant earliest,
            Instant latest,
            List<Slot> slots) {
        Duration blockedLength = request.session().plus(request.buffer());
        List<TimeRange> breaks = therapist.schedule().breaks().stream()
                .filter(b -> b.fallsOn(date))
                .map(b -> b.on(date, zone))
                .toList();
        for (WeeklyTime hours : therapist.schedule().hours()) {
            if (!hours.fallsOn(date)) {
                continue;
            }
            TimeRange working = hours.on(date, zone);
            for (Instant start = working.start();
                    !start.plus(blockedLength).isAfter(working.end());
                    start = start.plus(rules.slotGrid())) {
                if (start.isBefore(earliest) || !start.isBefore(latest)) {
                    continue;
                }
                TimeRange blocked = TimeRange.of(start, blockedLength);
                if (!overlapsAny(breaks, blocked) && !therapist.taken().overlap(blocked)) {
                    Slot slot = place(
                            blocked, request.session(), therapist.schedule().therapistId(), rooms);
                    if (slot != null) {
                        slots.add(slot);
                    }
                }
            }
        }
    }

    private static Map<UUID, Spans> indexed(Map<UUID, List<TimeRange>> rooms) {
        Map<UUID, Spans> taken = new LinkedHashMap<>();
        rooms.forEach((room, spans) -> taken.put(room, Spans.of(spans)));
        return taken;
    }

    /** A therapist's schedule with time off and appointments indexed together: both make the therapist unavailable. */
    private record Busy(TherapistSchedule schedule, Spans taken) {

        static Busy of(TherapistSchedule schedule) {
            List<TimeRange> taken = new ArrayList<>(schedule.timeOff());
            taken.addAll(schedule.blocked());
            return new Busy(schedule, Spans.of(taken));
        }
    }

    /** The slot in the first free room, or without a room when none is needed; null when every room is taken. */
    private static Slot place(TimeRange blocked, Duration session, UUID therapistId, Map<UUID, Spans> rooms) {
        Instant end = blocked.start().plus(session);
        if (rooms == null) {
            return new Slot(blocked.start(), end, therapistId, null);
        }
        for (Map.Entry<UUID, Spans> room : rooms.entrySet()) {
            if (!room.getValue().overlap(blocked)) {
                return new Slot(blocked.start(), end, therapistId, room.getKey());
            }
        }
        return null;
    }

    private static boolean overlapsAny(List<TimeRange> ranges, TimeRange range) {
        for (TimeRange each : ranges) {
            if (each.overlaps(range)) {
                return true;
            }
        }
        return false;
    }
}
