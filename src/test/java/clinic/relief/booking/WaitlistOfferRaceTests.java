package clinic.relief.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.waitlist.PartOfDay;
import clinic.relief.booking.waitlist.WaitlistRequest;
import clinic.relief.patients.BadLink;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static clinic.relief.shared.Timestamps.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A waitlist offer claimed at the same instant as something else wants its time, from two threads against the real
 * database, a few rounds each: the same link followed twice (a double click), two patients offered the same freed
 * time, and a claim while the desk books the freed time for a caller. Exactly one appointment holds the time, and
 * the offers, waitlist entries and letters all tell the same story: the winner's offer CLAIMED with its appointment
 * and its entry BOOKED, the loser's offer TAKEN with no appointment and its entry still WAITING, one confirmation.
 */
@ReliefTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitlistOfferRaceTests {

    private static final int ROUNDS = 3;
    private static final String SERVICE = "swedish";

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Waitlist waitlist;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    BookingFixture fixture;
    LocalDate day;
    int round;

    @BeforeAll
    void oneRoom() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        day = fixture.day();
    }

    /** One waiting patient and the time on offer; each round has a therapist and an hour of its own. */
    record Waiting(UUID entry, UUID patient, String email) {}

    record Time(UUID therapist, LocalDate day, Instant start) {}

    @Test
    void theSameLinkFollowedTwiceAtOnceBooksOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            Time time = nextTime();
            Waiting wren = waiting("wren", time);
            String token = offer(wren, time);

            List<Object> outcomes = Race.run(2, n -> () -> waitlist.claim(token));

            assertThat(outcomes).as("both clicks answer").allMatch(Waitlist.Claim.class::isInstance);
            UUID appointment = onlyAppointmentAt(time);
            assertThat(patientOf(appointment)).isEqualTo(wren.patient());
            assertClaimed(wren, appointment);
        }
    }

    /**
     * The second click of a double click can arrive after the first has finished, and the browser shows the last
     * answer: it is the same booking, not "link used" (seen under faketime, where the race above lost its overlap).
     * Once that visit is cancelled, the link is used up.
     */
    @Test
    void theSameLinkFollowedAgainAfterItsClaimAnswersTheSameBookingUntilThatVisitIsCancelled() {
        Time time = nextTime();
        Waiting wren = waiting("wren", time);
        String token = offer(wren, time);

        Waitlist.Claim first = waitlist.claim(token);
        Waitlist.Claim again = waitlist.claim(token);

        assertThat(first.booked()).isTrue();
        assertThat(again.booked()).isTrue();
        assertThat(again.requested()).isFalse();
        assertThat(again.appointment()).isEqualTo(first.appointment()).isPresent();
        UUID appointment = onlyAppointmentAt(time);
        assertThat(first.appointment()).contains(appointment);
        assertClaimed(wren, appointment);

        book.cancel(appointment);

        assertThatThrownBy(() -> waitlist.claim(token))
                .isInstanceOfSatisfying(
                        BadLink.class, bad -> assertThat(bad.reason()).isEqualTo(BadLink.Reason.USED));
    }

    @Test
    void twoPatientsClaimingTheSameOfferedTimeAtOnceGetOneAppointment() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            Time time = nextTime();
            Waiting wren = waiting("wren", time);
            Waiting walt = waiting("walt", time);
            List<String> tokens = List.of(offer(wren, time), offer(walt, time));

            List<Object> outcomes = Race.run(2, n -> () -> waitlist.claim(tokens.get(n)));

            String what = "round " + i + ": " + outcomes;
            assertThat(outcomes).as(what).allMatch(Waitlist.Claim.class::isInstance);
            List<Waitlist.Claim> claims =
                    outcomes.stream().map(Waitlist.Claim.class::cast).toList();
            assertThat(claims.stream().filter(Waitlist.Claim::booked)).as(what).hasSize(1);
            UUID appointment = onlyAppointmentAt(time);
            Waiting winner = patientOf(appointment).equals(wren.patient()) ? wren : walt;
            Waiting loser = winner == wren ? walt : wren;
            assertThat(claims.get(winner == wren ? 0 : 1).booked()).as(what).isTrue();
            assertClaimed(winner, appointment);
            assertTaken(loser);
        }
    }

    @Test
    void aClaimWhileTheDeskBooksTheFreedTimeLeavesOneAppointment() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            Time time = nextTime();
            Waiting wren = waiting("wren", time);
            Appointment freed = booking.book(command(fixture.patient(), time));
            book.cancel(freed.id());
            String token = offer(wren, time);
            UUID caller = fixture.patient();

            List<Object> outcomes =
                    Race.run(2, n -> () -> n == 0 ? waitlist.claim(token) : booking.book(command(caller, time)));

            String what = "round " + i + ": " + outcomes;
            UUID appointment = onlyAppointmentAt(time);
            if (patientOf(appointment).equals(wren.patient())) {
                assertThat(((Waitlist.Claim) outcomes.get(0)).booked()).as(what).isTrue();
                assertThat(outcomes.get(1)).as(what).isInstanceOf(SlotTaken.class);
                assertClaimed(wren, appointment);
            } else {
                assertThat(patientOf(appointment)).as(what).isEqualTo(caller);
                assertThat(((Waitlist.Claim) outcomes.get(0)).booked()).as(what).isFalse();
                assertThat(outcomes.get(1)).as(what).isInstanceOf(Appointment.class);
                assertTaken(wren);
            }
        }
    }

    /**
     * A new therapist (so no earlier round's entry waits for them) and the round's own time in the one room: four
     * times a day (9, 11, 1 and 3 o'clock), from the fixture's day on.
     */
    private Time nextTime() {
        UUID therapist = fixture.therapist("09:00", "17:00");
        LocalDate on = day.plusDays(round / 4);
        Instant start = fixture.at(on, "%02d:00".formatted(9 + 2 * (round % 4)));
        round++;
        return new Time(therapist, on, start);
    }

    private Waiting waiting(String name, Time time) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient(name, "Racer", null, email, null, "en"))
                .id();
        UUID entry = waitlist.join(
                        patient,
                        WaitlistRequest.with(time.therapist(), SERVICE, 60, time.day(), time.day(), PartOfDay.ANY))
                .id();
        return new Waiting(entry, patient, email);
    }

    /** The link of the offer of this time: the one a cancellation already sent, or one the desk sends now. */
    private String offer(Waiting waiting, Time time) {
        if (offers(waiting, "OPEN") == 0) {
            assertThat(waitlist.offerTime(waiting.entry(), time.start(), time.therapist()))
                    .as("the desk offers the free time")
                    .isTrue();
        }
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'WAITLIST_OFFER'")
                .param("e", waiting.email())
                .query(String.class)
                .single();
        return body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    private BookAppointment command(UUID patient, Time time) {
        return new BookAppointment(
                patient,
                SERVICE,
                60,
                time.start(),
                Optional.of(time.therapist()),
                Appointment.Source.FRONT_DESK,
                null,
                null);
    }

    private UUID onlyAppointmentAt(Time time) {
        return jdbc.sql("""
                select id from booking_appointment
                where therapist_id = :t and starts_at = :s and status <> 'CANCELLED'""")
                .param("t", time.therapist())
                .param("s", utc(time.start()))
                .query(UUID.class)
                .single();
    }

    private UUID patientOf(UUID appointment) {
        return jdbc.sql("select patient_id from booking_appointment where id = :id")
                .param("id", appointment)
                .query(UUID.class)
                .single();
    }

    private void assertClaimed(Waiting winner, UUID appointment) {
        assertThat(jdbc.sql("select status || ' ' || appointment_id from booking_waitlist_offer where entry_id = :e")
                        .param("e", winner.entry())
                        .query(String.class)
                        .list())
                .as("the winner's offer")
                .containsExactly("CLAIMED " + appointment);
        assertThat(waitlist.get(winner.entry()).status())
                .as("the winner's entry")
                .isEqualTo("BOOKED");
        assertThat(letters(appointment, "CONFIRMATION")).as("one confirmation").isEqualTo(1);
    }

    private void assertTaken(Waiting loser) {
        assertThat(jdbc.sql("""
                select status || ' ' || coalesce(appointment_id::text, 'none') from booking_waitlist_offer
                where entry_id = :e""").param("e", loser.entry()).query(String.class).list())
                .as("the loser's offer")
                .containsExactly("TAKEN none");
        assertThat(waitlist.get(loser.entry()).status())
                .as("the loser keeps their place")
                .isEqualTo("WAITING");
        assertThat(jdbc.sql("select count(*) from booking_appointment where patient_id = :p")
                        .param("p", loser.patient())
                        .query(Integer.class)
                        .single())
                .as("the loser has no appointment, not even a cancelled one")
                .isZero();
    }

    private int offers(Waiting waiting, String status) {
        return jdbc.sql("select count(*) from booking_waitlist_offer where entry_id = :e and status = :s")
                .param("e", waiting.entry())
                .param("s", status)
                .query(Integer.class)
                .single();
    }

    private int letters(UUID appointment, String kind) {
        return jdbc.sql("select count(*) from booking_outbox where appointment_id = :a and kind = :k")
                .param("a", appointment)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }
}
