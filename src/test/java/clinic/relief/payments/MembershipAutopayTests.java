package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.relief.EventsHandled;
import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Membership;
import clinic.relief.billing.MembershipAutopay;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.billing.RecordPayment;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Membership dues charged to the card on file against the local Stripe: the sale's first month, the retries on days
 * 3, 5 and 7 (the sweep is run at later moments of the app's clock, never the machine's date), the pause and the
 * resumption, the bank's authentication by the e-mailed link, and a crash between Stripe's charge and the commit.
 */
@ReliefTest
class MembershipAutopayTests {

    private static final RequestPostProcessor DESK = user("desk@example.com").roles("FRONT_DESK");
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
    CardsOnFile cards;

    @Autowired
    MembershipDues dues;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void sellingToAPatientWithACardChargesTheFirstMonthAtOnceAndSaysSo() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA);

        sell(patient, "billing.enrolled.paid");

        Membership membership = membershipOf(patient);
        Dues month = duesOf(membership);
        assertThat(month.state()).isEqualTo(Dues.State.PAID);
        assertThat(invoices.get(month.invoiceId()).balance().isPositive()).isFalse();
        assertThat(invoices.get(month.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE));
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
        // The metadata and key name the invoice and the attempt.
        assertThat(stripe.object(month.paymentIntentId().orElseThrow())
                        .orElseThrow()
                        .get("metadata"))
                .isEqualTo(Map.of(
                        "dues_invoice_id", month.invoiceId().toString(),
                        "membership_id", membership.id().toString(),
                        "attempt", "1"));

        // A second sweep asks for nothing more.
        dues.sweep(clock.instant());
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void withoutACardTheSaleSaysTheInvoiceIsLeftForTheDeskAndNothingIsCharged() throws Exception {
        UUID patient = patient();

        sell(patient, "billing.enrolled");

        Membership membership = membershipOf(patient);
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from payments_dues where membership_id = :m")
                        .param("m", membership.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(invoices.ofPatient(patient))
                .singleElement()
                .satisfies(i -> assertThat(i.balance().isPositive()).isTrue());
    }

    @Test
    void aDeclinedCardIsTriedOnDays3And5And7ThenTheMembershipPausesUntilTheDeskIsPaid() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.INSUFFICIENT_FUNDS);
        Instant start = clock.instant();

        sell(patient, "billing.enrolled.declined");

        Membership membership = membershipOf(patient);
        Dues month = duesOf(membership);
        assertThat(month.state()).isEqualTo(Dues.State.RETRYING);
        assertThat(month.failureCode()).contains("insufficient_funds");
        assertThat(memberships.credits(membership.id())).isEmpty();
        assertThat(mailsTo(patient))
                .singleElement()
                .satisfies(body ->
                        assertThat(body).contains("/payments/card?token=").doesNotContain("insufficient"));

        // Day 2: not yet. Days 3, 5 and 7: one attempt each, an e-mail each.
        dues.sweep(start.plus(Duration.ofDays(2)));
        assertThat(dues.find(month.invoiceId()).orElseThrow().attempt()).isEqualTo(1);
        for (int day : List.of(3, 5)) {
            dues.sweep(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
            Dues after = dues.find(month.invoiceId()).orElseThrow();
            assertThat(after.state()).isEqualTo(Dues.State.RETRYING);
            assertThat(after.failures()).isEqualTo(day == 3 ? 2 : 3);
        }
        dues.sweep(start.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)));
        assertThat(dues.find(month.invoiceId()).orElseThrow().attempt()).isEqualTo(3);
        dues.sweep(start.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));

        Dues paused = dues.find(month.invoiceId()).orElseThrow();
        assertThat(paused.state()).isEqualTo(Dues.State.PAUSED);
        assertThat(paused.attempt()).isEqualTo(4);
        assertThat(memberships.paused(membership.id())).isTrue();
        assertThat(memberships.usableBy(patient)).isEmpty();
        assertThat(mailsTo(patient)).hasSize(4);
        dues.sweep(start.plus(Duration.ofDays(20)));
        assertThat(dues.find(month.invoiceId()).orElseThrow().attempt()).isEqualTo(4);
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();

        // The desk records a cash payment: the credits come, the membership resumes, the card is never charged.
        payments.record(
                new RecordPayment(
                        month.invoiceId(),
                        Payment.Kind.PAYMENT,
                        Payment.Method.CASH,
                        invoices.get(month.invoiceId()).balance(),
                        "cash"),
                "desk@example.com");
        assertThat(memberships.paused(membership.id())).isFalse();
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(memberships.usableBy(patient)).isPresent();
        jdbc.sql("update payments_dues set next_attempt_at = :now where invoice_id = :i")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("i", month.invoiceId())
                .update();
        dues.sweep(clock.instant());
        assertThat(dues.find(month.invoiceId()).orElseThrow().state()).isEqualTo(Dues.State.SETTLED);
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void aPausedMembershipResumesWhenTheRetryWithTheUpdatedCardIsPaid() {
        UUID patient = patientWithCard(LocalStripe.TestCard.INSUFFICIENT_FUNDS);
        Instant start = clock.instant();
        Membership membership = tx.execute(status -> memberships.enrol(patient, PLAN));
        UUID invoice = duesOf(membership).invoiceId();
        assertThat(dues.chargeNow(invoice)).isEqualTo(MembershipAutopay.Outcome.DECLINED);
        for (int day : List.of(3, 5, 7)) {
            dues.sweep(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
        }
        assertThat(memberships.paused(membership.id())).isTrue();
        assertThat(dues.find(invoice).orElseThrow().failureCode()).contains("insufficient_funds");

        saveCard(patient, LocalStripe.TestCard.VISA.number);
        dues.sweep(clock.instant());

        assertThat(dues.find(invoice).orElseThrow().state()).isEqualTo(Dues.State.PAID);
        assertThat(memberships.paused(membership.id())).isFalse();
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aPaymentTheBankWantsAuthenticatedIsCompletedOnceThroughTheEmailedLink() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.AUTHENTICATION);

        sell(patient, "billing.enrolled.authentication");

        Membership membership = membershipOf(patient);
        Dues month = duesOf(membership);
        assertThat(month.state()).isEqualTo(Dues.State.NEEDS_AUTHENTICATION);
        assertThat(memberships.credits(membership.id())).isEmpty();
        String token = tokenIn(mailsTo(patient).get(0), "/payments/dues\\?token=([A-Za-z0-9_-]+)");

        mvc.perform(get("/payments/dues").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dues-amount\"")));
        MvcResult toBank = mvc.perform(
                        post("/payments/dues").param("token", token).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn();
        String bank = toBank.getResponse().getHeader("Location");
        assertThat(bank).startsWith(stripe.apiBase() + LocalStripe.THREE_D_SECURE);
        assertThat(dues.find(month.invoiceId()).orElseThrow().state()).isEqualTo(Dues.State.AUTHENTICATING);

        HttpResponse<String> back = LocalStripe.authenticate(bank, true);
        assertThat(back.statusCode()).isEqualTo(303);
        String returned = back.headers().firstValue("Location").orElseThrow();
        assertThat(returned).contains("/payments/dues/done?token=");
        mvc.perform(get("/payments/dues/done").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dues-paid\"")));
        // Stripe's webhook says the same; a replayed return page too: recorded once.
        deliverLast("payment_intent.succeeded", month.invoiceId());
        mvc.perform(get("/payments/dues/done").param("token", token)).andExpect(status().isOk());

        assertThat(dues.find(month.invoiceId()).orElseThrow().state()).isEqualTo(Dues.State.PAID);
        assertThat(invoices.get(month.invoiceId()).payments()).hasSize(1);
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
        // The link is spent for anything but saying so.
        mvc.perform(post("/payments/dues").param("token", token).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aMonthWaitingForTheBankIsCancelledAtStripeOnceTheDeskRecordsItPaidInCash() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.AUTHENTICATION);
        sell(patient, "billing.enrolled.authentication");
        Dues month = duesOf(membershipOf(patient));
        assertThat(month.state()).isEqualTo(Dues.State.NEEDS_AUTHENTICATION);
        String intent = month.paymentIntentId().orElseThrow();
        String token = tokenIn(mailsTo(patient).get(0), "/payments/dues\\?token=([A-Za-z0-9_-]+)");
        long cancelledBefore = stripe.cancelledOf(customerOf(patient));

        mvc.perform(post("/staff/billing/invoices/" + month.invoiceId() + "/payments")
                        .param("lang", "en")
                        .param("kind", "PAYMENT")
                        .param("method", "CASH")
                        .param("amount", month.amount().amount().toPlainString())
                        .with(DESK)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        EventsHandled.awaitAll(jdbc);

        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "canceled");
        assertThat(stripe.cancelledOf(customerOf(patient))).isEqualTo(cancelledBefore + 1);
        assertThat(dues.find(month.invoiceId()).orElseThrow().state()).isEqualTo(Dues.State.SETTLED);
        // The e-mailed link no longer sends the patient to their bank.
        mvc.perform(post("/payments/dues").param("token", token).with(csrf())).andExpect(status().is4xxClientError());
        assertThat(invoices.get(month.invoiceId()).payments())
                .singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo(Payment.Method.CASH));
        assertThat(stripe.chargesOf(customerOf(patient))).isZero();
    }

    @Test
    void aChargeWhoseCommitFailedIsRecordedOnceFromTheWebhookAndTheSweep() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA);
        Membership membership = tx.execute(status -> memberships.enrol(patient, PLAN));
        UUID invoice = duesOf(membership).invoiceId();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    dues.charge(invoice);
                    throw new IllegalStateException("crash after the call");
                }))
                .hasMessage("crash after the call");
        assertThat(dues.find(invoice).orElseThrow().state()).isEqualTo(Dues.State.CHARGING);
        assertThat(invoices.get(invoice).payments()).isEmpty();
        assertThat(memberships.credits(membership.id())).isEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);

        deliverLast("payment_intent.succeeded", invoice);
        dues.sweep(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(dues.find(invoice).orElseThrow().state()).isEqualTo(Dues.State.PAID);
        assertThat(invoices.get(invoice).payments()).hasSize(1);
        assertThat(memberships.credits(membership.id())).isNotEmpty();
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aLostAnswerIsAskedAgainByTheSweepWithTheSameKeyAndChargesOnce() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA);
        Membership membership = tx.execute(status -> memberships.enrol(patient, PLAN));
        UUID invoice = duesOf(membership).invoiceId();

        stripe.dropNextResponses(3);
        assertThat(dues.chargeNow(invoice)).isEqualTo(MembershipAutopay.Outcome.PENDING);
        dues.sweep(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(dues.find(invoice).orElseThrow().state()).isEqualTo(Dues.State.PAID);
        assertThat(invoices.get(invoice).payments()).hasSize(1);
        assertThat(stripe.chargesOf(customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aSweepOfSeveralMonthsChargesEachOnceInParallel() {
        List<UUID> months = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID patient = patientWithCard(LocalStripe.TestCard.VISA);
            Membership membership = tx.execute(status -> memberships.enrol(patient, PLAN));
            months.add(duesOf(membership).invoiceId());
        }

        dues.sweep(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(months).allSatisfy(invoice -> {
            assertThat(dues.find(invoice).orElseThrow().state()).isEqualTo(Dues.State.PAID);
            assertThat(invoices.get(invoice).payments()).hasSize(1);
        });
    }

    // ---- helpers

    private void sell(UUID patient, String expected) throws Exception {
        mvc.perform(post("/staff/billing/patients/" + patient + "/membership")
                        .param("plan", PLAN)
                        .with(DESK)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", expected));
    }

    private Membership membershipOf(UUID patient) {
        return memberships.ofPatient(patient).get(0);
    }

    private Dues duesOf(Membership membership) {
        return jdbc.sql("select invoice_id from payments_dues where membership_id = :m order by period limit 1")
                .param("m", membership.id())
                .query(UUID.class)
                .optional()
                .flatMap(dues::find)
                .orElseThrow();
    }

    private List<String> mailsTo(UUID patient) {
        return jdbc.sql("select body from booking_outbox where recipient = :to and kind = 'MEMBERSHIP_DUES' order by"
                        + " created_at")
                .param("to", patients.get(patient).email())
                .query(String.class)
                .list();
    }

    private static String tokenIn(String body, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private void deliverLast(String type, UUID invoice) {
        Map<String, Object> event = stripe.events(type).stream()
                .filter(e -> invoice.toString()
                        .equals(((Map<String, Object>)
                                        ((Map<String, Object>) ((Map<String, Object>) e.get("data")).get("object"))
                                                .get("metadata"))
                                .get("dues_invoice_id")))
                .reduce((a, b) -> b)
                .orElseThrow();
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

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient(
                        "Member",
                        "Dues" + tag,
                        "310 555 " + tag.substring(0, 4),
                        "dues-" + tag + "@example.com",
                        null,
                        "en"))
                .id();
    }

    private UUID patientWithCard(LocalStripe.TestCard card) {
        UUID patient = patient();
        saveCard(patient, card.number);
        return patient;
    }

    private void saveCard(UUID patient, String number) {
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, number);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(cards.complete(
                        back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", "")))
                .contains(patient);
    }

    private String customerOf(UUID patient) {
        return cards.customer(patient).orElseThrow().customerId();
    }
}
