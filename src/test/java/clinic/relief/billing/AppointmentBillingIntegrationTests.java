package clinic.relief.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
class AppointmentBillingIntegrationTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AppointmentBilling billing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Invoices invoices;

    @Autowired
    Quotes quotes;

    @Autowired
    Memberships memberships;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PriceList prices;

    @Autowired
    MembershipStore store;

    @Autowired
    Plans plans;

    @Autowired
    CreditLedger ledger;

    @Autowired
    ClinicMonths months;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Autowired
    BillingReports reports;

    @Autowired
    Staff staff;

    private Instant start;

    @BeforeEach
    void startsInThreeDays() {
        start = clock.instant().plusSeconds(86_400 * 3);
    }

    @Test
    void aBookingIsQuotedAndInvoicedAtTheListPrice() {
        UUID patient = patient();
        UUID appointment = book(patient, "trigger-point", 60);

        assertThat(quotes.ofAppointment(appointment)).get().satisfies(quote -> {
            assertThat(quote.total()).isEqualTo(Money.of("110.00"));
            assertThat(quote.lines()).extracting(Line::code).containsExactly("billing.line.list");
        });
        assertThat(invoices.forAppointment(appointment))
                .get()
                .satisfies(invoice -> assertThat(invoice.balance()).isEqualTo(Money.of("110.00")));
    }

    @Test
    void bookingsCommittedTogetherAreAllInvoicedWhenTheyHoldEveryConnection() throws Exception {
        // Each booking thread commits while holding a connection. Billing used to run right there and open a
        // transaction of its own: with as many such threads as the pool's ten connections, all of them waited for a
        // connection none would give back, and every invoice was lost when the pool timed out.
        List<UUID> patientIds = IntStream.range(0, 10).mapToObj(n -> patient()).toList();
        List<UUID> appointments =
                patientIds.stream().map(p -> UUID.randomUUID()).toList();
        CyclicBarrier together = new CyclicBarrier(patientIds.size());
        ExecutorService pool = Executors.newFixedThreadPool(patientIds.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < patientIds.size(); i++) {
                AppointmentBooked booked = new AppointmentBooked(
                        appointments.get(i), patientIds.get(i), UUID.randomUUID(), "swedish", 60, start, null);
                done.add(pool.submit(() -> tx.executeWithoutResult(status -> {
                    jdbc.sql("select 1").query(Integer.class).single();
                    await(together);
                    billing.booked(booked);
                })));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        EventsHandled.awaitAll(jdbc);

        assertThat(appointments)
                .allSatisfy(appointment -> assertThat(invoices.forAppointment(appointment))
                        .get()
                        .satisfies(invoice -> assertThat(invoice.balance()).isEqualTo(Money.of("90.00"))));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void aMemberBookingUsesACreditAndACancellationGivesItBack() {
        UUID patient = patient();
        Membership membership = memberships.enrol(patient, "relief-monthly");
        UUID appointment = book(patient, "trigger-point", 60);

        assertThat(quotes.ofAppointment(appointment)).get().satisfies(quote -> {
            assertThat(quote.usesCredit()).isTrue();
            assertThat(quote.total()).isEqualTo(Money.ZERO);
        });
        assertThat(memberships.credits(membership.id())).isEmpty();
        assertThat(quotes.ofAppointment(book(patient, "trigger-point", 60)))
                .get()
                .satisfies(quote -> assertThat(quote.total()).isEqualTo(Money.of("89.00")));

        inBookingTransaction(() ->
                billing.cancelled(new AppointmentCancelled(appointment, patient, start, clock.instant(), Money.ZERO)));
        assertThat(memberships.credits(membership.id()))
                .containsExactly(new Memberships.CreditBalance("trigger-point", 60, 1));
    }

    @Test
    void aVisitStillToComeIsNotOwedUntilItStarts() {
        UUID patient = patient();
        UUID appointment = UUID.randomUUID();
        String email = "due-" + UUID.randomUUID() + "@example.com";
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        email, "T due", StaffRole.THERAPIST, "long enough password", "CMT", "1", null, null, false))
                .id();
        // The row booking writes (test data only), then billing's part of the booking, as booking calls it.
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, 'BOOKED', 'FRONT_DESK', :now)""")
                .param("id", appointment)
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plusSeconds(3_600)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        tx.executeWithoutResult(status -> billing.booked(
                new AppointmentBooked(appointment, patient, therapist, "trigger-point", 60, start, null)));

        assertThat(invoices.forAppointment(appointment).orElseThrow().balance()).isEqualTo(Money.of("110.00"));
        assertThat(invoices.balanceOf(patient)).isEqualTo(Money.ZERO);
        assertThat(reports.outstanding())
                .extracting(BillingReports.Outstanding::patientId)
                .doesNotContain(patient);

        // The visit has started (the desk checked the patient in): its invoice is due.
        jdbc.sql("update booking_appointment set status = 'CHECKED_IN' where id = :id")
                .param("id", appointment)
                .update();
        assertThat(invoices.balanceOf(patient)).isEqualTo(Money.of("110.00"));
        assertThat(reports.outstanding())
                .filteredOn(o -> o.patientId().equals(patient))
                .extracting(BillingReports.Outstanding::balance)
                .containsExactly(Money.of("110.00"));
    }

    @Test
    void lateCancelAndNoShowFeesBecomeInvoiceLines() {
        UUID patient = patient();
        UUID late = book(patient, "trigger-point", 60);
        UUID missed = book(patient, "swedish", 60);
        inBookingTransaction(() ->
                billing.cancelled(new AppointmentCancelled(late, patient, start, clock.instant(), Money.of("55.00"))));
        inBookingTransaction(() -> billing.missed(new AppointmentMissed(missed, patient, Money.of("45.00"))));
        inBookingTransaction(() -> billing.missed(new AppointmentMissed(missed, patient, Money.of("45.00"))));

        assertThat(invoices.forAppointment(late).orElseThrow().lines())
                .extracting(Line::kind)
                .containsExactly(Line.Kind.LIST_PRICE, Line.Kind.CANCELLED, Line.Kind.FEE);
        assertThat(invoices.balanceOf(patient)).isEqualTo(Money.of("100.00"));
    }

    @Test
    void aRemittanceSettlesThePatientShareOncePerReference() {
        UUID patient = patient();
        UUID appointment = book(patient, "trigger-point", 60);
        PatientShareDetermined share = new PatientShareDetermined(patient, appointment, Money.of("35.00"), "835:CLP*1");
        publish(share);
        publish(share);

        assertThat(invoices.balanceOf(patient)).isEqualTo(Money.of("35.00"));
    }

    @Test
    void aQuoteWorksWithACoverageLookupFromTheInsuranceModule() {
        CoverageLookup lookup = (patient, service, day) -> Optional.of(new InsuranceTerms(
                "Aetna PPO", Money.of("25"), new BigDecimal("20"), Money.ZERO, Money.of("80"), false));
        Quotes insured = new Quotes(
                prices,
                store,
                plans,
                ledger,
                new StaticListableBeanFactory(Map.of("lookup", lookup)).getBeanProvider(CoverageLookup.class),
                new StaticListableBeanFactory().getBeanProvider(FollowUpVouchers.class),
                months,
                new QuoteStore(jdbc),
                null);

        LocalDate today = LocalDate.ofInstant(clock.instant(), TestClock.LA);
        Quote quote = insured.preview(UUID.randomUUID(), "trigger-point", 60, today);

        assertThat(quote.total()).isEqualTo(Money.of("41.00"));
        assertThat(quotes.preview(UUID.randomUUID(), "trigger-point", 60, today).total())
                .isEqualTo(Money.of("110.00"));
    }

    @Test
    void paymentsAboveTheBalanceOrNotPositiveAreRefusedWithNothingWritten() {
        UUID patient = patient();
        UUID invoice = invoices.forAppointment(book(patient, "swedish", 60))
                .orElseThrow()
                .id();

        assertThatThrownBy(() -> pay(invoice, Payment.Kind.PAYMENT, "90.01"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("overBalance"));
        assertThatThrownBy(() -> pay(invoice, Payment.Kind.PAYMENT, "-5"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("amountNotPositive"));
        assertThatThrownBy(() -> pay(invoice, Payment.Kind.REFUND, "1"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("overPaid"));
        assertThat(invoices.get(invoice).payments()).isEmpty();

        pay(invoice, Payment.Kind.PAYMENT, "60");
        pay(invoice, Payment.Kind.REFUND, "10");
        assertThat(invoices.get(invoice).balance()).isEqualTo(Money.of("40.00"));
    }

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Pat", "Payer" + tag, "310 555 " + tag.substring(0, 4), null, null, "en"))
                .id();
    }

    private void pay(UUID invoice, Payment.Kind kind, String amount) {
        payments.record(new RecordPayment(invoice, kind, Payment.Method.CASH, Money.of(amount), null), "desk@x");
    }

    private UUID book(UUID patient, String service, int minutes) {
        UUID appointment = UUID.randomUUID();
        // As booking does: billing takes part in the booking's transaction.
        tx.executeWithoutResult(status -> billing.booked(
                new AppointmentBooked(appointment, patient, UUID.randomUUID(), service, minutes, start, null)));
        EventsHandled.awaitAll(jdbc);
        return appointment;
    }

    /** Billing's part of a cancellation or no-show, as booking calls it: inside the change's own transaction. */
    private void inBookingTransaction(Runnable participant) {
        tx.executeWithoutResult(status -> participant.run());
    }

    private void publish(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
        EventsHandled.awaitAll(jdbc);
    }

    static List<String> codes(Invoice invoice) {
        return invoice.lines().stream().map(Line::code).toList();
    }
}
