package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Membership;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One invoice, one card charge at a time, whoever starts it: the desk's checkout racing a no-show fee on the visit's
 * invoice (in each order, forced behind the invoice's lock), and a membership month's dues racing a payment taken at
 * the desk (two threads released together by a latch). Exactly one takes the money, the local Stripe sees one charge
 * at most, the other gets a clear refusal or state, and nothing is recorded that Stripe did not do.
 */
@ReliefTest
class InvoiceChargeRaceTests {

    private static final Money FEE = Money.of("45.00");
    private static final String PLAN = "relief-monthly";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Patients patients;

    @Autowired
    Invoices invoices;

    @Autowired
    Memberships memberships;

    @Autowired
    Payments payments;

    @Autowired
    List<BookingParticipant> participants;

    @Autowired
    CardsOnFile cards;

    @Autowired
    DeskCheckouts checkouts;

    @Autowired
    FeeCharges fees;

    @Autowired
    MembershipDues dues;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void theDesksCheckoutRacingANoShowFeeOnTheSameInvoiceChargesTheCardOnceInEitherOrder() throws Exception {
        UUID patient = patientWithCard();
        String customer = customerOf(patient);

        // The fee reaches the invoice's lock first: it charges the card, and the desk is refused with nothing charged.
        Fee first = missedWithFee(patient);
        assertThat(invoices.get(first.invoiceId()).balance()).isEqualTo(FEE);
        List<Object> feeFirst = inOrder(
                first.invoiceId(),
                () -> fees.charge(first.id()),
                () -> checkouts.chargeCard(first.appointmentId(), 0, FEE));
        assertThat(feeFirst.get(0)).isEqualTo(Fee.State.PAID);
        assertThat(feeFirst.get(1))
                .isIn("payments.checkout.problem.underWayElsewhere", "payments.checkout.problem.alreadyPaid");
        assertThat(invoices.get(first.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(FEE))
                .satisfies(p -> assertThat(p.note())
                        .isEqualTo(fees.find(first.id()).paymentIntentId().orElseThrow()));
        assertThat(stripe.chargesOf(customer)).isEqualTo(1);

        // The desk reaches it first: it charges the card; the fee charges nothing, now or later.
        Fee second = missedWithFee(patient);
        List<Object> deskFirst = inOrder(
                second.invoiceId(),
                () -> checkouts.chargeCard(second.appointmentId(), 0, FEE),
                () -> fees.charge(second.id()));
        assertThat(deskFirst.get(0)).isEqualTo(DeskCheckouts.CardOutcome.PAID);
        // The fee saw the checkout's charge under way (it waits) or paid (nothing left to charge).
        assertThat(deskFirst.get(1)).isIn(Fee.State.PENDING, Fee.State.SETTLED);
        assertThat(fees.charge(second.id())).isEqualTo(Fee.State.SETTLED);
        assertThat(fees.find(second.id()).paymentIntentId()).isEmpty();
        Invoice paid = invoices.get(second.invoiceId());
        assertThat(paid.payments())
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(FEE))
                .satisfies(p -> assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE));
        assertThat(paid.balance()).isEqualTo(Money.of("0.00"));
        assertThat(stripe.chargesOf(customer)).isEqualTo(2);
    }

    @Test
    void aFeeWaitsWhileTheCheckoutsChargeIsUnansweredAndTheCheckoutIsRefusedWhileTheFeesIs() throws Exception {
        UUID patient = patientWithCard();
        String customer = customerOf(patient);

        // The checkout's answer is lost: its charge is under way, so the fee charges nothing and waits.
        Fee fee = missedWithFee(patient);
        stripe.dropNextResponses(3);
        assertThat(checkouts.chargeCard(fee.appointmentId(), 0, FEE)).isEqualTo(DeskCheckouts.CardOutcome.NO_ANSWER);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PENDING);
        assertThat(fees.find(fee.id()).attempt()).isZero();
        assertThat(checkouts.retry(fee.appointmentId(), 1)).isEqualTo(DeskCheckouts.CardOutcome.PAID);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.SETTLED);
        assertThat(stripe.chargesOf(customer)).isEqualTo(1);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);

        // The fee's answer is lost: the desk's checkout is refused with why, nothing charged, until it is answered.
        Fee second = missedWithFee(patient);
        stripe.dropNextResponses(3);
        assertThat(fees.charge(second.id())).isEqualTo(Fee.State.CHARGING);
        assertThatThrownBy(() -> checkouts.chargeCard(second.appointmentId(), 0, FEE))
                .isInstanceOfSatisfying(CheckoutProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("payments.checkout.problem.underWayElsewhere");
                    assertThat(p.getStatusCode().value()).isEqualTo(409);
                    assertThat(p.args()).containsExactly(FEE);
                });
        fees.sweep(clock.instant(), clock.instant().plusSeconds(1));
        assertThat(fees.find(second.id()).state()).isEqualTo(Fee.State.PAID);
        assertThatThrownBy(() -> checkouts.chargeCard(second.appointmentId(), 0, FEE))
                .isInstanceOfSatisfying(
                        CheckoutProblem.class,
                        p -> assertThat(p.code()).isEqualTo("payments.checkout.problem.alreadyPaid"));
        assertThat(stripe.chargesOf(customer)).isEqualTo(2);
        assertThat(invoices.get(second.invoiceId()).payments()).hasSize(1);
    }

    @Test
    void membershipDuesRacingAPaymentAtTheDeskOnTheSameInvoiceTakeTheMoneyOnce() throws Exception {
        Set<String> winners = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            UUID patient = patientWithCard();
            String customer = customerOf(patient);
            Membership membership = tx.execute(status -> memberships.enrol(patient, PLAN));
            UUID invoiceId = duesOf(membership).invoiceId();
            Money owed = invoices.get(invoiceId).balance();
            assertThat(owed.isPositive()).isTrue();

            List<Object> outcomes = race(() -> dues.charge(invoiceId), () -> payAtDesk(invoiceId, owed));
            Object byCard = outcomes.get(0);
            Object byHand = outcomes.get(1);

            Invoice invoice = invoices.get(invoiceId);
            assertThat(invoice.payments())
                    .singleElement()
                    .satisfies(p -> assertThat(p.amount()).isEqualTo(owed));
            assertThat(invoice.balance()).isEqualTo(Money.of("0.00"));
            if ("recorded".equals(byHand)) {
                winners.add("desk");
                assertThat(invoice.payments().get(0).method()).isEqualTo(Payment.Method.CASH);
                // The dues saw the payment and charge nothing, now or later.
                assertThat(byCard).isEqualTo(Dues.State.SETTLED);
                assertThat(dues.charge(invoiceId)).isEqualTo(Dues.State.SETTLED);
                assertThat(stripe.chargesOf(customer)).isZero();
            } else {
                winners.add("dues");
                assertThat(byCard).isEqualTo(Dues.State.PAID);
                assertThat(byHand.toString())
                        .startsWith("409 ")
                        .containsAnyOf("was paid in full since you looked", "is under way (the desk");
                assertThat(invoice.payments().get(0).method()).isEqualTo(Payment.Method.CARD_ON_FILE);
                assertThat(stripe.chargesOf(customer)).isEqualTo(1);
            }
        }
        assertThat(winners).isNotEmpty();
    }

    // ---- helpers

    /** Runs both calls released by one latch; each outcome is the call's result or a refusal's code. */
    private static List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> calls = List.of(pool.submit(gated(start, first)), pool.submit(gated(start, second)));
            start.countDown();
            return List.of(calls.get(0).get(), calls.get(1).get());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Runs both calls in a forced order: the test holds the invoice's row lock, {@code first} is started and waits
     * for it, then {@code second} is started and waits behind {@code first}; the lock is let go and PostgreSQL grants
     * it to the row's waiters in turn, so {@code first} takes the invoice first. Each outcome is the call's result or
     * a refusal's code.
     */
    private List<Object> inOrder(UUID invoiceId, Callable<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> holder = pool.submit(() -> tx.executeWithoutResult(status -> {
                payments.lockedBalance(invoiceId);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            Future<Object> a = pool.submit(gated(new CountDownLatch(0), first));
            awaitWaitingForInvoice(1);
            Future<Object> b = pool.submit(gated(new CountDownLatch(0), second));
            awaitWaitingForInvoice(2);
            release.countDown();
            holder.get();
            return List.of(a.get(), b.get());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    /** Until {@code count} sessions wait for an invoice's row lock (billing's lock statement). */
    private void awaitWaitingForInvoice(long count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.sql("""
                                select count(*) from pg_stat_activity
                                where wait_event_type = 'Lock' and query like 'select 1 from billing_invoice where%for update'
                                """).query(Long.class).single() == count);
    }

    private static Callable<Object> gated(CountDownLatch start, Callable<Object> call) {
        return () -> {
            start.await();
            try {
                return call.call();
            } catch (CheckoutProblem refused) {
                return refused.code();
            }
        };
    }

    private String payAtDesk(UUID invoiceId, Money amount) throws Exception {
        MvcResult result = mvc.perform(post("/staff/billing/invoices/" + invoiceId + "/payments")
                        .param("lang", "en")
                        .param("kind", "PAYMENT")
                        .param("method", "CASH")
                        .param("amount", amount.amount().toPlainString())
                        .with(user("desk@example.com").roles("FRONT_DESK"))
                        .with(csrf()))
                .andReturn();
        return result.getResponse().getStatus() == 302
                ? "recorded"
                : result.getResponse().getStatus() + " " + result.getResponse().getContentAsString();
    }

    /** A booked appointment marked a no-show with a fee, as booking does it: billing takes part in each change. */
    private Fee missedWithFee(UUID patient) {
        UUID appointment = UUID.randomUUID();
        Instant start = clock.instant().plusSeconds(3600);
        tx.executeWithoutResult(status -> participants.forEach(p ->
                p.booked(new AppointmentBooked(appointment, patient, UUID.randomUUID(), "swedish", 60, start, null))));
        tx.executeWithoutResult(
                status -> participants.forEach(p -> p.missed(new AppointmentMissed(appointment, patient, FEE))));
        fees.owed(appointment, patient, FEE, Fee.Reason.NO_SHOW);
        return fees.ofAppointment(appointment).orElseThrow();
    }

    private Dues duesOf(Membership membership) {
        return jdbc.sql("select invoice_id from payments_dues where membership_id = :m order by period limit 1")
                .param("m", membership.id())
                .query(UUID.class)
                .optional()
                .flatMap(dues::find)
                .orElseThrow();
    }

    private UUID patientWithCard() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Racing",
                        "Payer" + tag,
                        "310 555 " + tag.substring(0, 4),
                        "race-" + tag + "@example.com",
                        null,
                        "en"))
                .id();
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, LocalStripe.TestCard.VISA.number);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(cards.complete(
                        back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", "")))
                .contains(patient);
        return patient;
    }

    private String customerOf(UUID patient) {
        return cards.customer(patient).orElseThrow().customerId();
    }
}
