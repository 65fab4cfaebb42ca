package clinic.relief.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.FollowUpVouchers;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Line;
import clinic.relief.billing.Quote;
import clinic.relief.billing.Quotes;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingTestData;
import clinic.relief.shared.Money;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relief guarantee's voucher is honoured by billing: the follow-up booked within its validity is priced at zero,
 * once. Two bookings at once, or two claims of the guarantee at once, never give two free sessions.
 */
@ReliefTest
class FreeFollowUpTests {

    @Autowired
    OutcomesFixture fixture;

    @Autowired
    Measures measures;

    @Autowired
    FollowUpVouchers vouchers;

    @Autowired
    Quotes quotes;

    @Autowired
    Invoices invoices;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook appointments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    BookingTestData data;
    UUID therapist;
    UUID client;
    UUID shortSession;

    @BeforeEach
    void sessionThatFellShort() {
        data = new BookingTestData(context);
        therapist = data.therapistWithOwnRoom("00:00", "23:45");
        client = fixture.client();
        shortSession = fixture.visit(
                client,
                fixture.staffMember(StaffRole.THERAPIST),
                clock.instant().minus(2, ChronoUnit.HOURS),
                "swedish");
        measures.recordPain(fixture.visitOf(shortSession), 6, 5, Measures.Actor.CLIENT_LINK);
    }

    @Test
    void theFollowUpIsFreeOnceAndTheNextOneIsPaid() {
        assertThat(quotes.preview(client, "swedish", 60, data.day()).total()).isEqualTo(Money.ZERO);
        UUID followUp = book("10:00");
        EventsHandled.awaitAll(jdbc);
        UUID another = book("14:00");
        EventsHandled.awaitAll(jdbc);

        Quote free = quotes.ofAppointment(followUp).orElseThrow();
        assertThat(free.total()).isEqualTo(Money.ZERO);
        assertThat(free.lines()).extracting(Line::kind).contains(Line.Kind.FREE_FOLLOW_UP);
        assertThat(quotes.freeFollowUp(followUp)).isTrue();
        assertThat(quotes.freeFollowUp(another)).isFalse();
        assertThat(invoices.forAppointment(followUp).orElseThrow().total()).isEqualTo(Money.ZERO);
        assertThat(quotes.ofAppointment(another).orElseThrow().total().isPositive())
                .isTrue();
        assertThat(redeemedFor()).containsExactly(followUp);
        assertThat(quotes.preview(client, "swedish", 60, data.day()).total().isPositive())
                .isTrue();
    }

    @Test
    void aCancelledFreeFollowUpGivesTheVoucherBack() {
        UUID followUp = book("10:00");
        EventsHandled.awaitAll(jdbc);
        appointments.cancel(followUp);
        EventsHandled.awaitAll(jdbc);

        assertThat(redeemedFor()).isEmpty();
        UUID again = book("15:00");
        EventsHandled.awaitAll(jdbc);
        assertThat(quotes.ofAppointment(again).orElseThrow().total()).isEqualTo(Money.ZERO);
    }

    @Test
    void aVoucherPaysNeitherAnotherServiceNorALongerSessionNorOneAfterItsValidity() {
        Instant start = data.at(data.day(), "10:00");
        assertThat(vouchers.available(client, "trigger-point", 60, start)).isEmpty();
        assertThat(vouchers.available(client, "swedish", 90, start)).isEmpty();
        assertThat(vouchers.available(client, "swedish", 60, start.plus(400, ChronoUnit.DAYS)))
                .isEmpty();
        assertThat(vouchers.available(client, "swedish", 60, clock.instant().minus(3, ChronoUnit.HOURS)))
                .isEmpty();
        assertThat(vouchers.available(client, "swedish", 60, start)).isPresent();
    }

    @Test
    void twoBookingsAtOnceGetOneFreeSession() throws Exception {
        Instant start = data.at(data.day(), "10:00");
        List<Optional<FollowUpVouchers.FreeSession>> results =
                together(() -> redeem(start, UUID.randomUUID()), () -> redeem(start, UUID.randomUUID()));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(redeemedFor()).hasSize(1);
    }

    @Test
    void twoFollowUpsBookedAtOnceGetOneFreeSession() throws Exception {
        List<UUID> booked = together(() -> book("10:00"), () -> book("14:00"));
        EventsHandled.awaitAll(jdbc);

        assertThat(booked)
                .filteredOn(id -> quotes.ofAppointment(id).orElseThrow().total().equals(Money.ZERO))
                .hasSize(1)
                .containsExactlyElementsOf(redeemedFor());
    }

    @Test
    void theSameAppointmentAskingTwiceKeepsItsOneVoucher() {
        Instant start = data.at(data.day(), "10:00");
        UUID appointment = UUID.randomUUID();
        assertThat(redeem(start, appointment)).isPresent();
        assertThat(redeem(start, appointment)).isPresent();
        assertThat(redeem(start, UUID.randomUUID())).isEmpty();
        assertThat(redeemedFor()).containsExactly(appointment);
    }

    @Test
    void aGuaranteeClaimedTwiceAtOnceGivesOneVoucherAndOneEmail() throws Exception {
        UUID session = fixture.visit(
                client,
                fixture.staffMember(StaffRole.THERAPIST),
                clock.instant().minus(1, ChronoUnit.HOURS),
                "swedish");
        Visit visit = fixture.visitOf(session);
        together(
                () -> measures.recordPain(visit, 7, 6, Measures.Actor.CLIENT_LINK),
                () -> measures.recordPain(visit, 7, 6, Measures.Actor.CLIENT_LINK));

        assertThat(count("select count(*) from outcomes_voucher where appointment_id = :a", session))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from booking_outbox where appointment_id = :a and kind = 'RELIEF_OFFER'",
                        session))
                .isEqualTo(1);
    }

    /** Redeems in a transaction of its own, as billing's listener does. */
    private Optional<FollowUpVouchers.FreeSession> redeem(Instant start, UUID appointment) {
        Optional<FollowUpVouchers.FreeSession> used =
                transactions.execute(tx -> vouchers.redeem(client, "swedish", 60, start, appointment));
        return used;
    }

    private UUID book(String time) {
        return booking.book(new BookAppointment(
                        client,
                        "swedish",
                        60,
                        data.at(data.day(), time),
                        Optional.of(therapist),
                        Appointment.Source.FRONT_DESK,
                        null,
                        null))
                .id();
    }

    private List<UUID> redeemedFor() {
        return jdbc.sql("select redeemed_for from outcomes_voucher where patient_id = :p and redeemed_for is not null")
                .param("p", client)
                .query(UUID.class)
                .list();
    }

    private int count(String sql, UUID appointment) {
        return jdbc.sql(sql).param("a", appointment).query(Integer.class).single();
    }

    /** Runs both at the same moment on two threads; returns their results (rethrows a failure). */
    @SafeVarargs
    private static <T> List<T> together(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
