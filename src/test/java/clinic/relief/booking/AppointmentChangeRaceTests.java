package clinic.relief.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import clinic.relief.ReliefTest;
import clinic.relief.booking.online.OnlineHolds;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.store.Appointments;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.AppointmentStatus.BOOKED;
import static clinic.relief.booking.AppointmentStatus.CANCELLED;
import static clinic.relief.booking.AppointmentStatus.CHECKED_IN;
import static clinic.relief.booking.AppointmentStatus.COMPLETED;
import static clinic.relief.booking.AppointmentStatus.PENDING;
import static clinic.relief.booking.AppointmentStatus.REQUESTED;
import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every pair of changes to one appointment, fired at the same instant from two threads against the real database,
 * a few times each: exactly one applies, and the appointment's status, version, invoice, voucher and letters show
 * that one change and nothing of the other. Each pair starts from the state where one of its changes applies (from
 * both, when they differ), so a change that would only apply after the other (complete after check-in, cancel after
 * approval) must lose too: the desk asked for it on what it saw, and that is gone.
 */
@ReliefTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentChangeRaceTests {

    /** Rounds of a pair whose changes both apply to where it starts (the real race), and of any other pair. */
    private static final int ROUNDS = 3;

    private static final int ROUNDS_ONE_APPLIES = 2;
    private static final String SERVICE = "swedish";
    private static final String DESK = "desk@example.com";

    /** A change, and the state it applies to. */
    enum Change {
        CANCEL(BOOKED, CANCELLED),
        CHECK_IN(BOOKED, CHECKED_IN),
        NO_SHOW(BOOKED, AppointmentStatus.NO_SHOW),
        RESCHEDULE(BOOKED, BOOKED),
        UNDO_CHECK_IN(CHECKED_IN, BOOKED),
        COMPLETE(CHECKED_IN, COMPLETED),
        APPROVE(REQUESTED, BOOKED),
        DECLINE(REQUESTED, CANCELLED),
        WITHDRAW(REQUESTED, CANCELLED),
        CONFIRM(PENDING, BOOKED),
        RELEASE(PENDING, CANCELLED);

        final AppointmentStatus from;
        final AppointmentStatus to;

        Change(AppointmentStatus from, AppointmentStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    /** How the appointment under test came to be: booked by the desk, requested by a new client, or held online. */
    enum Origin {
        DESK,
        REQUEST,
        HOLD
    }

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Approvals approvals;

    @Autowired
    BookingRequests requests;

    @Autowired
    OnlineHolds holds;

    @Autowired
    Appointments appointments;

    @Autowired
    MockMvc mvc;

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
    UUID therapist;
    LocalDate day;
    Instant slot;
    Instant movedTo;
    Instant pastBase;
    int parked;

    @BeforeAll
    void oneTherapistAndRoom() {
        fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        therapist = fixture.therapist("00:00", "23:45");
        day = fixture.day();
        slot = fixture.at(day, "10:00");
        movedTo = fixture.at(day, "13:00");
        pastBase = fixture.at(LocalDate.ofInstant(clock.instant(), BookingFixture.LA), "00:00");
    }

    static Stream<Arguments> pairs() {
        List<Arguments> cases = new ArrayList<>();
        Change[] all = Change.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i; j < all.length; j++) {
                Set<AppointmentStatus> starts = EnumSet.of(all[i].from, all[j].from);
                for (AppointmentStatus start : starts) {
                    cases.add(Arguments.of(all[i], all[j], start));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} and {1} at once on a {2} appointment")
    @MethodSource("pairs")
    void exactlyOneOfTwoConcurrentChangesApplies(Change first, Change second, AppointmentStatus start)
            throws Exception {
        int rounds = first.from == second.from ? ROUNDS : ROUNDS_ONE_APPLIES;
        for (int round = 0; round < rounds; round++) {
            // Every other desk booking is a free follow-up paid by a relief-guarantee voucher.
            Subject subject = prepare(origin(first, second, start), start, round % 2 == 1);
            List<Object> outcomes = Race.run(2, i -> () -> apply(i == 0 ? first : second, subject));
            try {
                verify(first, second, subject, outcomes);
            } finally {
                park(subject.id());
            }
        }
    }

    /** One appointment ready for the race, and what its setup already wrote. */
    record Subject(
            UUID id,
            UUID patient,
            AppointmentStatus start,
            int version,
            Optional<String> token,
            boolean voucher,
            int confirmations) {}

    private static Origin origin(Change first, Change second, AppointmentStatus start) {
        Set<Change> pair = EnumSet.of(first, second);
        if (start == PENDING) {
            return Origin.HOLD;
        }
        if (start == REQUESTED) {
            return Origin.REQUEST;
        }
        if (pair.contains(Change.CONFIRM)) {
            return Origin.HOLD;
        }
        if (pair.contains(Change.APPROVE) || pair.contains(Change.DECLINE) || pair.contains(Change.WITHDRAW)) {
            return Origin.REQUEST;
        }
        return Origin.DESK;
    }

    private Subject prepare(Origin origin, AppointmentStatus start, boolean withVoucher) throws Exception {
        UUID id;
        UUID patient;
        Optional<String> token = Optional.empty();
        boolean voucher = false;
        switch (origin) {
            case HOLD -> {
                String email = "race-" + UUID.randomUUID() + "@example.com";
                hold(email);
                id = jdbc.sql("select appointment_id from booking_online_hold where email = :e")
                        .param("e", email)
                        .query(UUID.class)
                        .single();
                token = Optional.of(token(email));
                if (start != PENDING) {
                    confirm(token.get());
                }
            }
            case REQUEST -> {
                patient = fixture.patient();
                id = approvals
                        .requestFor(booking, command(patient, Appointment.Source.ONLINE), patients.get(patient))
                        .id();
                if (start != REQUESTED) {
                    assertThat(approvals.approve(id, DESK)).isEqualTo(Approvals.Approval.BOOKED);
                }
            }
            default -> {
                patient = fixture.patient();
                voucher = withVoucher && voucherFor(patient);
                id = booking.book(command(patient, Appointment.Source.FRONT_DESK))
                        .id();
            }
        }
        if (start == BOOKED || start == CHECKED_IN) {
            // A visit is checked in, completed or missed only once it has begun: the appointment moves to the past.
            park(id);
            if (start == CHECKED_IN) {
                book.checkIn(id);
            }
        }
        if (voucher) {
            assertThat(redeemedFor(id)).as("the voucher pays this booking").isTrue();
        }
        Appointment.Stored row = stored(id);
        assertThat(row.status()).isEqualTo(start);
        int confirmations = count(id, "CONFIRMATION");
        return new Subject(id, row.patientId(), start, row.version(), token, voucher, confirmations);
    }

    private Object apply(Change change, Subject s) throws Exception {
        switch (change) {
            case CANCEL -> book.cancel(s.id(), s.version());
            case CHECK_IN -> book.checkIn(s.id(), s.version());
            case NO_SHOW -> book.markNoShow(s.id(), s.version());
            case RESCHEDULE -> book.reschedule(s.id(), s.version(), movedTo, therapist);
            case UNDO_CHECK_IN -> book.undoCheckIn(s.id(), s.version());
            case COMPLETE -> book.complete(s.id(), s.version());
            case APPROVE -> {
                return approvals.approve(s.id(), DESK) == Approvals.Approval.BOOKED ? change : "lapsed";
            }
            case DECLINE -> approvals.decline(s.id(), null, DESK);
            case WITHDRAW -> requests.withdraw(s.id(), s.patient());
            case CONFIRM -> {
                int status = mvc.perform(post("/book/confirm")
                                .with(csrf())
                                .param("token", s.token().orElse("no-such-link")))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                return status / 100 == 3 ? change : "http " + status;
            }
            case RELEASE -> holds.release(s.id(), DESK);
        }
        return change;
    }

    private void verify(Change first, Change second, Subject s, List<Object> outcomes) {
        List<Object> won = outcomes.stream().filter(Change.class::isInstance).toList();
        String what = first + " and " + second + " on " + s.start() + ": " + outcomes;
        assertThat(won).as(what).hasSize(1);
        Object lost = outcomes.stream()
                .filter(o -> !(o instanceof Change))
                .findFirst()
                .orElseThrow();
        assertThat(lost)
                .as(what)
                .satisfiesAnyOf(
                        l -> assertThat(l).isInstanceOf(AppointmentStateConflict.class),
                        l -> assertThat(l).isInstanceOf(SlotTaken.class),
                        l -> assertThat(String.valueOf(l)).matches("http 4\\d\\d"));
        Change winner = (Change) won.get(0);
        if (first.from != second.from) {
            assertThat(winner)
                    .as(what + ": only one of them applies to " + s.start())
                    .matches(w -> w.from == s.start());
        }
        Appointment.Stored row = stored(s.id());
        assertThat(row.status()).as(what).isEqualTo(winner.to);
        assertThat(row.version()).as(what + ": one write").isEqualTo(s.version() + 1);
        if (winner == Change.RESCHEDULE) {
            assertThat(row.start()).isEqualTo(movedTo);
        }
        assertThat(count(s.id(), "CANCELLATION")).as(what).isEqualTo(winner == Change.CANCEL ? 1 : 0);
        assertThat(count(s.id(), "CHANGE")).as(what).isEqualTo(winner == Change.RESCHEDULE ? 1 : 0);
        assertThat(count(s.id(), "REQUEST_DECLINED")).as(what).isEqualTo(winner == Change.DECLINE ? 1 : 0);
        assertThat(count(s.id(), "CONFIRMATION"))
                .as(what)
                .isEqualTo(s.confirmations() + (winner == Change.APPROVE || winner == Change.CONFIRM ? 1 : 0));
        boolean billed =
                s.start() == BOOKED || s.start() == CHECKED_IN || winner == Change.APPROVE || winner == Change.CONFIRM;
        assertThat(lines(s.id(), "LIST_PRICE")).as(what + ": invoiced").isEqualTo(billed ? 1 : 0);
        boolean reversed = (winner == Change.CANCEL || winner == Change.NO_SHOW) && !s.voucher();
        assertThat(lines(s.id(), "CANCELLED")).as(what + ": session reversed").isEqualTo(reversed ? 1 : 0);
        if (s.voucher()) {
            assertThat(redeemedFor(s.id())).as(what + ": voucher still used").isEqualTo(winner != Change.CANCEL);
        }
    }

    private BookAppointment command(UUID patient, Appointment.Source source) {
        return new BookAppointment(patient, SERVICE, 60, slot, Optional.of(therapist), source, null, null);
    }

    /**
     * Moves the appointment to a time of its own in the past: setting up a visit that has begun, and afterwards
     * freeing the future times the next round books.
     */
    private void park(UUID id) {
        Instant at = pastBase.minus(Duration.ofHours(2L * ++parked));
        jdbc.sql("""
                update booking_appointment set starts_at = :at, ends_at = :at + (ends_at - starts_at),
                    blocked_until = :at + (blocked_until - starts_at)
                where id = :id""").param("at", at.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }

    /** A relief-guarantee voucher for the patient's next Swedish hour, as outcomes leaves one after a short visit. */
    private boolean voucherFor(UUID patient) {
        UUID visit = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                with visit as (insert into outcomes_visit (appointment_id, patient_id, therapist_id, service_id,
                        minutes, started_at, visit_number, link_token_hash, link_expires_at, completed_at)
                    values (:visit, :patient, :therapist, 'swedish', 60, :started, 1, :token, :until, :now))
                insert into outcomes_voucher (appointment_id, patient_id, service_id, pain_before, pain_after,
                    valid_until, created_at)
                values (:visit, :patient, 'swedish', 6, 5, :until, :now)""")
                .param("visit", visit)
                .param("patient", patient)
                .param("therapist", therapist)
                .param("started", now.minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC))
                .param("token", visit.toString().replace("-", ""))
                .param("until", now.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return true;
    }

    private boolean redeemedFor(UUID appointment) {
        return jdbc.sql("select count(*) from outcomes_voucher where redeemed_for = :a")
                        .param("a", appointment)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private Appointment.Stored stored(UUID id) {
        return appointments.find(id).orElseThrow().stored();
    }

    private int count(UUID appointment, String kind) {
        return jdbc.sql("select count(*) from booking_outbox where appointment_id = :a and kind = :k")
                .param("a", appointment)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    private int lines(UUID appointment, String kind) {
        return jdbc.sql("""
                select count(*) from billing_invoice_line l join billing_invoice i on i.id = l.invoice_id
                where i.appointment_id = :a and l.kind = :k""")
                .param("a", appointment)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    private void hold(String email) throws Exception {
        mvc.perform(visitor(email, SERVICE + ":60", slot + "|" + therapist)
                .with("conditions", "none")
                .post());
    }

    private void confirm(String token) throws Exception {
        assertThat(mvc.perform(post("/book/confirm").with(csrf()).param("token", token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    private String token(String email) {
        return jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'VERIFY_BOOKING'")
                .param("e", email)
                .query(String.class)
                .single()
                .replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }
}
