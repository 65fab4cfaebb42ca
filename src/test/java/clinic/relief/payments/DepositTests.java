package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.shared.Money;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static clinic.relief.payments.PaymentsFixture.lastEvent;
import static clinic.relief.payments.PaymentsFixture.lastEventAbout;
import static clinic.relief.payments.PaymentsFixture.metadataOf;
import static clinic.relief.payments.PaymentsFixture.objectOf;
import static clinic.relief.payments.PaymentsFixture.sessionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deposits of online bookings against the local Stripe: the slot held while the patient pays on the hosted page,
 * booked when Stripe says paid and the deposit recorded on the invoice once whatever the order or the repeats, the
 * hold released when the page expires or is given up, a payment after the hold refunded, one hold of two racing
 * patients, a timely cancellation refunded.
 */
@ReliefTest
class DepositTests {

    static final Money DEPOSIT = Money.of("30.00");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Invoices invoices;

    @Autowired
    Deposits deposits;

    @Autowired
    ServiceDeposits rules;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

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
        stripe.unreachableExpiry(false);
    }

    @Test
    void aDepositHoldsTheSlotUntilStripeSaysPaidAndIsRecordedOnceWhateverTheOrder() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "10:00");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);
        Deposit open = deposits.ofAppointment(held).orElseThrow();
        assertThat(open.state()).isEqualTo(Deposit.State.OPEN);
        assertThat(open.amount()).isEqualTo(DEPOSIT);

        String page = pay(patient, held);
        assertThat(pay(patient, held)).isEqualTo(page); // pressed twice: the same page
        Map<String, Object> session = stripe.object(sessionOf(page)).orElseThrow();
        // The Checkout page expires when the hold ends, at least Stripe's 30 minutes ahead.
        Deposit withPage = deposits.ofAppointment(held).orElseThrow();
        assertThat(((Number) session.get("expires_at")).longValue())
                .isEqualTo(withPage.expiresAt().getEpochSecond())
                .isGreaterThanOrEqualTo(clock.instant().getEpochSecond() + 30 * 60);
        assertThat(((Number) session.get("amount_total")).longValue()).isEqualTo(3000L);

        HttpResponse<String> back = StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING); // nothing until Stripe says so

        Map<String, Object> succeeded = eventOf("payment_intent.succeeded", open.id());
        Map<String, Object> completed = lastEventAbout("checkout.session.completed", sessionOf(page));
        deliver(succeeded); // before the page's own event: out of order
        deliver(completed);
        deliver(succeeded); // replayed
        deliver(completed);
        mvc.perform(get(back.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                        .cookie(patient))
                .andExpect(status().is3xxRedirection());

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        Deposit paid = deposits.ofAppointment(held).orElseThrow();
        assertThat(paid.state()).isEqualTo(Deposit.State.PAID);
        assertThat(invoices.forAppointment(held).orElseThrow().payments())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
                    assertThat(p.amount()).isEqualTo(DEPOSIT);
                    assertThat(p.note()).isEqualTo(paid.paymentIntentId().orElseThrow());
                });
        MvcResult shown = mvc.perform(get("/account/deposits/" + held).cookie(patient))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(shown.getResponse().getContentAsString()).contains("is paid and your booking is confirmed");
    }

    @Test
    void theReturnFromStripeBooksThePaidHoldWithoutWaitingForTheWebhook() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "09:00");
        String page = pay(patient, held);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);

        mvc.perform(get(back.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                        .cookie(patient))
                .andExpect(status().is3xxRedirection());
        deliver(lastEventAbout("checkout.session.completed", sessionOf(page))); // arrives afterwards

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(invoices.forAppointment(held).orElseThrow().payments()).hasSize(1);
    }

    @Test
    void anExpiredCheckoutReleasesTheHoldAndTheSlotIsBookableAgain() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "11:00");
        String page = pay(patient, held);
        ageHold(held);

        deposits.sweep();

        assertThat(stripe.object(sessionOf(page)).orElseThrow().get("status")).isEqualTo("expired");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.EXPIRED);
        // Stripe's own word about the expiry, twice, changes nothing more; the page can no longer be paid.
        Map<String, Object> expired = lastEventAbout("checkout.session.expired", sessionOf(page));
        deliver(expired);
        deliver(expired);
        assertThat(StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number)
                        .statusCode())
                .isEqualTo(404);
        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.EXPIRED);
        // The same time is free for the next patient.
        Appointment next = booking.book(new BookAppointment(
                day.patient(),
                "trigger-point",
                60,
                day.at("11:00"),
                Optional.of(day.therapist()),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        assertThat(book.get(next.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void thePatientGivingTheTimeUpExpiresThePageAndFreesTheSlot() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "15:00");
        String page = pay(patient, held);

        mvc.perform(post("/account/deposits/" + held + "/release").with(csrf()).cookie(patient))
                .andExpect(status().is3xxRedirection());

        assertThat(stripe.object(sessionOf(page)).orElseThrow().get("status")).isEqualTo("expired");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        // Paying for a time given up is refused with a clear 409.
        mvc.perform(post("/account/deposits/" + held + "/pay").with(csrf()).cookie(patient))
                .andExpect(status().isConflict());
        // Another patient's deposit page is not found.
        mvc.perform(get("/account/deposits/" + held).cookie(account())).andExpect(status().isNotFound());
    }

    @Test
    void aPaymentAfterTheHoldEndedBooksNothingAndIsRefundedWholeOnce() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "12:00");
        String page = pay(patient, held);
        ageHold(held);
        stripe.unreachableExpiry(true);

        deposits.sweep(); // Stripe cannot be asked to expire the page: the app's own hold ends anyway

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number)
                        .statusCode())
                .isEqualTo(303);
        Map<String, Object> completed = lastEventAbout("checkout.session.completed", sessionOf(page));
        deliver(completed);
        deliver(completed);
        deposits.sweep();

        Deposit late = deposits.ofAppointment(held).orElseThrow();
        assertThat(late.state()).isEqualTo(Deposit.State.LATE_REFUNDED);
        assertThat(late.refundId()).isPresent();
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(invoices.forAppointment(held)).isEmpty();
        String intent = late.paymentIntentId().orElseThrow();
        assertThat(stripe.events("refund.created").stream()
                        .filter(e -> intent.equals(objectOf(e).get("payment_intent")))
                        .map(e -> ((Number) objectOf(e).get("amount")).longValue()))
                .containsExactly(3000L);
    }

    @Test
    void theHostedPageShowsADeclineAndAsksForAuthentication() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "13:00");
        String page = pay(patient, held);

        HttpResponse<String> declined = StripeFixture.payOnHostedPage(page, "4000000000000002");
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("Your card was declined.");
        HttpResponse<String> asked = StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.AUTHENTICATION.number);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Complete authentication");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);

        HttpResponse<String> back = StripeFixture.submit(page + "/authenticate", "action=complete");
        assertThat(back.statusCode()).isEqualTo(303);
        deliver(lastEventAbout("checkout.session.completed", sessionOf(page)));

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(invoices.forAppointment(held).orElseThrow().payments()).hasSize(1);
    }

    @Test
    void ofTwoPatientsRacingForTheSlotExactlyOneHoldsIt() throws Exception {
        List<Cookie> racers = List.of(account(), account());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> landings = new ArrayList<>();
        try {
            List<Callable<MvcResult>> bookings = new ArrayList<>();
            for (Cookie racer : racers) {
                bookings.add(() -> mvc.perform(details(racer, "14:00")).andReturn());
            }
            for (Future<MvcResult> done : threads.invokeAll(bookings)) {
                landings.add(String.valueOf(done.get().getResponse().getRedirectedUrl()));
            }
        } finally {
            threads.shutdown();
        }
        assertThat(landings).filteredOn(l -> l.startsWith("/account/deposits/")).hasSize(1);
        assertThat(jdbc.sql("""
                        select count(*) from booking_appointment a join payments_deposit d on d.appointment_id = a.id
                        where a.starts_at = :start and a.status = 'PENDING'
                        """)
                        .param("start", Timestamp.from(day.at("14:00")))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTimelyCancellationRefundsTheDepositToTheCard() throws Exception {
        Cookie patient = account();
        UUID held = bookOnline(patient, "10:00");
        String page = pay(patient, held);
        StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);
        deliver(lastEventAbout("checkout.session.completed", sessionOf(page)));
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);

        assertThat(book.cancel(held)).isEqualTo(Money.ZERO); // three days ahead: outside the window
        EventsHandled.awaitAll(jdbc);

        assertThat(deposits.ofAppointment(held).orElseThrow().state()).isEqualTo(Deposit.State.REFUNDED);
        assertThat(invoices.forAppointment(held).orElseThrow().payments())
                .extracting(Payment::kind, Payment::amount)
                .containsExactlyInAnyOrder(tuple(Payment.Kind.PAYMENT, DEPOSIT), tuple(Payment.Kind.REFUND, DEPOSIT));
    }

    @Test
    void theOwnerSetsAServiceDepositAndABadAmountChangesNothing() throws Exception {
        RequestPostProcessor owner = user("owner@example.com").roles("OWNER");
        mvc.perform(post("/staff/payments/deposits")
                        .with(owner)
                        .with(csrf())
                        .param("service", "swedish")
                        .param("kind", "FIXED")
                        .param("amount", "0.10"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "payments.deposits.badAmount"));
        assertThat(rules.ruleFor("swedish")).isEqualTo(new DepositRule.None());
        mvc.perform(post("/staff/payments/deposits")
                        .with(owner)
                        .with(csrf())
                        .param("service", "swedish")
                        .param("kind", "FULL_PRICE"))
                .andExpect(flash().attribute("notice", "payments.deposits.saved"));
        assertThat(rules.ruleFor("swedish")).isEqualTo(new DepositRule.FullPrice());
        MvcResult page = mvc.perform(get("/staff/payments/deposits").with(owner))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("Deposits for online bookings");
        mvc.perform(get("/staff/payments/deposits")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
        rules.set("swedish", new DepositRule.None(), "owner@example.com");
    }

    @Test
    void aVisitorsRefusedDepositBookingStoresNothing() throws Exception {
        booking.book(new BookAppointment(
                day.patient(),
                "trigger-point",
                60,
                day.at("10:00"),
                Optional.of(day.therapist()),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        String email = "visitor-" + UUID.randomUUID() + "@example.com";
        int placeholders = unverifiedPatients();
        MvcResult refused = mvc.perform(visitor(email, "trigger-point:60", day.slot("10:00"))
                        .with("conditions", "none")
                        .post())
                .andExpect(status().isOk())
                .andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("deposit of $30.00");
        assertThat(jdbc.sql("select count(*) from booking_online_hold where email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(unverifiedPatients()).isEqualTo(placeholders); // the visitor's placeholder went with the refusal
    }

    private int unverifiedPatients() {
        return jdbc.sql("select count(*) from patient where unverified and merged_into is null")
                .query(Integer.class)
                .single();
    }

    // ---- helpers

    /** A confirmed patient account, signed in; its session cookie. */
    private Cookie account() throws Exception {
        return online.account("deposit-");
    }

    private MockHttpServletRequestBuilder details(Cookie patient, String time) {
        return online.details(day, patient, time);
    }

    private UUID bookOnline(Cookie patient, String time) throws Exception {
        return online.bookOnline(day, patient, time);
    }

    private String pay(Cookie patient, UUID held) throws Exception {
        return online.pay(patient, held);
    }

    private void ageHold(UUID held) {
        jdbc.sql("update payments_deposit set expires_at = :t where appointment_id = :a")
                .param("t", Timestamp.from(clock.instant().minusSeconds(60)))
                .param("a", held)
                .update();
    }

    private void deliver(Map<String, Object> event) {
        fixture.deliver(event);
    }

    private Map<String, Object> eventOf(String type, UUID deposit) {
        return lastEvent(type, o -> deposit.toString().equals(metadataOf(o).get("deposit_id")));
    }
}
