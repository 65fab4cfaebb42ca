package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.relief.booking.Slot;
import clinic.relief.booking.TimeRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityTests {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final Duration HOUR = Duration.ofMinutes(60);
    static final BookingRules EVERY_30 = new BookingRules(Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(400));
    static final Clock LONG_AGO = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), LA);

    @Test
    void offersGridStartsWhoseSessionEndsInsideWorkingHours() {
        assertThat(times(slots(EVERY_30, request(HOUR, Duration.ZERO, MONDAY), therapist(ANA, "09:00", "12:00"))))
                .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00");
    }

    @Test
    void keepsTheBufferAfterASessionInsideWorkingHours() {
        assertThat(times(slots(
                        EVERY_30, request(HOUR, Duration.ofMinutes(15), MONDAY), therapist(ANA, "09:00", "12:00"))))
                .containsExactly("09:00", "09:30", "10:00", "10:30");
    }

    @Test
    void leavesTheBufferOfAnExistingAppointmentFree() {
        TherapistSchedule busy = therapist(ANA, "09:00", "13:00").withBlocked(span(MONDAY, "10:00", "11:15"));

        assertThat(times(slots(
                        new BookingRules(Duration.ofMinutes(15), Duration.ZERO, Duration.ofDays(400)),
                        request(HOUR, Duration.ZERO, MONDAY),
                        busy)))
                .containsExactly("09:00", "11:15", "11:30", "11:45", "12:00");
    }

    @Test
    void addsTheNewSessionsBufferToItsOwnSpanSoItCannotRunIntoTheNextAppointment() {
        TherapistSchedule busy = therapist(ANA, "09:00", "13:00").withBlocked(span(MONDAY, "11:00", "12:00"));

        assertThat(times(slots(EVERY_30, request(HOUR, Duration.ofMinutes(15), MONDAY), busy)))
                .containsExactly("09:00", "09:30");
    }

    @Test
    void skipsBreaks() {
        TherapistSchedule withLunch = new TherapistSchedule(
                ANA,
                List.of(weekly(MONDAY, "09:00", "15:00")),
                List.of(weekly(MONDAY, "12:00", "13:00")),
                List.of(),
                List.of());

        assertThat(times(slots(
                        new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                        request(HOUR, Duration.ZERO, MONDAY),
                        withLunch)))
                .containsExactly("09:00", "10:00", "11:00", "13:00", "14:00");
    }

    @Test
    void offersNothingDuringTimeOff() {
        TherapistSchedule away = new TherapistSchedule(
                ANA,
                List.of(weekly(MONDAY, "09:00", "17:00")),
                List.of(),
                List.of(span(MONDAY, "08:00", "13:00")),
                List.of());

        assertThat(times(slots(
                        new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                        request(HOUR, Duration.ZERO, MONDAY),
                        away)))
                .containsExactly("13:00", "14:00", "15:00", "16:00");
    }

    @Test
    void offersNothingOnADayWithoutHours() {
        assertThat(slots(EVERY_30, request(HOUR, Duration.ZERO, MONDAY.plusDays(1)), therapist(ANA, "09:00", "12:00")))
                .isEmpty();
    }

    @Test
    void needsAFreeRoomWhenTheServiceUsesOne() {
        UUID roomOne = UUID.randomUUID();
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        rooms.put(roomOne, List.of(span(MONDAY, "09:00", "10:15")));
        Availability availability =
                new Availability(LA, new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)), LONG_AGO);

        List<Slot> slots = availability.slotsWithRoom(
                request(HOUR, Duration.ZERO, MONDAY), List.of(therapist(ANA, "09:00", "12:00")), rooms);

        assertThat(times(slots)).containsExactly("11:00");
        assertThat(slots.get(0).roomId()).isEqualTo(roomOne);
    }

    @Test
    void picksTheNextRoomWhenTheFirstIsTaken() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        rooms.put(first, List.of(span(MONDAY, "09:00", "12:00")));
        rooms.put(second, List.of());

        List<Slot> slots = new Availability(LA, new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)), LONG_AGO)
                .slotsWithRoom(request(HOUR, Duration.ZERO, MONDAY), List.of(therapist(ANA, "09:00", "10:00")), rooms);

        assertThat(slots).singleElement().extracting(Slot::roomId).isEqualTo(second);
    }

    @Test
    void listsEveryTherapistInTimeOrder() {
        List<Slot> slots = slots(
                new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                request(HOUR, Duration.ZERO, MONDAY),
                therapist(BEN, "09:00", "11:00"),
                therapist(ANA, "10:00", "11:00"));

        assertThat(slots).extracting(Slot::therapistId).containsExactly(BEN, ANA, BEN);
    }

    @Test
    void respectsTheMinimumNotice() {
        Clock nineTen =
                Clock.fixed(ZonedDateTime.of(MONDAY, LocalTime.of(9, 10), LA).toInstant(), LA);
        Availability availability = new Availability(
                LA, new BookingRules(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(60)), nineTen);

        assertThat(times(availability.slots(
                        request(HOUR, Duration.ZERO, MONDAY), List.of(therapist(ANA, "09:00", "13:00")))))
                .containsExactly("11:30", "12:00");
    }

    @Test
    void offersNothingBeyondTheHorizon() {
        Clock weekBefore = Clock.fixed(
                ZonedDateTime.of(MONDAY.minusDays(7), LocalTime.of(10, 0), LA).toInstant(), LA);
        Availability availability =
                new Availability(LA, new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(7)), weekBefore);

        assertThat(times(availability.slots(
                        request(HOUR, Duration.ZERO, MONDAY), List.of(therapist(ANA, "09:00", "12:00")))))
                .containsExactly("09:00");
    }

    @Test
    void keepsWallClockHoursOnTheMarchChangeDay() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        List<Slot> slots = slots(
                new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                request(HOUR, Duration.ZERO, springForward),
                therapist(ANA, springForward, "10:00", "13:00"));

        assertThat(utc(slots)).containsExactly("17:00", "18:00", "19:00");
        assertThat(times(slots)).containsExactly("10:00", "11:00", "12:00");
    }

    @Test
    void offersNoStartInsideTheMarchGap() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        List<Slot> slots = slots(
                new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                request(HOUR, Duration.ZERO, springForward),
                therapist(ANA, springForward, "00:00", "04:00"));

        assertThat(zoned(slots)).containsExactly("00:00-08:00", "01:00-08:00", "03:00-07:00");
        assertThat(slots)
                .allMatch(slot -> Duration.between(slot.start(), slot.end()).equals(HOUR));
    }

    @Test
    void keepsWallClockHoursOnTheNovemberChangeDay() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        List<Slot> slots = slots(
                new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                request(HOUR, Duration.ZERO, fallBack),
                therapist(ANA, fallBack, "10:00", "13:00"));

        assertThat(utc(slots)).containsExactly("18:00", "19:00", "20:00");
    }

    @Test
    void offersTheRepeatedNovemberHourOnceInEachOffset() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        List<Slot> slots = slots(
                new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400)),
                request(HOUR, Duration.ZERO, fallBack),
                therapist(ANA, fallBack, "00:00", "03:00"));

        assertThat(zoned(slots)).containsExactly("00:00-07:00", "01:00-07:00", "01:00-08:00", "02:00-08:00");
    }

    static List<Slot> slots(BookingRules rules, Availability.Request request, TherapistSchedule... therapists) {
        return new Availability(LA, rules, LONG_AGO).slots(request, List.of(therapists));
    }

    static Availability.Request request(Duration session, Duration buffer, LocalDate day) {
        return new Availability.Request(session, buffer, day, day);
    }

    static TherapistSchedule therapist(UUID id, String from, String to) {
        return therapist(id, MONDAY, from, to);
    }

    static TherapistSchedule therapist(UUID id, LocalDate day, String from, String to) {
        return new TherapistSchedule(id, List.of(weekly(day, from, to)), List.of(), List.of(), List.of());
    }

    static WeeklyTime weekly(LocalDate day, String from, String to) {
        return new WeeklyTime(day.getDayOfWeek(), LocalTime.parse(from), LocalTime.parse(to));
    }

    static TimeRange span(LocalDate day, String from, String to) {
        return new TimeRange(
                ZonedDateTime.of(day, LocalTime.parse(from), LA).toInstant(),
                ZonedDateTime.of(day, LocalTime.parse(to), LA).toInstant());
    }

    static List<String> times(List<Slot> slots) {
        return format(slots, DateTimeFormatter.ofPattern("HH:mm").withZone(LA));
    }

    static List<String> zoned(List<Slot> slots) {
        return format(slots, DateTimeFormatter.ofPattern("HH:mmxxx").withZone(LA));
    }

    static List<String> utc(List<Slot> slots) {
        return format(slots, DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC));
    }

    private static List<String> format(List<Slot> slots, DateTimeFormatter format) {
        return slots.stream().map(slot -> format.format(slot.start())).toList();
    }
}
