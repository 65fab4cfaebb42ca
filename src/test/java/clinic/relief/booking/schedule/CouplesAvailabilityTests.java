package clinic.relief.booking.schedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.booking.Slot;
import clinic.relief.booking.TimeRange;
import org.junit.jupiter.api.Test;

import static clinic.relief.booking.schedule.AvailabilityTests.HOUR;
import static clinic.relief.booking.schedule.AvailabilityTests.LA;
import static clinic.relief.booking.schedule.AvailabilityTests.LONG_AGO;
import static clinic.relief.booking.schedule.AvailabilityTests.MONDAY;
import static clinic.relief.booking.schedule.AvailabilityTests.request;
import static clinic.relief.booking.schedule.AvailabilityTests.span;
import static clinic.relief.booking.schedule.AvailabilityTests.therapist;
import static clinic.relief.booking.schedule.AvailabilityTests.times;
import static clinic.relief.booking.schedule.AvailabilityTests.weekly;
import static org.assertj.core.api.Assertions.assertThat;

/** A couples massage: a start exists only when two therapists and one room are free for the whole span. */
class CouplesAvailabilityTests {

    static final UUID ANA = AvailabilityTests.ANA;
    static final UUID BEN = AvailabilityTests.BEN;
    static final UUID CAL = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final BookingRules EVERY_HOUR = new BookingRules(HOUR, Duration.ZERO, Duration.ofDays(400));
    static final BookingRules EVERY_15 = new BookingRules(Duration.ofMinutes(15), Duration.ZERO, Duration.ofDays(400));

    @Test
    void offersAStartOnlyWhereTwoTherapistsAreBothFree() {
        List<Slot> slots = pairs(
                EVERY_HOUR,
                request(HOUR, Duration.ZERO, MONDAY),
                therapist(ANA, "09:00", "12:00"),
                therapist(BEN, "10:00", "12:00"));

        assertThat(times(slots)).containsExactly("10:00", "10:00", "11:00", "11:00");
        assertThat(slots)
                .allSatisfy(slot -> assertThat(slot.secondTherapistId()).isPresent());
        assertThat(slots)
                .allSatisfy(slot ->
                        assertThat(slot.secondTherapistId().orElseThrow()).isNotEqualTo(slot.therapistId()));
    }

    @Test
    void offersNothingWithOneTherapistAlone() {
        assertThat(pairs(EVERY_HOUR, request(HOUR, Duration.ZERO, MONDAY), therapist(ANA, "09:00", "17:00")))
                .isEmpty();
    }

    @Test
    void respectsTheSecondTherapistsBreak() {
        TherapistSchedule benWithLunch = new TherapistSchedule(
                BEN,
                List.of(weekly(MONDAY, "09:00", "13:00")),
                List.of(weekly(MONDAY, "10:00", "11:00")),
                List.of(),
                List.of());

        assertThat(times(pairs(
                        EVERY_HOUR,
                        request(HOUR, Duration.ZERO, MONDAY),
                        Availability.Pair.anyone(),
                        therapist(ANA, "09:00", "13:00"),
                        benWithLunch)))
                .containsExactly("09:00", "09:00", "11:00", "11:00", "12:00", "12:00");
    }

    @Test
    void respectsEitherTherapistsTimeOff() {
        TherapistSchedule anaAway = new TherapistSchedule(
                ANA,
                List.of(weekly(MONDAY, "09:00", "13:00")),
                List.of(),
                List.of(span(MONDAY, "08:00", "11:00")),
                List.of());

        assertThat(times(pairs(
                        EVERY_HOUR, request(HOUR, Duration.ZERO, MONDAY), anaAway, therapist(BEN, "09:00", "13:00"))))
                .containsExactly("11:00", "11:00", "12:00", "12:00");
    }

    @Test
    void keepsTheWholeSessionAndBufferFreeForBothTherapists() {
        // Ben's next client at 11:00: a 60-minute couples session with a 30-minute buffer must end its buffer by then.
        TherapistSchedule benBusy = therapist(BEN, "09:00", "13:00").withBlocked(span(MONDAY, "11:00", "12:00"));

        List<Slot> slots = pairs(
                EVERY_15,
                request(HOUR, Duration.ofMinutes(30), MONDAY),
                new Availability.Pair(Optional.of(ANA), Optional.empty()),
                therapist(ANA, "09:00", "13:00"),
                benBusy);

        assertThat(times(slots)).containsExactly("09:00", "09:15", "09:30");
        assertThat(slots).extracting(Slot::secondTherapistId).containsOnly(Optional.of(BEN));
    }

    @Test
    void needsOneRoomFreeForTheWholeSpan() {
        UUID only = UUID.randomUUID();
        Map<UUID, List<TimeRange>> rooms = new LinkedHashMap<>();
        rooms.put(only, List.of(span(MONDAY, "09:00", "10:15")));

        List<Slot> slots = new Availability(LA, EVERY_HOUR, LONG_AGO)
                .pairsWithRoom(
                        request(HOUR, Duration.ZERO, MONDAY),
                        List.of(therapist(ANA, "09:00", "13:00"), therapist(BEN, "09:00", "13:00")),
                        rooms,
                        Availability.Pair.anyone());

        assertThat(times(slots)).containsExactly("11:00", "11:00", "12:00", "12:00");
        assertThat(slots).extracting(Slot::roomId).containsOnly(only);
    }

    @Test
    void pairsTheTherapistAskedForWithTheFirstOtherFreeOrTheOneNamed() {
        Availability.Request request = request(HOUR, Duration.ZERO, MONDAY);
        TherapistSchedule ana = therapist(ANA, "09:00", "10:00");
        TherapistSchedule ben = therapist(BEN, "09:00", "10:00");
        TherapistSchedule cal = therapist(CAL, "09:00", "10:00");

        assertThat(pairs(EVERY_HOUR, request, new Availability.Pair(Optional.of(CAL), Optional.empty()), ana, ben, cal))
                .singleElement()
                .satisfies(slot -> {
                    assertThat(slot.therapistId()).isEqualTo(CAL);
                    assertThat(slot.secondTherapistId()).contains(ANA);
                });
        assertThat(pairs(EVERY_HOUR, request, new Availability.Pair(Optional.of(ANA), Optional.of(CAL)), ana, ben, cal))
                .singleElement()
                .extracting(Slot::secondTherapistId)
                .isEqualTo(Optional.of(CAL));
    }

    @Test
    void offersNothingWhenTheNamedSecondTherapistIsBusy() {
        TherapistSchedule benBusy = therapist(BEN, "09:00", "10:00").withBlocked(span(MONDAY, "09:30", "10:00"));

        assertThat(pairs(
                        EVERY_HOUR,
                        request(HOUR, Duration.ZERO, MONDAY),
                        new Availability.Pair(Optional.of(ANA), Optional.of(BEN)),
                        therapist(ANA, "09:00", "10:00"),
                        benBusy,
                        therapist(CAL, "09:00", "10:00")))
                .isEmpty();
    }

    static List<Slot> pairs(BookingRules rules, Availability.Request request, TherapistSchedule... therapists) {
        return pairs(rules, request, Availability.Pair.anyone(), therapists);
    }

    static List<Slot> pairs(
            BookingRules rules, Availability.Request request, Availability.Pair pair, TherapistSchedule... therapists) {
        return new Availability(LA, rules, LONG_AGO).pairs(request, List.of(therapists), pair);
    }
}
