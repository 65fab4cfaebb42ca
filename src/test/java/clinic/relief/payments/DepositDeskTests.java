package clinic.relief.payments;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentCancelled;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.shared.Money;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.payments.PaymentsFixture.lastEventAbout;
import static clinic.relief.payments.PaymentsFixture.metadataOf;
import static clinic.relief.payments.PaymentsFixture.sessionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deposit paid online, at the desk and under the cancellation policy, against the local Stripe: the appointment
 * panel shows it, checkout takes it off what is owed, a timely cancellation refunds it once, a late cancellation or a
 * no-show keeps it toward the fee and charges the card only the rest (nothing when it covers the fee), and the desk
 * waiving the fee refunds what was kept, once.
 */
@ReliefTest
class DepositDeskTests {

    static final Money DEPOSIT = Money.of("30.00");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AppointmentBook book;

    @Autowired
    Invoices invoices;

    @Autowired
    Deposits deposits;

    @Autowired
    FeeCharges fees;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    List<BookingParticipant> participants;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    final RequestPostProcessor desk = user("desk@example.com").roles("FRONT_DESK");

    @Autowired
    PaymentsFixture fixture;

    @Autowired
    DepositsFixture online;

    DepositsFixture.DepositDay day;

    @BeforeEach
    void setUp() {
        day = online.depositsOf(DEPOSIT);
    }

    @AfterEach
    void noDepositsForOtherTests() {
        online.noDeposits();
    }

    @Test
    void thePanelShowsTheDepositAndCheckoutTakesItOffWhatIsOwed() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "10:00");
        mvc.perform(get("/staff/schedule/appointments/" + held).with(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deposit of $30.00 pending")));

        payDeposit(patient, held);

        mvc.perform(get("/staff/schedule/appointments/" + held).with(desk))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "Deposit of $30.00 paid online. It is applied to what is owed at checkout.")));
        Invoice invoice = invoices.forAppointment(held).orElseThrow();
        Money total = invoice.total();
        Money owed = total.minus(DEPOSIT);
        assertThat(invoice.balance()).isEqualTo(owed);
        mvc.perform(get("/staff/payments/checkout/" + held).with(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The deposit of $30.00 paid online is applied")))
                .andExpect(content().string(containsString(owed.format(Locale.US))));
        // The full price is more than is owed once the deposit is applied: refused, nothing recorded.
        mvc.perform(post("/staff/payments/checkout/" + held + "/pay")
                        .with(desk)
                        .with(csrf())
                        .param("version", "0")
                        .param("method", "CASH")
                        .param("amount", total.amount().toPlainString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        content().string(containsString("That is more than the balance of " + owed.format(Locale.US))));
        mvc.perform(post("/staff/payments/checkout/" + held + "/pay")
                        .with(desk)
                        .with(csrf())
                        .param("version", "0")
                        .param("method", "CASH")
                        .param("amount", owed.amount().toPlainString()))
                .andExpect(status().is3xxRedirection());
        Invoice paid = invoices.forAppointment(held).orElseThrow();
        assertThat(paid.balance().isPositive()).isFalse();
        assertThat(paid.payments())
                .extracting(Payment::method, Payment::amount)
                .containsExactlyInAnyOrder(
                        tuple(Payment.Method.CARD_ON_FILE, DEPOSIT), tuple(Payment.Method.CASH, owed));
    }

    @Test
    void aTimelyCancellationRefundsTheDepositOnceEvenWhenTheEventComesAgain() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "11:00");
        String intent = payDeposit(patient, held);

        assertThat(book.cancel(held)).isEqualTo(Money.ZERO); // three days ahead: outside the window
        EventsHandled.awaitAll(jdbc);
        Deposit deposit = deposits.ofAppointment(held).orElseThrow();
        deliverAgain(new AppointmentCancelled(
                held, deposit.patientId().orElseThrow(), clock.instant(), clock.instant(), Money.ZERO));

        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.REFUNDED);
        assertThat(refundsOf(intent)).containsExactly(3000L);
        assertThat(fees.ofAppointment(held)).isEmpty();
        assertThat(invoices.forAppointment(held).orElseThrow().payments())
                .extracting(Payment::kind, Payment::amount)
                .containsExactlyInAnyOrder(tuple(Payment.Kind.PAYMENT, DEPOSIT), tuple(Payment.Kind.REFUND, DEPOSIT));
        mvc.perform(get("/staff/schedule/appointments/" + held).with(desk))
                .andExpect(content().string(containsString("Deposit of $30.00 refunded to the patient")));
    }

    @Test
    void aLateCancellationKeepsTheDepositAndChargesTheCardOnlyTheRestOnce() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "12:00");
        String intent = payDeposit(patient, held);
        UUID patientId = deposits.ofAppointment(held).orElseThrow().patientId().orElseThrow();
        fixture.saveCard(patientId, LocalStripe.TestCard.VISA.number);

        cancelLate(held, patientId, Money.of("50.00"));

        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.KEPT);
        Fee fee = fees.ofAppointment(held).orElseThrow();
        assertThat(fee.state()).isEqualTo(Fee.State.PENDING);
        assertThat(fee.amount()).isEqualTo(Money.of("20.00"));
        assertThat(fee.depositKept()).isEqualTo(DEPOSIT);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID); // pressed again: nothing more

        assertThat(feeCharges(fee)).containsExactly(2000L);
        assertThat(refundsOf(intent)).isEmpty();
        Invoice invoice = invoices.forAppointment(held).orElseThrow();
        assertThat(invoice.balance()).isEqualTo(Money.of("0.00"));
        assertThat(invoice.payments())
                .extracting(Payment::kind, Payment::amount)
                .containsExactlyInAnyOrder(
                        tuple(Payment.Kind.PAYMENT, DEPOSIT), tuple(Payment.Kind.PAYMENT, Money.of("20.00")));
        mvc.perform(get("/staff/schedule/appointments/" + held).with(desk))
                .andExpect(content().string(containsString("Deposit of $30.00 kept toward the fee.")))
                .andExpect(content().string(containsString("The fee is $50.00: $30.00 of it is the deposit")));
    }

    @Test
    void aFeeTheDepositCoversChargesNothingRefundsTheExcessAndWaivingItRefundsTheRestOnce() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "13:00");
        String intent = payDeposit(patient, held);
        UUID patientId = deposits.ofAppointment(held).orElseThrow().patientId().orElseThrow();
        fixture.saveCard(patientId, LocalStripe.TestCard.VISA.number);

        cancelLate(held, patientId, Money.of("20.00"));

        Fee fee = fees.ofAppointment(held).orElseThrow();
        assertThat(fee.state()).isEqualTo(Fee.State.COVERED);
        assertThat(fee.amount()).isEqualTo(Money.ZERO);
        assertThat(fee.depositKept()).isEqualTo(Money.of("20.00"));
        assertThat(refundsOf(intent)).containsExactly(1000L); // the deposit above the fee
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.COVERED);
        assertThat(feeCharges(fee)).isEmpty();
        assertThat(invoices.forAppointment(held).orElseThrow().balance()).isEqualTo(Money.of("0.00"));
        mvc.perform(get("/staff/schedule/appointments/" + held).with(desk))
                .andExpect(content().string(containsString("The deposit kept covers the whole fee")))
                .andExpect(content().string(containsString("/staff/payments/fees/" + fee.id() + "/waive")))
                .andExpect(content().string(not(containsString("/staff/payments/fees/" + fee.id() + "/charge"))));

        mvc.perform(post("/staff/payments/fees/" + fee.id() + "/waive")
                        .with(desk)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "payments.fee.waived"));
        mvc.perform(post("/staff/payments/fees/" + fee.id() + "/waive")
                        .with(desk)
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "payments.problem.feeState"));

        assertThat(fees.ofAppointment(held).orElseThrow().state()).isEqualTo(Fee.State.WAIVED);
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.REFUNDED);
        assertThat(refundsOf(intent)).containsExactlyInAnyOrder(1000L, 2000L);
        Invoice invoice = invoices.forAppointment(held).orElseThrow();
        assertThat(invoice.balance()).isEqualTo(Money.of("0.00"));
        assertThat(invoice.paid()).isEqualTo(Money.of("0.00"));
    }

    @Test
    void aNoShowKeepsTheDepositTowardTheFeeAndWaivingItChargesNothingAndRefundsTheDepositOnce() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "14:00");
        String intent = payDeposit(patient, held);
        UUID patientId = deposits.ofAppointment(held).orElseThrow().patientId().orElseThrow();
        fixture.saveCard(patientId, LocalStripe.TestCard.VISA.number);

        AppointmentMissed missed = new AppointmentMissed(held, patientId, Money.of("45.00"));
        tx.executeWithoutResult(status -> {
            participants.forEach(p -> p.missed(missed));
            events.publishEvent(missed);
        });
        EventsHandled.awaitAll(jdbc);
        deliverAgain(missed);

        Fee fee = fees.ofAppointment(held).orElseThrow();
        assertThat(fee.reason()).isEqualTo(Fee.Reason.NO_SHOW);
        assertThat(fee.amount()).isEqualTo(Money.of("15.00"));
        assertThat(fee.depositKept()).isEqualTo(DEPOSIT);
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.KEPT);
        assertThat(invoices.forAppointment(held).orElseThrow().balance()).isEqualTo(Money.of("15.00"));

        fees.waive(fee.id(), "desk@example.com");

        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.WAIVED);
        assertThat(feeCharges(fee)).isEmpty();
        assertThat(refundsOf(intent)).containsExactly(3000L);
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.REFUNDED);
        assertThat(invoices.forAppointment(held).orElseThrow().balance()).isEqualTo(Money.of("0.00"));
    }

    // ---- helpers

    /** A late cancellation owing {@code fee}, as booking does it (billing in its transaction, then its event), twice. */
    private void cancelLate(UUID held, UUID patientId, Money fee) {
        AppointmentCancelled cancelled =
                new AppointmentCancelled(held, patientId, clock.instant(), clock.instant(), fee);
        tx.executeWithoutResult(status -> {
            participants.forEach(p -> p.cancelled(cancelled));
            events.publishEvent(cancelled);
        });
        EventsHandled.awaitAll(jdbc);
        deliverAgain(cancelled);
    }

    /** Publishes a booking event once more (as a redelivery would) and waits for the payments module to handle it. */
    private void deliverAgain(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
        EventsHandled.awaitAll(jdbc);
    }

    /** Amounts (cents) of the refunds Stripe made of a PaymentIntent. */
    private List<Long> refundsOf(String intent) {
        return stripe.events("refund.created").stream()
                .map(PaymentsFixture::objectOf)
                .filter(o -> intent.equals(o.get("payment_intent")))
                .map(o -> ((Number) o.get("amount")).longValue())
                .toList();
    }

    /** Amounts (cents) Stripe charged for a fee, one per PaymentIntent that succeeded. */
    private List<Long> feeCharges(Fee fee) {
        return stripe.events("payment_intent.succeeded").stream()
                .map(PaymentsFixture::objectOf)
                .filter(o -> fee.id().toString().equals(metadataOf(o).get("fee_id")))
                .map(o -> ((Number) o.get("amount")).longValue())
                .toList();
    }

    /** Pays the held appointment's deposit on the hosted page; Stripe's event books it. The PaymentIntent. */
    private String payDeposit(Cookie patient, UUID held) throws Exception {
        String page = online.pay(patient, held);
        StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);
        fixture.deliver(lastEventAbout("checkout.session.completed", sessionOf(page)));
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        return deposits.ofAppointment(held).orElseThrow().paymentIntentId().orElseThrow();
    }

    /** A confirmed patient account, signed in; its session cookie. */
    private Cookie account() throws Exception {
        return online.account("deposit-desk-");
    }

    /** Books online as the signed-in patient; the held appointment. */
    private UUID bookOnline(Cookie patient, String time) throws Exception {
        return online.bookOnline(day, patient, time);
    }
}
