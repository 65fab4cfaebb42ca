package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static clinic.relief.booking.online.OnlineBookingPost.visitor;
import static clinic.relief.payments.PaymentsFixture.lastEventAbout;
import static clinic.relief.payments.PaymentsFixture.objectOf;
import static clinic.relief.payments.PaymentsFixture.sessionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deposits of visitors who book online without signing in, against the local Stripe: the slot held for their
 * placeholder while they pay on Checkout (which carries their address), booked by the webhook for the patient with
 * that address and confirmed by e-mail; an expired page frees the slot and forgets the placeholder; the signed return
 * link refuses a tampered token.
 */
@ReliefTest
class VisitorDepositTests {

    static final Money DEPOSIT = Money.of("25.00");
    static final String CONDITIONS = "Sciatica flare-ups since spring";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    Patients patients;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Invoices invoices;

    @Autowired
    Deposits deposits;

    @Autowired
    Clock clock;

    @Autowired
    Reconciliation reconciliation;

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
    }

    @Test
    void aVisitorsHoldIsPaidOnCheckoutAndBookedByTheWebhookWithAConfirmationEmail() throws Exception {
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        String link = bookAsVisitor(email, "10:00");
        UUID held = appointmentOf(email);
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);
        Deposit open = deposits.ofAppointment(held).orElseThrow();
        assertThat(open.guest()).isTrue();
        assertThat(open.amount()).isEqualTo(DEPOSIT);
        assertThat(kinds(email)).isEmpty(); // no link to confirm: the payment confirms the address's booking

        // The pay page works without a session: only the signed link opens it.
        assertThat(mvc.perform(get(link))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("We are holding this time for you");
        String page = mvc.perform(get(link.replace("/payments/deposit?", "/payments/deposit/pay?")))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Map<String, Object> session = stripe.object(sessionOf(page)).orElseThrow();
        assertThat(session.get("customer_email")).isEqualTo(email);
        assertThat(session.get("mode")).isEqualTo("payment");
        assertThat(((Number) session.get("amount_total")).longValue()).isEqualTo(2500L);

        HttpResponse<String> back = StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING); // nothing until Stripe says so
        Map<String, Object> completed = lastEventAbout("checkout.session.completed", sessionOf(page));
        deliver(completed);
        deliver(completed); // replayed: nothing more
        EventsHandled.awaitAll(jdbc);

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        UUID patient = book.get(held).patient().id();
        assertThat(patients.findByEmail(email))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(patient));
        Deposit paid = deposits.ofAppointment(held).orElseThrow();
        assertThat(paid.state()).isEqualTo(Deposit.State.PAID);
        assertThat(paid.patientId()).contains(patient);
        assertThat(invoices.forAppointment(held).orElseThrow().payments())
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(DEPOSIT));
        assertThat(kinds(email)).contains("CONFIRMATION").doesNotContain("VERIFY_BOOKING");
        assertThat(mailsTo(email)).noneMatch(text -> text.contains("Sciatica"));

        // Stripe's redirect back, with no session: the signed link shows the paid booking.
        String returned = back.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(returned).startsWith("/payments/deposit/paid?token=");
        mvc.perform(get(returned)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString())
                .contains("is paid and your booking is confirmed");
    }

    @Test
    void aPaidDepositWithAnExistingPatientsAddressBooksForThemWithoutWritingTheirHealthHistory() throws Exception {
        UUID existing = day.patient();
        String email = patients.get(existing).email();
        long intakesBefore = intakesOf(existing);
        String link = bookAsVisitor(email, "12:00");
        UUID held = appointmentOf(email);
        String page = mvc.perform(get(link.replace("/payments/deposit?", "/payments/deposit/pay?")))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number);
        deliver(lastEventAbout("checkout.session.completed", sessionOf(page)));
        EventsHandled.awaitAll(jdbc);

        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(book.get(held).patient().id()).isEqualTo(existing);
        // Paying proves a card, not the address: the visitor's answers are not the patient's health history.
        assertThat(intakesOf(existing)).isEqualTo(intakesBefore);
    }

    @Test
    void anExpiredCheckoutFreesTheSlotAndForgetsThePlaceholder() throws Exception {
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        String link = bookAsVisitor(email, "11:00");
        UUID held = appointmentOf(email);
        String page = mvc.perform(get(link.replace("/payments/deposit?", "/payments/deposit/pay?")))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        jdbc.sql("update payments_deposit set expires_at = :t where appointment_id = :a")
                .param("t", Timestamp.from(clock.instant().minusSeconds(60)))
                .param("a", held)
                .update();

        deposits.sweep();

        assertThat(stripe.object(sessionOf(page)).orElseThrow().get("status")).isEqualTo("expired");
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        Deposit expired = deposits.ofAppointment(held).orElseThrow();
        assertThat(expired.state()).isEqualTo(Deposit.State.EXPIRED);
        assertThat(expired.patientId()).isEmpty(); // nothing of the payments module keeps the placeholder
        assertThat(jdbc.sql("select count(*) from booking_online_hold where appointment_id = :a"
                                + " and expired_at is not null and confirmed_at is null")
                        .param("a", held)
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(patients.findByEmail(email)).isEmpty();
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
    void aTamperedOrForeignReturnTokenOpensNothingAndChangesNothing() throws Exception {
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        String link = bookAsVisitor(email, "13:00");
        UUID held = appointmentOf(email);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String flipped = signature.substring(0, signature.length() - 1) + (signature.endsWith("A") ? "B" : "A");
        List<String> bad = List.of(
                payload + "." + flipped,
                // another appointment's id under this token's signature
                Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString((UUID.randomUUID() + ":4102444800").getBytes(StandardCharsets.UTF_8))
                        + "." + signature,
                "",
                "not-a-token");
        for (String forged : bad) {
            mvc.perform(get("/payments/deposit").param("token", forged)).andExpect(status().isNotFound());
            mvc.perform(get("/payments/deposit/pay").param("token", forged)).andExpect(status().isNotFound());
            mvc.perform(get("/payments/deposit/paid").param("token", forged).param("session", "cs_test_x"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/payments/deposit/release").with(csrf()).param("token", forged))
                    .andExpect(status().isNotFound());
        }
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.PENDING);
        assertThat(deposits.ofAppointment(held).orElseThrow().open()).isTrue();
    }

    @Test
    void aDepositPaidWhileThePatientAlreadyHasAnAppointmentThenIsRefundedOnceTheyAreToldAndTheDeskSeesIt()
            throws Exception {
        day.booking().onlyRooms("Room " + UUID.randomUUID(), "Room " + UUID.randomUUID());
        UUID existing = day.patient();
        String email = patients.get(existing).email();
        // The patient is booked with another therapist at 10:30 (the desk did it); they pay a deposit online, as a
        // visitor with their address, for 10:00 with this one: the payment cannot book it.
        Appointment theirs = booking.book(new BookAppointment(
                existing,
                "trigger-point",
                60,
                day.at("10:30"),
                Optional.of(day.booking().therapist("09:00", "17:00")),
                Appointment.Source.FRONT_DESK,
                null,
                null));
        String link = bookAsVisitor(email, "10:00");
        UUID held = appointmentOf(email);
        String page = mvc.perform(get(link.replace("/payments/deposit?", "/payments/deposit/pay?") + "&lang=es"))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(StripeFixture.payOnHostedPage(page, LocalStripe.TestCard.VISA.number)
                        .statusCode())
                .isEqualTo(303);
        Map<String, Object> completed = lastEventAbout("checkout.session.completed", sessionOf(page));
        String intent = (String) objectOf(completed).get("payment_intent");

        deliver(completed); // a 200: no 500 for Stripe to retry
        EventsHandled.awaitAll(jdbc);

        Deposit refused = deposits.ofAppointment(held).orElseThrow();
        assertThat(refused.state()).isEqualTo(Deposit.State.NOT_BOOKED);
        assertThat(refused.paymentIntentId()).contains(intent); // the payment's record is kept
        assertThat(refused.refundId()).isPresent();
        assertThat(refused.patientId()).isEmpty();
        assertThat(refundsAt(intent)).singleElement().satisfies(refund -> {
            assertThat(((Number) refund.get("amount")).longValue()).isEqualTo(2500L);
            assertThat(refund.get("metadata"))
                    .isEqualTo(Map.of("deposit_id", refused.id().toString()));
        });
        // Nothing booked, nothing recorded: the hold is released, the patient's own visit stands.
        assertThat(book.get(held).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(book.get(theirs.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(invoices.forAppointment(held)).isEmpty();
        // Told once, in the language they paid in, with a link to book again and nothing about their health.
        List<String> told = jdbc.sql("select subject || ' ' || body from booking_outbox where recipient = :e"
                        + " and kind = 'PAYMENTS_DEPOSIT'")
                .param("e", email)
                .query(String.class)
                .list();
        assertThat(told)
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .contains("No pudimos mantener", "reembolsan", "/book?lang=es")
                        .doesNotContain("Sciatica", "Trigger", "masaje"));
        // The visitor's page says so.
        assertThat(mvc.perform(get(link + "&lang=en")).andReturn().getResponse().getContentAsString())
                .contains("that time could not be kept for you", "Choose another time");
        // The desk sees it on its Today page.
        String desk = "desk-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                desk, "Desk Deposits", StaffRole.FRONT_DESK, "long enough password", "CMT", "1", null, null, false));
        assertThat(mvc.perform(get("/staff").param("lang", "en").with(user(desk).roles("FRONT_DESK")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Deposits refunded: time not kept", email, "Refunded");

        // Replayed, and the PaymentIntent's own event, and the sweep: no second refund, no second e-mail.
        deliver(completed);
        deliver(lastEventAbout("payment_intent.succeeded", intent));
        deposits.sweep();
        EventsHandled.awaitAll(jdbc);
        assertThat(refundsAt(intent)).hasSize(1);
        assertThat(kinds(email).stream().filter("PAYMENTS_DEPOSIT"::equals)).hasSize(1);
        assertThat(deposits.ofAppointment(held).orElseThrow()).isEqualTo(refused);
        assertThat(book.get(theirs.id()).status()).isEqualTo(AppointmentStatus.BOOKED);

        // Reconciliation matches the payment and its refund to the deposit: paid out, and on neither side alone.
        String refund = refused.refundId().orElseThrow();
        Map<String, Object> payout = stripe.payout(clock.instant());
        Reconciliation.Report report =
                reconciliation.of(LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Los_Angeles")));
        assertThat(report.payouts().stream()
                        .filter(p -> p.payout().id().equals(payout.get("id")))
                        .flatMap(p -> p.items().stream())
                        .filter(i ->
                                List.of(intent, refund).contains(i.movement().appReference())))
                .hasSize(2)
                .allSatisfy(i -> {
                    assertThat(i.depositNotKept()).isTrue();
                    assertThat(i.matched()).isTrue();
                    assertThat(i.recorded()).isEmpty();
                });
        assertThat(report.stripeOnly())
                .noneSatisfy(m -> assertThat(m.appReference()).isIn(intent, refund));
        assertThat(report.appOnly()).noneSatisfy(p -> assertThat(p.note()).isIn(intent, refund));
    }

    // ---- helpers

    private List<Map<String, Object>> refundsAt(String intent) {
        return stripe.events("refund.created").stream()
                .map(PaymentsFixture::objectOf)
                .filter(refund -> intent.equals(refund.get("payment_intent")))
                .toList();
    }

    /** Books the service with a deposit as a visitor who is not signed in; the signed link they are sent to. */
    private String bookAsVisitor(String email, String time) throws Exception {
        String landing = mvc.perform(visitor(email, "trigger-point:60", day.slot(time))
                        .with("conditions", CONDITIONS)
                        .post())
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(landing).startsWith("/payments/deposit?token=");
        return landing;
    }

    private long intakesOf(UUID patient) {
        return jdbc.sql("select count(*) from patient_intake where patient_id = :p")
                .param("p", patient)
                .query(Long.class)
                .single();
    }

    private UUID appointmentOf(String email) {
        return jdbc.sql("select appointment_id from booking_online_hold where email = :e and paid_by_deposit")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private List<String> kinds(String email) {
        return jdbc.sql("select kind from booking_outbox where recipient = :e order by created_at")
                .param("e", email)
                .query(String.class)
                .list();
    }

    private List<String> mailsTo(String email) {
        return jdbc.sql(
                        "select coalesce(subject, '') || ' ' || coalesce(body, '') from booking_outbox where recipient = :e")
                .param("e", email)
                .query(String.class)
                .list();
    }

    private void deliver(Map<String, Object> event) {
        fixture.deliver(event);
    }
}
