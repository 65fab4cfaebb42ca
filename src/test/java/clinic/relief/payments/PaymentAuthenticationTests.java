package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
import clinic.relief.booking.AppointmentBooked;
import clinic.relief.booking.AppointmentMissed;
import clinic.relief.booking.spi.BookingParticipant;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Off-session payments the bank wants the patient to authenticate (3-D Secure, Stripe's test card 4000002500003155),
 * against the local Stripe: a no-show fee and the desk's charge of the card on file each e-mail the patient a link,
 * the desk sees them waiting, the patient completes them on the bank's page, and the payment is recorded once whether
 * the way back or Stripe's webhook (replayed) comes first. Bad links change nothing; a waived fee cancels its
 * PaymentIntent at Stripe.
 */
@ReliefTest
class PaymentAuthenticationTests {

    static final Money FEE = Money.of("45.00");

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
    List<BookingParticipant> participants;

    @Autowired
    CardsOnFile cards;

    @Autowired
    FeeCharges fees;

    @Autowired
    DeskCheckouts checkouts;

    @Autowired
    Staff staff;

    @Autowired
    PaidOtherwise paidOtherwise;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void aFeeTheBankWantsAuthenticatedIsPaidOnceThroughTheEmailedLink() throws Exception {
        UUID patient = patientWithCard("en");
        Fee fee = noShowWithFee(patient);

        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        assertThat(fees.find(fee.id()).paymentIntentId()).isPresent();
        assertThat(invoices.get(fee.invoiceId()).payments()).isEmpty();
        Mail mail = onlyMail(patient);
        assertThat(mail.subject()).isEqualTo("Please confirm a payment to the clinic");
        assertThat(mail.subject() + mail.body())
                .doesNotContainIgnoringCase("trigger")
                .doesNotContainIgnoringCase("therapy")
                .doesNotContainIgnoringCase("massage")
                .doesNotContainIgnoringCase("pain");
        String token = tokenIn(mail.body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");

        // The desk sees it waiting on the appointment panel, in both languages, and may still waive it.
        panel(fee.appointmentId(), "en")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("waiting for the patient to confirm with their bank")))
                .andExpect(content().string(containsString("A link to confirm it was e-mailed to the patient.")))
                .andExpect(content().string(containsString("Waive the fee")));
        panel(fee.appointmentId(), "es")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("esperando a que el paciente lo confirme con su banco")));

        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fee-amount\"")))
                .andExpect(content().string(containsString("$45.00")));
        String bank = toBank(token);
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.AUTHENTICATING);

        HttpResponse<String> back = LocalStripe.authenticate(bank, true);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).contains("/payments/confirm/done?token=");
        // Stripe's webhook comes first, then again; then the way back: one payment.
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();
        deliver(lastEvent("payment_intent.succeeded", intent));
        deliver(lastEvent("payment_intent.succeeded", intent));
        mvc.perform(get("/payments/confirm/done").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fee-paid\"")));
        mvc.perform(get("/payments/confirm/done").param("token", token)).andExpect(status().isOk());

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
            assertThat(p.amount()).isEqualTo(FEE);
            assertThat(p.note()).isEqualTo(intent);
        });
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
        // The link now only says it is paid; confirming again finds nothing to confirm.
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fee-already\"")))
                .andExpect(content().string(not(containsString("id=\"confirm-payment\""))));
        mvc.perform(post("/payments/confirm").param("token", token).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aPatientWhoFailsTheBanksCheckTriesAgainOnTheSameLinkAndStripeIsAskedAgain() throws Exception {
        UUID patient = patientWithCard("en");
        Fee fee = noShowWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();

        // First try: a double click sends one confirmation; the patient fails the bank's check.
        String first = toBank(token);
        assertThat(toBank(token)).isEqualTo(first);
        assertThat(stripe.confirmationsOf(intent)).isEqualTo(1);
        assertThat(LocalStripe.authenticate(first, false).statusCode()).isEqualTo(303);
        mvc.perform(get("/payments/confirm/done").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"fee-paid\""))))
                .andExpect(content().string(containsString("id=\"confirm-payment\"")));
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);

        // Second try on the same link: Stripe is really asked again, and the bank's page works this time.
        String second = toBank(token);
        assertThat(stripe.confirmationsOf(intent)).isEqualTo(2);
        assertThat(LocalStripe.authenticate(second, true).statusCode()).isEqualTo(303);
        mvc.perform(get("/payments/confirm/done").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fee-paid\"")));

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.note()).isEqualTo(intent));
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aDeskChargeOfTheCardOnFileTheBankWantsAuthenticatedIsPaidOnceThroughTheEmailedLink() throws Exception {
        UUID patient = patientWithCard("es");
        Visit visit = visit(patient, "CHECKED_IN");

        desk(post("/staff/payments/checkout/" + visit.appointmentId() + "/pay")
                        .param("version", "0")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problemText", containsString("The bank asks the patient to confirm")));
        assertThat(invoices.get(visit.invoiceId()).payments()).isEmpty();
        assertThat(checkouts.of(visit.appointmentId()).chargeState()).isEqualTo("NEEDS_AUTHENTICATION");
        mvc.perform(get("/staff/payments/checkout/" + visit.appointmentId())
                        .param("lang", "en")
                        .with(DESK))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Waiting for the patient to confirm $110.00 with their bank")))
                .andExpect(content().string(containsString("A link to confirm it was e-mailed to the patient.")));
        panel(visit.appointmentId(), "es")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Esperando a que el paciente confirme 110,00")));

        // The patient's language: Spanish.
        Mail mail = onlyMail(patient);
        assertThat(mail.subject()).isEqualTo("Confirme su pago a la clínica");
        assertThat(mail.body()).contains("110,00").doesNotContainIgnoringCase("trigger");
        String token = tokenIn(mail.body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pago de su visita")))
                .andExpect(content().string(containsString("id=\"checkout-amount\"")));
        String bank = toBank(token);
        assertThat(checkouts.of(visit.appointmentId()).chargeState()).isEqualTo("AUTHENTICATING");

        // While the patient is at the bank, the desk takes no other payment: nothing recorded.
        int version = checkouts.of(visit.appointmentId()).version();
        desk(post("/staff/payments/checkout/" + visit.appointmentId() + "/pay")
                        .param("version", Integer.toString(version))
                        .param("method", "CASH")
                        .param("amount", "110"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("confirming a card payment of this visit")));
        assertThat(invoices.get(visit.invoiceId()).payments()).isEmpty();

        assertThat(LocalStripe.authenticate(bank, true).statusCode()).isEqualTo(303);
        // The way back comes first this time, then Stripe's webhook, twice.
        mvc.perform(get("/payments/confirm/done").param("token", token).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"checkout-paid\"")));
        Invoice paid = invoices.get(visit.invoiceId());
        String intent = paid.payments().get(0).note();
        deliver(lastEvent("payment_intent.succeeded", intent));
        deliver(lastEvent("payment_intent.succeeded", intent));

        Invoice after = invoices.get(visit.invoiceId());
        assertThat(after.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
            assertThat(p.amount()).isEqualTo(Money.of("110.00"));
        });
        assertThat(after.balance()).isEqualTo(Money.of("0.00"));
        assertThat(checkouts.of(visit.appointmentId()).chargeState()).isEqualTo("OPEN");
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
        mvc.perform(post("/payments/confirm").param("token", token).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Este pago ya está hecho")));
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aDeskChargeWaitingForTheBankIsCancelledAtStripeOnceTheDeskTookTheMoneyAnotherWay() throws Exception {
        UUID patient = patientWithCard("en");
        Visit visit = visit(patient, "CHECKED_IN");
        assertThat(checkouts.chargeCard(visit.appointmentId(), 0, Money.of("110.00")))
                .isEqualTo(DeskCheckouts.CardOutcome.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        String intent = jdbc.sql("select payment_intent_id from payments_desk_checkout where invoice_id = :i")
                .param("i", visit.invoiceId())
                .query(String.class)
                .single();
        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "requires_payment_method");

        int version = checkouts.of(visit.appointmentId()).version();
        desk(post("/staff/payments/checkout/" + visit.appointmentId() + "/pay")
                        .param("version", Integer.toString(version))
                        .param("method", "CASH")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection());
        EventsHandled.awaitAll(jdbc);

        // The PaymentIntent the link would confirm is cancelled at Stripe, once, whoever asks again.
        assertThat(stripe.object(intent).orElseThrow())
                .containsEntry("status", "canceled")
                .containsEntry("cancellation_reason", "abandoned");
        paidOtherwise.cancelUnpayable(visit.invoiceId());
        assertThat(stripe.events("payment_intent.canceled").stream()
                        .filter(e -> e.toString().contains(intent))
                        .count())
                .isEqualTo(1);
        assertThat(checkouts.of(visit.appointmentId()).chargeState()).isEqualTo("OPEN");

        // The link says the invoice is paid, in both languages, with nothing to confirm.
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"checkout-settled\"")))
                .andExpect(content().string(containsString("This invoice is already paid")))
                .andExpect(content().string(not(containsString("id=\"confirm-payment\""))));
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Esta factura ya está pagada")));
        mvc.perform(post("/payments/confirm")
                        .param("token", token)
                        .param("lang", "en")
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This invoice is already paid")));
        assertThat(invoices.get(visit.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo(Payment.Method.CASH));
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void aFeeWaitingForTheBankIsCancelledAtStripeOnceItsInvoiceIsPaidInCash() throws Exception {
        UUID patient = patientWithCard("es");
        Fee fee = noShowWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();
        Money owed = invoices.get(fee.invoiceId()).balance();

        desk(post("/staff/payments/checkout/" + fee.appointmentId() + "/pay")
                        .param(
                                "version",
                                Integer.toString(
                                        checkouts.of(fee.appointmentId()).version()))
                        .param("method", "CASH")
                        .param("amount", owed.amount().toPlainString()))
                .andExpect(status().is3xxRedirection());
        EventsHandled.awaitAll(jdbc);

        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "canceled");
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.SETTLED);
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fee-settled\"")))
                .andExpect(content().string(containsString("Esta factura ya está pagada")))
                .andExpect(content().string(not(containsString("id=\"confirm-payment\""))));
        assertThat(invoices.get(fee.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo(Payment.Method.CASH));
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void aTamperedUnknownOrExpiredLinkIsAClearPageThatChangesNothing() throws Exception {
        UUID patient = patientWithCard("en");
        Fee fee = noShowWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        for (String bad : List.of(tampered, "", "x".repeat(300), "../../etc/passwd", token + "x")) {
            mvc.perform(get("/payments/confirm").param("token", bad).param("lang", "en"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("This link does not work")))
                    .andExpect(content().string(not(containsString("id=\"confirm-payment\""))));
            mvc.perform(post("/payments/confirm").param("token", bad).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/payments/confirm/done").param("token", bad)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/payments/confirm").param("token", tampered).param("lang", "es"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Este enlace no funciona")));
        mvc.perform(get("/payments/confirm")).andExpect(status().isNotFound());
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);

        // The link works for 14 days; after that it is refused the same way.
        jdbc.sql("update payments_authentication_link set expires_at = :past where kind = 'FEE' and subject_id = :f")
                .param("past", Timestamp.from(clock.instant().minusSeconds(1)))
                .param("f", fee.id())
                .update();
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("more than 14 days old")));
        mvc.perform(post("/payments/confirm").param("token", token).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        assertThat(stripe.object(fees.find(fee.id()).paymentIntentId().orElseThrow())
                        .orElseThrow()
                        .get("status"))
                .isEqualTo("requires_payment_method");
        assertThat(invoices.get(fee.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void theDeskWaivesAFeeWaitingForTheBankWhichCancelsItsPaymentIntentAtStripe() throws Exception {
        UUID patient = patientWithCard("en");
        Fee fee = noShowWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        Money owed = invoices.get(fee.invoiceId()).balance();
        // The patient is on the bank's page when the desk waives the fee.
        String bank = toBank(token);
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.AUTHENTICATING);

        desk(post("/staff/payments/fees/" + fee.id() + "/waive"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "payments.fee.waived"));

        Fee waived = fees.find(fee.id());
        assertThat(waived.state()).isEqualTo(Fee.State.WAIVED);
        assertThat(stripe.object(waived.paymentIntentId().orElseThrow()).orElseThrow())
                .containsEntry("status", "canceled")
                .containsEntry("cancellation_reason", "abandoned");
        assertThat(invoices.get(fee.invoiceId()).balance()).isEqualTo(owed.minus(FEE));
        // The bank's page has nothing left to authenticate; the link says the payment no longer waits.
        assertThat(LocalStripe.authenticate(bank, true).statusCode()).isEqualTo(404);
        mvc.perform(get("/payments/confirm").param("token", token).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("no longer waits for you")));
        mvc.perform(get("/payments/confirm/done").param("token", token)).andExpect(status().isOk());
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.WAIVED);
        assertThat(invoices.get(fee.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void aWaiverAfterThePatientPaidAtTheBankIsRefusedAndThePaymentRecordedOnce() throws Exception {
        UUID patient = patientWithCard("en");
        Fee fee = noShowWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        String token = tokenIn(onlyMail(patient).body(), "/payments/confirm\\?token=([A-Za-z0-9_-]+)");
        assertThat(LocalStripe.authenticate(toBank(token), true).statusCode()).isEqualTo(303);

        desk(post("/staff/payments/fees/" + fee.id() + "/waive"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "payments.problem.feePaidMeanwhile"));
        mvc.perform(get("/payments/confirm/done").param("token", token)).andExpect(status().isOk());

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    // ---- helpers

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");

    record Mail(String subject, String body) {}

    record Visit(UUID appointmentId, UUID invoiceId) {}

    private int visits;

    /** The patient's e-mailed link (there is exactly one). */
    private Mail onlyMail(UUID patient) {
        List<Mail> mails = jdbc.sql("""
                select subject, body from booking_outbox
                where recipient = :to and kind = 'PAYMENT_CONFIRM' order by created_at
                """)
                .param("to", patients.get(patient).email())
                .query((rs, n) -> new Mail(rs.getString("subject"), rs.getString("body")))
                .list();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The patient presses the page's button: Stripe's answer sends them to the bank's page. */
    private String toBank(String token) throws Exception {
        MvcResult toBank = mvc.perform(
                        post("/payments/confirm").param("token", token).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn();
        String bank = toBank.getResponse().getHeader("Location");
        assertThat(bank).startsWith(stripe.apiBase() + LocalStripe.THREE_D_SECURE);
        return bank;
    }

    private static String tokenIn(String body, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private ResultActions panel(UUID appointment, String lang) throws Exception {
        return mvc.perform(get("/staff/schedule/appointments/" + appointment)
                .param("lang", lang)
                .with(DESK));
    }

    private ResultActions desk(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("lang", "en").with(DESK).with(csrf()));
    }

    private void deliver(Map<String, Object> event) {
        LocalStripe.Delivery delivery = stripe.sign(event, clock.instant());
        try {
            mvc.perform(post(StripeWebhook.PATH)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(delivery.payload())
                            .header("Stripe-Signature", delivery.signature()))
                    .andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastEvent(String type, String intent) {
        return stripe.events(type).stream()
                .filter(e -> intent.equals(
                        ((Map<String, Object>) ((Map<String, Object>) e.get("data")).get("object")).get("id")))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** A trigger point visit (60 minutes, $110.00) with a real therapist, in the given state, billed as booking does. */
    private Visit visit(UUID patient, String state) {
        String email = "secure-" + UUID.randomUUID() + "@example.com";
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        email,
                        "Tess " + email.substring(7, 13),
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        false))
                .id();
        UUID appointment = UUID.randomUUID();
        Instant start = clock.instant().minus(30 + 90L * visits++, ChronoUnit.MINUTES);
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, :status, 'FRONT_DESK', :start)""")
                .param("id", appointment)
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(60, ChronoUnit.MINUTES)))
                .param("status", state)
                .update();
        tx.executeWithoutResult(status -> participants.forEach(p ->
                p.booked(new AppointmentBooked(appointment, patient, therapist, "trigger-point", 60, start, null))));
        return new Visit(
                appointment, invoices.forAppointment(appointment).orElseThrow().id());
    }

    /** A visit the patient missed, with its no-show fee owed as booking and billing note it. */
    private Fee noShowWithFee(UUID patient) {
        Visit visit = visit(patient, "NO_SHOW");
        tx.executeWithoutResult(status ->
                participants.forEach(p -> p.missed(new AppointmentMissed(visit.appointmentId(), patient, FEE))));
        fees.owed(visit.appointmentId(), patient, FEE, Fee.Reason.NO_SHOW);
        return fees.ofAppointment(visit.appointmentId()).orElseThrow();
    }

    /** A patient with an e-mail address, a language, and Stripe's card that always asks for authentication. */
    private UUID patientWithCard(String language) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID patient = patients.findOrCreate(new NewPatient(
                        "Secure",
                        "Payer" + tag,
                        "310 555 " + tag.substring(0, 4),
                        "secure-" + tag + "@example.com",
                        null,
                        language))
                .id();
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, LocalStripe.TestCard.AUTHENTICATION.number);
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
