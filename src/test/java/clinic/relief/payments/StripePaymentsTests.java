package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payment;
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
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.payments.PaymentsFixture.lastEventAbout;
import static clinic.relief.payments.PaymentsFixture.metadataOf;
import static clinic.relief.payments.PaymentsFixture.objectOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cards on file, fees charged off-session and Stripe's webhooks, against the local Stripe through the official SDK.
 */
@ReliefTest
class StripePaymentsTests {

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
    CardsOnFile cards;

    @Autowired
    FeeCharges fees;

    @Autowired
    Clock clock;

    @Autowired
    CardRefunds refunds;

    @Autowired
    PaymentsFixture fixture;

    @Autowired
    StripeGateway gateway;

    @Autowired
    Staff staff;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void aNoShowFeeIsChargedToTheCardOnFileOnceAndRecordedOnce() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);
        String customer = fixture.customerOf(patient);

        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID);
        // Stripe's own word arrives too: nothing is recorded twice.
        fixture.deliver(lastEvent("payment_intent.succeeded", fee), 200);

        assertThat(stripe.chargesOf(customer)).isEqualTo(1);
        Invoice invoice = invoices.get(fee.invoiceId());
        assertThat(invoice.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
            assertThat(p.amount()).isEqualTo(FEE);
            assertThat(p.note()).startsWith("pi_");
        });
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();
        assertThat(stripe.object(intent).orElseThrow().get("metadata"))
                .isEqualTo(Map.of(
                        "fee_id",
                        fee.id().toString(),
                        "invoice_id",
                        fee.invoiceId().toString(),
                        "attempt",
                        "1"));
    }

    @Test
    void aDeclinedCardOrOneNeedingAuthenticationChargesAndRecordsNothing() {
        UUID poor = patientWithCard(LocalStripe.TestCard.INSUFFICIENT_FUNDS.number);
        Fee unpaid = missedWithFee(poor);
        assertThat(fees.charge(unpaid.id())).isEqualTo(Fee.State.DECLINED);
        assertThat(fees.find(unpaid.id()).failureCode()).contains("insufficient_funds");
        assertThat(invoices.get(unpaid.invoiceId()).payments()).isEmpty();

        UUID secure = patientWithCard(LocalStripe.TestCard.AUTHENTICATION.number);
        Fee asked = missedWithFee(secure);
        assertThat(fees.charge(asked.id())).isEqualTo(Fee.State.NEEDS_AUTHENTICATION);
        assertThat(invoices.get(asked.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(fixture.customerOf(poor)) + stripe.chargesOf(fixture.customerOf(secure)))
                .isZero();

        // A card the bank declines outright (Stripe's pm_card_chargeDeclined).
        UUID declined = patientWithCard(LocalStripe.TestCard.VISA.number);
        jdbc.sql("update payments_customer set payment_method_id = 'pm_card_chargeDeclined' where patient_id = :p")
                .param("p", declined)
                .update();
        Fee refused = missedWithFee(declined);
        assertThat(fees.charge(refused.id())).isEqualTo(Fee.State.DECLINED);
        assertThat(fees.find(refused.id()).failureCode()).contains("generic_decline");
        assertThat(invoices.get(refused.invoiceId()).payments()).isEmpty();
    }

    @Test
    void theDeskWaivesAFeeBeforeItIsChargedAndThenNothingIsCharged() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);
        Money owed = invoices.get(fee.invoiceId()).balance();

        fees.waive(fee.id(), "desk@example.com");

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.WAIVED);
        assertThat(invoices.get(fee.invoiceId()).balance()).isEqualTo(owed.minus(FEE));
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.WAIVED);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isZero();
        assertThatThrownBy(() -> fees.waive(fee.id(), "desk@example.com")).isInstanceOf(PaymentsFailure.class);
    }

    @Test
    void aChargeWhoseCommitFailedIsRecordedOnceFromTheWebhookAndTheSweep() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);

        // The app "crashes" after Stripe charged: the transaction that would record it fails.
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    fees.charge(fee.id());
                    throw new IllegalStateException("crash after the call");
                }))
                .hasMessage("crash after the call");
        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.CHARGING);
        assertThat(invoices.get(fee.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);

        fixture.deliver(lastEvent("payment_intent.succeeded", fee), 200);
        fees.sweep(clock.instant(), clock.instant().plusSeconds(1));

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aLostAnswerIsAskedAgainWithTheSameKeyAndChargesOnce() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);

        // The SDK asks again (twice) with the same key; when every answer is lost, the fee waits for the sweep.
        stripe.dropNextResponses(3);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.CHARGING);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);

        fees.sweep(clock.instant(), clock.instant().plusSeconds(1));

        assertThat(fees.find(fee.id()).state()).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterStripeChargedIsRetriedWithTheSameKeyAndChargesOnce() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);

        stripe.dropNextResponses(1);

        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aRemovedCardLeavesTheFeeUnchargedAndAReplacedOneIsDetachedAtStripe() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        String first = fixture.methodOf(patient);
        fixture.saveCard(patient, LocalStripe.TestCard.INSUFFICIENT_FUNDS.number);
        assertThat(stripe.object(first).orElseThrow().get("customer")).isNull();
        assertThat(cards.of(patient)).get().extracting(CardOnFile::last4).isEqualTo("9995");

        cards.remove(patient);
        assertThat(cards.of(patient)).isEmpty();
        Fee fee = missedWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.NO_CARD);
        assertThat(invoices.get(fee.invoiceId()).payments()).isEmpty();
    }

    @Test
    void aCardIsSavedWithThePolicyAcceptedOnceFromTheReturnAndTheWebhook() throws Exception {
        UUID patient = patient();
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, LocalStripe.TestCard.VISA.number);
        assertThat(back.statusCode()).isEqualTo(303);
        String session = back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", "");

        fixture.deliver(lastEventAbout("checkout.session.completed", session), 200);
        assertThat(cards.complete(session)).contains(patient);

        CardOnFile card = cards.of(patient).orElseThrow();
        assertThat(card.brand()).isEqualTo("visa");
        assertThat(card.last4()).isEqualTo("4242");
        assertThat(card.expiry()).isEqualTo("12/2034");
        assertThat(card.policyVersion()).isEqualTo(cards.policyVersion());
        assertThat(card.policyAcceptedAt()).isBefore(clock.instant().plusSeconds(1));
        assertThatThrownBy(() -> cards.begin(patient, false, "http://localhost", Locale.ENGLISH))
                .isInstanceOf(PaymentsFailure.class)
                .extracting(f -> ((PaymentsFailure) f).code())
                .isEqualTo("payments.problem.acceptPolicy");
        // A declined card on the hosted page saves nothing.
        String again = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        assertThat(StripeFixture.payOnHostedPage(again, LocalStripe.TestCard.DECLINED.number)
                        .statusCode())
                .isEqualTo(402);
        assertThat(cards.of(patient)).get().extracting(CardOnFile::last4).isEqualTo("4242");
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndAReplayHasNoEffect() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);
        fees.charge(fee.id());
        Map<String, Object> event = lastEvent("payment_intent.succeeded", fee);
        LocalStripe.Delivery good = stripe.sign(event, clock.instant());

        mvc.perform(post(StripeWebhook.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good.payload())
                        .header("Stripe-Signature", tampered(good.signature())))
                .andExpect(status().isBadRequest());
        mvc.perform(post(StripeWebhook.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good.payload()))
                .andExpect(status().isBadRequest());
        String old = LocalStripe.signature(
                good.payload(), clock.instant().minusSeconds(3600).getEpochSecond(), LocalStripe.WEBHOOK_SECRET);
        mvc.perform(post(StripeWebhook.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good.payload())
                        .header("Stripe-Signature", old))
                .andExpect(status().isBadRequest());
        assertThat(handled(event)).isZero();

        fixture.deliver(event, 200);
        fixture.deliver(event, 200);
        assertThat(handled(event)).isEqualTo(1);
        assertThat(invoices.get(fee.invoiceId()).payments()).hasSize(1);
    }

    @Test
    void theDeskEmailsALinkWithWhichAPatientWithoutAnAccountAddsACardOnce() throws Exception {
        String email = "link-" + UUID.randomUUID() + "@example.com";
        UUID patient = patients.findOrCreate(new NewPatient("Lina", "Link", null, email, null, "en"))
                .id();
        mvc.perform(post("/staff/payments/patients/" + patient + "/card-link")
                        .with(user("desk@example.com").roles("FRONT_DESK"))
                        .with(csrf()))
                .andExpect(header().string("Location", "/staff/patients/" + patient + "#card-on-file"));
        String body = jdbc.sql("select body from booking_outbox where recipient = :e and kind = 'CARD_LINK'")
                .param("e", email)
                .query(String.class)
                .single();
        String token = body.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");

        mvc.perform(get("/payments/card?lang=en").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Card-on-file and cancellation policy")));
        mvc.perform(post("/payments/card?lang=en").param("token", token).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        String stripePage = mvc.perform(post("/payments/card")
                        .param("token", token)
                        .param("accept", "true")
                        .with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String back = StripeFixture.payOnHostedPage(stripePage, LocalStripe.TestCard.VISA.number)
                .headers()
                .firstValue("Location")
                .orElseThrow();
        mvc.perform(get(back.substring("http://localhost".length()) + "&lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your card is saved.")));
        assertThat(cards.of(patient)).get().extracting(CardOnFile::last4).isEqualTo("4242");

        mvc.perform(get("/payments/card?lang=en").param("token", token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link no longer works.")));
        mvc.perform(get("/payments/card?lang=en").param("token", "not-a-token")).andExpect(status().isNotFound());
    }

    // ---- helpers

    private int handled(Map<String, Object> event) {
        return jdbc.sql("select count(*) from payments_webhook_event where id = :id")
                .param("id", event.get("id"))
                .query(Integer.class)
                .single();
    }

    @Test
    void theDeskRefundsACardPaymentInFullOnceEvenWhenStripesWebhooksArriveTooAndAgain() throws Exception {
        Fee fee = paidFee();
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();

        mvc.perform(post("/staff/payments/invoices/" + fee.invoiceId() + "/refunds")
                        .with(user("desk@example.com").roles("FRONT_DESK"))
                        .with(csrf())
                        .param("paymentIntent", intent)
                        .param("amount", "45.00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneCode", "payments.refund.done"));

        Map<String, Object> created = lastEventOf("refund.created", intent);
        Map<String, Object> chargeRefunded = lastEventOf("charge.refunded", intent);
        fixture.deliver(created, 200);
        fixture.deliver(chargeRefunded, 200);
        fixture.deliver(created, 200);

        Invoice invoice = invoices.get(fee.invoiceId());
        assertThat(invoice.payments())
                .filteredOn(p -> p.kind() == Payment.Kind.REFUND)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
                    assertThat(p.amount()).isEqualTo(FEE);
                    assertThat(p.note()).startsWith("re_");
                });
        assertThat(invoice.paid()).isEqualTo(Money.of("0.00"));
        Map<String, Object> refund = stripe.object(
                        invoice.payments().get(invoice.payments().size() - 1).note())
                .orElseThrow();
        assertThat(refund).containsEntry("object", "refund").containsEntry("payment_intent", intent);
        assertThat(refunds.refundable(intent)).isEqualTo(Money.of("0.00"));
    }

    @Test
    void aPartialRefundLeavesTheRestRefundableAndOneTooLargeIsRefusedWithNothingRecorded() throws Exception {
        Fee fee = paidFee();
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();

        assertThat(refunds.refund(fee.invoiceId(), intent, Money.of("20.00"), "desk@example.com")
                        .amount())
                .isEqualTo(Money.of("20.00"));
        assertThat(refunds.refundable(intent)).isEqualTo(Money.of("25.00"));

        long stripeRefunds = refundsAtStripe(intent);
        assertThatThrownBy(() -> refunds.refund(fee.invoiceId(), intent, Money.of("25.01"), "desk@example.com"))
                .isInstanceOfSatisfying(
                        PaymentsFailure.class, f -> assertThat(f.code()).isEqualTo("payments.problem.refundTooLarge"));
        mvc.perform(post("/staff/payments/invoices/" + fee.invoiceId() + "/refunds")
                        .with(user("owner@example.com").roles("OWNER"))
                        .with(csrf())
                        .param("paymentIntent", intent)
                        .param("amount", "30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(
                        flash().attribute(
                                        "problemText",
                                        "That is more than remains refundable on this card payment ($25.00). Nothing was refunded."));
        assertThat(refundsAtStripe(intent)).isEqualTo(stripeRefunds);
        assertThat(invoices.get(fee.invoiceId()).payments())
                .filteredOn(p -> p.kind() == Payment.Kind.REFUND)
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from payments_refund where payment_intent_id = :pi")
                        .param("pi", intent)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The rest is refundable, under its own idempotency key; Stripe itself refuses more than the charge.
        refunds.refund(fee.invoiceId(), intent, Money.of("25.00"), "desk@example.com");
        assertThat(invoices.get(fee.invoiceId()).paid()).isEqualTo(Money.of("0.00"));
        assertThat(gateway.refund(intent, Money.of("1.00"), "refund-test-" + UUID.randomUUID(), Map.of()))
                .isEqualTo(new StripeGateway.RefundOutcome.Refused("charge_already_refunded"));
    }

    @Test
    void aDisputeFlagsTheInvoiceAndTellsTheOwnerOnce() throws Exception {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(new NewStaffMember(
                owner,
                "Owner " + owner.substring(6, 12),
                StaffRole.OWNER,
                "long enough password",
                "CMT",
                "1",
                null,
                null,
                false));
        Fee fee = paidFee();
        String intent = fees.find(fee.id()).paymentIntentId().orElseThrow();

        Map<String, Object> event = stripe.dispute(intent, "fraudulent");
        fixture.deliver(event, 200);
        fixture.deliver(event, 200);

        mvc.perform(get("/staff/billing/invoices/" + fee.invoiceId() + "?lang=en")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "A card payment was disputed by the cardholder ($45.00," + " reason: fraudulent)")));
        long number = invoices.get(fee.invoiceId()).number();
        List<Map<String, Object>> mails = jdbc.sql(
                        "select subject, body from booking_outbox where kind = 'PAYMENTS_DISPUTE' and recipient = :to")
                .param("to", owner)
                .query()
                .listOfRows();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("subject")).isEqualTo("A card payment was disputed (invoice " + number + ")");
            assertThat(m.get("body").toString()).contains("$45.00").doesNotContain("Holder");
        });
    }

    /** The signature with the first hex digit of its HMAC changed (never to the digit it already was). */
    private static String tampered(String signature) {
        int at = signature.indexOf("v1=") + 3;
        return signature.substring(0, at) + (signature.charAt(at) == '0' ? '1' : '0') + signature.substring(at + 1);
    }

    private Fee paidFee() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number);
        Fee fee = missedWithFee(patient);
        assertThat(fees.charge(fee.id())).isEqualTo(Fee.State.PAID);
        return fee;
    }

    private long refundsAtStripe(String intent) {
        return stripe.events("refund.created").stream()
                .filter(e -> intent.equals(objectOf(e).get("payment_intent")))
                .count();
    }

    private Map<String, Object> lastEventOf(String type, String intent) {
        return PaymentsFixture.lastEvent(type, o -> intent.equals(o.get("payment_intent")));
    }

    private Map<String, Object> lastEvent(String type, Fee fee) {
        return PaymentsFixture.lastEvent(
                type, o -> fee.id().toString().equals(metadataOf(o).get("fee_id")));
    }

    private UUID patient() {
        return fixture.patient("Card", "Holder", null);
    }

    private UUID patientWithCard(String number) {
        return fixture.patientWithCard("Card", "Holder", null, number);
    }

    private Fee missedWithFee(UUID patient) {
        return fixture.missedWithFee(patient, FEE);
    }
}
