package clinic.relief.booking.bench;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import clinic.relief.booking.schedule.Availability;
import clinic.relief.booking.schedule.BookingRules;
import clinic.relief.booking.Slot;
import clinic.relief.booking.schedule.TherapistSchedule;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.schedule.WeeklyTime;

/**
 * Availability as issue 4 sizes it: 10 therapists (Monday to Saturday 8:00-20:00 with a lunch hour, two of them
 * with a week off), 4 rooms, 60 days, 2,000 existing 30-minute appointments (plus a 15-minute buffer; 60-minute ones
 * would not fit 2,000 times into 4 rooms) placed at random (seeded) without overlaps, and a request for every free
 * 60-minute start (15-minute buffer, 15-minute grid) with any therapist over all 60 days.
 * The dates include the November daylight-saving change. Sample mode reports the median per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AvailabilityBenchmark {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 12);
    private static final Duration SESSION = Duration.ofMinutes(60);
    private static final Duration BUFFER = Duration.ofMinutes(15);
    private static final Duration EXISTING = Duration.ofMinutes(30);

    private Availability availability;
    private Availability.Request request;
    private List<TherapistSchedule> therapists;
    private Map<UUID, List<TimeRange>> rooms;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(ZonedDateTime.of(FIRST_DAY, LocalTime.of(7, 0), ZONE).toInstant(), ZONE);
        availability = new Availability(ZONE,
                new BookingRules(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofDays(60)), clock);
        request = new Availability.Request(SESSION, BUFFER, FIRST_DAY, FIRST_DAY.plusDays(59));
        book(new Random(20261125), 2_000);
    }

    private void book(Random random, int appointments) {
        rooms = new LinkedHashMap<>();
        for (int room = 0; room < 4; room++) {
            rooms.put(new UUID(1, room), new ArrayList<>());
        }
        List<List<TimeRange>> blocked = new ArrayList<>();
        for (int therapist = 0; therapist < 10; therapist++) {
            blocked.add(new ArrayList<>());
        }
        int booked = 0;
        for (int attempt = 0; booked < appointments; attempt++) {
            if (attempt > 1_000_000) {
                throw new IllegalStateException("Could place only " + booked + " appointments");
            }
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(60));
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant start = ZonedDateTime.of(day, LocalTime.of(8, 0), ZONE).toInstant()
                    .plus(Duration.ofMinutes(15L * random.nextInt(4 * 12 - 3)));
            TimeRange span = TimeRange.of(start, EXISTING.plus(BUFFER));
            if (span.overlaps(lunch(day))) {
                continue;
            }
            List<TimeRange> therapist = blocked.get(random.nextInt(10));
            List<TimeRange> room = rooms.values().stream()
                    .filter(spans -> spans.stream().noneMatch(span::overlaps)).findFirst().orElse(null);
            if (room != null && therapist.stream().noneMatch(span::overlaps)) {
                therapist.add(span);
                room.add(span);
                booked++;
            }
        }
        therapists = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<TimeRange> timeOff = i < 2 ? List.of(new TimeRange(
                    ZonedDateTime.of(FIRST_DAY.plusDays(14), LocalTime.MIN, ZONE).toInstant(),
                    ZonedDateTime.of(FIRST_DAY.plusDays(21), LocalTime.MIN, ZONE).toInstant())) : List.of();
            therapists.add(new TherapistSchedule(new UUID(2, i), week(8, 20), week(13, 14), timeOff, blocked.get(i)));
        }
    }

    private static TimeRange lunch(LocalDate day) {
        return new WeeklyTime(day.getDayOfWeek(), LocalTime.of(13, 0), LocalTime.of(14, 0)).on(day, ZONE);
    }

    private static List<WeeklyTime> week(int from, int to) {
        List<WeeklyTime> times = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                times.add(new WeeklyTime(day, LocalTime.of(from, 0), LocalTime.of(to, 0)));
            }
        }
        return times;
    }

    @Benchmark
    public List<Slot> sixtyDaysTenTherapistsFourRooms() {
        return availability.slotsWithRoom(request, therapists, rooms);
    }
}
