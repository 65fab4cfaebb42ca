package clinic.relief.payments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.billing.BillingReports;
import clinic.relief.billing.GiftCards;
import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Line;
import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.billing.RecordPayment;
import clinic.relief.billing.SellGiftCard;
import clinic.relief.billing.spi.ReaderCharges;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.terminal.Reader;
import com.stripe.param.terminal.ReaderPresentPaymentMethodParams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static clinic.relief.payments.PaymentsFixture.lastEvent;
import static clinic.relief.payments.PaymentsFixture.lastEventAbout;
import static clinic.relief.payments.PaymentsFixture.metadataOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Checkout at the desk against the local Stripe through the official SDK: the invoice with a tip, payment split over
 * the desk's methods and the card on file, each refusal with nothing recorded and nothing charged, one charge for
 * two clicks at once and for a lost answer asked again.
 */
@ReliefTest
class DeskCheckoutTests {

    static final Money PRICE = Money.of("110.00");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Invoices invoices;

    @Autowired
    CardsOnFile cards;

    @Autowired
    DeskCheckouts checkouts;

    @Autowired
    GiftCards giftCards;

    @Autowired
    BillingReports reports;

    @Autowired
    Payments payments;

    @Autowired
    Staff staff;

    @Autowired
    Clock clock;

    @Autowired
    ClinicProfile clinic;

    @Autowired
    PaymentsFixture fixture;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void theDeskAddsAPresetTipAndChargesTheRestToTheCardOnFileOnceWithAReceipt() throws Exception {
        String email = "tipper-" + UUID.randomUUID() + "@example.com";
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, email);
        Visit visit = visit(patient);

        page(visit)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("18 % ($19.80)")))
                .andExpect(content().string(containsString("Card on file ending in 4242")))
                .andExpect(content().string(not(containsString("Card charging is off"))));
        desk(post(path(visit, "tip")).param("version", "0").param("tip", "18"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "A tip of $19.80 was added to the invoice."));
        Invoice tipped = invoices.get(visit.invoiceId());
        assertThat(tipped.lines())
                .filteredOn(l -> l.kind() == Line.Kind.TIP)
                .singleElement()
                .extracting(Line::amount)
                .isEqualTo(Money.of("19.80"));
        assertThat(tipped.balance()).isEqualTo(Money.of("129.80"));

        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "129.80"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "$129.80 was charged to the card on file and recorded."));

        Invoice paid = invoices.get(visit.invoiceId());
        assertThat(paid.balance()).isEqualTo(Money.of("0.00"));
        assertThat(paid.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(Payment.Method.CARD_ON_FILE);
            assertThat(p.note()).startsWith("pi_");
        });
        String intent = paid.payments().get(0).note();
        assertThat(stripe.object(intent).orElseThrow().get("metadata"))
                .isEqualTo(Map.of(
                        "checkout_invoice_id",
                        visit.invoiceId().toString(),
                        "appointment_id",
                        visit.appointmentId().toString(),
                        "attempt",
                        "1"));
        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "succeeded");
        // Stripe's own word arrives too, twice: nothing is recorded again.
        fixture.deliver(lastEventAbout("payment_intent.succeeded", intent));
        fixture.deliver(lastEventAbout("payment_intent.succeeded", intent));
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);

        // The receipt is e-mailed, naming nothing of the visit's health.
        List<Map<String, Object>> mails = jdbc.sql(
                        "select subject, body from booking_outbox where recipient = :to and kind = 'DOCUMENT'")
                .param("to", email)
                .query()
                .listOfRows();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("subject").toString()).contains(clinic.name());
            assertThat(m.get("subject") + " " + m.get("body"))
                    .doesNotContainIgnoringCase("trigger")
                    .doesNotContainIgnoringCase("pain")
                    .doesNotContain(visit.therapistName());
        });

        // The owner's report lists the tip for the therapist; the page says nothing more is owed.
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinic.zone());
        mvc.perform(get("/staff/billing/reports?lang=en")
                        .param("from", today.toString())
                        .param("to", today.toString())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tips per therapist")))
                .andExpect(content().string(containsString(visit.therapistName())));
        assertThat(checkouts.tipsPerTherapist(today, today))
                .filteredOn(t -> t.therapist().equals(visit.therapistName()))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.amount()).isEqualTo(Money.of("19.80"));
                    assertThat(t.tips()).isEqualTo(1);
                });
        assertThat(checkouts.tipsPerTherapist(today.minusDays(3), today.minusDays(1)))
                .noneMatch(t -> t.therapist().equals(visit.therapistName()));
        page(visit).andExpect(content().string(containsString("Nothing is owed on this visit.")));
    }

    @Test
    void aPaymentIsSplitBetweenAGiftCardCashAndTheCardOnFile() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String code = "GIFT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        giftCards.sell(new SellGiftCard(code, Money.of("30.00"), Payment.Method.CASH), "desk@example.com");

        desk(post(path(visit, "tip"))
                        .param("version", "0")
                        .param("tip", "custom")
                        .param("customTip", "$12.50"))
                .andExpect(status().is3xxRedirection());
        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "GIFT_CARD")
                        .param("amount", "30")
                        .param("giftCard", code))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "$30.00 was recorded (Gift card)."));
        desk(post(path(visit, "pay"))
                        .param("version", "2")
                        .param("method", "CASH")
                        .param("amount", "40"))
                .andExpect(status().is3xxRedirection());
        desk(post(path(visit, "pay"))
                        .param("version", "3")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "52.50"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "$52.50 was charged to the card on file and recorded."));

        Invoice invoice = invoices.get(visit.invoiceId());
        assertThat(invoice.payments())
                .extracting(Payment::method)
                .containsExactly(Payment.Method.GIFT_CARD, Payment.Method.CASH, Payment.Method.CARD_ON_FILE);
        assertThat(invoice.balance()).isEqualTo(Money.of("0.00"));
        assertThat(giftCards.get(code).balance()).isEqualTo(Money.of("0.00"));
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
    }

    @Test
    void badTipsAndAmountsAreRefusedWithAClearMessageAndNothingChanges() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String customer = fixture.customerOf(patient);

        refusedTip(visit, "-5", "A tip must be more than zero.");
        refusedTip(visit, "0", "A tip must be more than zero.");
        refusedTip(visit, "12abc", "Write the amount in dollars and cents, for example 45.50.");
        refusedTip(visit, "1e9", "Write the amount in dollars and cents, for example 45.50.");
        refusedTip(visit, "99999999999999999999999", "That amount is far too large. Nothing was done.");
        refusedTip(visit, "110.01", "A tip may be at most the price of the service ($110.00). Nothing was added.");
        desk(post(path(visit, "tip")).param("version", "0").param("tip", "25"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose 15, 18 or 20 % or another amount.")));

        // Paying more than is owed, by hand or by card, and amounts that are not amounts.
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "CASH")
                        .param("amount", "110.01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("That is more than the balance of $110.00.")));
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "500"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(containsString("That is more than the balance of $110.00. Nothing was charged.")));
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "-3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The amount must be more than zero.")));
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "CASH")
                        .param("amount", "ten"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Write the amount in dollars and cents")));
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "BITCOIN")
                        .param("amount", "10"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose how the patient pays.")));
        // A page shown before another click: refused, nothing done.
        desk(post(path(visit, "pay"))
                        .param("version", "7")
                        .param("method", "CASH")
                        .param("amount", "10"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This checkout changed meanwhile")));

        Invoice invoice = invoices.get(visit.invoiceId());
        assertThat(invoice.payments()).isEmpty();
        assertThat(invoice.lines()).noneMatch(l -> l.kind() == Line.Kind.TIP);
        assertThat(stripe.chargesOf(customer)).isZero();

        // A tip on a zero invoice (the visit is covered in full) is refused too.
        jdbc.sql("""
                insert into billing_invoice_line (invoice_id, kind, amount, code, args, reference, created_at)
                values (:i, 'MEMBERSHIP_CREDIT', -110.00, 'billing.line.credit', '[]'::jsonb, :ref, :at)""")
                .param("i", visit.invoiceId())
                .param("ref", "test-credit:" + visit.invoiceId())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        refusedTip(visit, "10", "Nothing is charged for this visit, so no tip can be added to its invoice.");
        assertThatThrownBy(() -> checkouts.tip(visit.appointmentId(), 0, "15", null, "desk@example.com"))
                .isInstanceOfSatisfying(
                        CheckoutProblem.class,
                        p -> assertThat(p.code()).isEqualTo("payments.checkout.problem.tipOnZero"));
        assertThat(invoices.get(visit.invoiceId()).lines()).noneMatch(l -> l.kind() == Line.Kind.TIP);
    }

    @Test
    void aDeclinedCardOrOneNeedingAuthenticationChargesAndRecordsNothing() throws Exception {
        UUID poor = patientWithCard(LocalStripe.TestCard.INSUFFICIENT_FUNDS.number, null);
        Visit unpaid = visit(poor);
        desk(post(path(unpaid, "pay"))
                        .param("version", "0")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "problemText",
                                "The card was declined. Nothing was charged or recorded; take another method."));
        assertThat(invoices.get(unpaid.invoiceId()).payments()).isEmpty();

        UUID secure = patientWithCard(LocalStripe.TestCard.AUTHENTICATION.number, null);
        Visit asked = visit(secure);
        desk(post(path(asked, "pay"))
                        .param("version", "0")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problemText", containsString("The bank asks the patient to confirm")));
        assertThat(invoices.get(asked.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(fixture.customerOf(poor)) + stripe.chargesOf(fixture.customerOf(secure)))
                .isZero();

        // Another method then settles it; the refused attempt is no obstacle.
        desk(post(path(asked, "pay"))
                        .param("version", "2")
                        .param("method", "CARD_TERMINAL")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection());
        assertThat(invoices.get(asked.invoiceId()).balance()).isEqualTo(Money.of("0.00"));
    }

    @Test
    void twoDeskClicksAtOnceChargeTheCardOnce() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> click = () -> {
            start.await();
            try {
                return checkouts.chargeCard(visit.appointmentId(), 0, PRICE);
            } catch (CheckoutProblem refused) {
                return refused.code();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> clicks = List.of(pool.submit(click), pool.submit(click));
            start.countDown();
            for (Future<Object> f : clicks) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes)
                .containsExactlyInAnyOrder(DeskCheckouts.CardOutcome.PAID, "payments.checkout.problem.changed");
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterStripeChargedIsAskedAgainWithTheSameKeyAndChargesOnce() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);

        // Every answer lost (the SDK's own retries too): the attempt waits, nothing is recorded yet.
        stripe.dropNextResponses(3);
        assertThat(checkouts.chargeCard(visit.appointmentId(), 0, PRICE))
                .isEqualTo(DeskCheckouts.CardOutcome.NO_ANSWER);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);
        assertThat(invoices.get(visit.invoiceId()).payments()).isEmpty();
        page(visit)
                .andExpect(content().string(containsString("A charge of $110.00 to the card is waiting for Stripe")));
        // Nothing else may be taken meanwhile: it could pay twice.
        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "CASH")
                        .param("amount", "10"))
                .andExpect(status().isUnprocessableContent());

        desk(post(path(visit, "retry")).param("version", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "$110.00 was charged to the card on file and recorded."));
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);

        // One lost answer: the SDK asks again with the same key by itself, one charge.
        UUID other = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit second = visit(other);
        stripe.dropNextResponses(1);
        assertThat(checkouts.chargeCard(second.appointmentId(), 0, PRICE)).isEqualTo(DeskCheckouts.CardOutcome.PAID);
        assertThat(stripe.chargesOf(fixture.customerOf(other))).isEqualTo(1);
    }

    @Test
    void aChargeWhoseCommitFailedIsRecordedOnceFromTheWebhookAndTheSweep() {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    checkouts.chargeCard(visit.appointmentId(), 0, PRICE);
                    throw new IllegalStateException("crash after the call");
                }))
                .hasMessage("crash after the call");
        assertThat(invoices.get(visit.invoiceId()).payments()).isEmpty();
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(1);

        String intent = stripe.events("payment_intent.succeeded").stream()
                .map(PaymentsFixture::objectOf)
                .filter(o -> visit.invoiceId().toString().equals(metadataOf(o).get("checkout_invoice_id")))
                .map(o -> o.get("id").toString())
                .reduce((a, b) -> b)
                .orElseThrow();
        checkouts.sweep(clock.instant().plusSeconds(1));
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
        fixture.deliver(lastEventAbout("payment_intent.succeeded", intent));
        checkouts.sweep(clock.instant().plusSeconds(1));
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
        assertThat(checkouts.of(visit.appointmentId()).charging()).isFalse();

        // Stripe's webhook first, then the sweep: still one payment.
        Visit other = visit(patient);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    checkouts.chargeCard(other.appointmentId(), 0, PRICE);
                    throw new IllegalStateException("crash after the call");
                }))
                .hasMessage("crash after the call");
        String second = stripe.events("payment_intent.succeeded").stream()
                .map(PaymentsFixture::objectOf)
                .filter(o -> other.invoiceId().toString().equals(metadataOf(o).get("checkout_invoice_id")))
                .map(o -> o.get("id").toString())
                .reduce((a, b) -> b)
                .orElseThrow();
        fixture.deliver(lastEventAbout("payment_intent.succeeded", second));
        assertThat(checkouts.of(other.appointmentId()).charging()).isFalse();
        checkouts.sweep(clock.instant().plusSeconds(1));
        assertThat(invoices.get(other.invoiceId()).payments()).hasSize(1);
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isEqualTo(2);
    }

    @Test
    void theCardReaderCollectsAPaymentOnceWhetherCheckedOrToldByStripesWebhook() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);

        page(visit).andExpect(content().string(containsString("Card reader (Stripe Terminal)")));
        desk(post(path(visit, "pay"))
                        .param("version", "0")
                        .param("method", "CARD_READER")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("The card reader shows $110.00")));
        page(visit).andExpect(content().string(containsString("The card reader is waiting for the patient")));
        // Checked before the card is presented: still waiting, nothing recorded, nothing else taken meanwhile.
        assertThat(checkouts.retry(visit.appointmentId(), 1)).isEqualTo(DeskCheckouts.CardOutcome.ON_READER);
        assertThat(invoices.get(visit.invoiceId()).payments()).isEmpty();
        assertThatThrownBy(() -> checkouts.chargeCard(visit.appointmentId(), 1, Money.of("1.00")))
                .isInstanceOf(CheckoutProblem.class);

        // The patient taps a card on the simulated reader (Stripe's test helper); Stripe's webhooks say so, twice.
        Reader reader = present(null);
        assertThat(reader.getAction().getStatus()).isEqualTo("succeeded");
        String intent = reader.getAction().getProcessPaymentIntent().getPaymentIntent();
        fixture.deliver(lastReaderEvent("terminal.reader.action_succeeded", intent));
        fixture.deliver(lastReaderEvent("terminal.reader.action_succeeded", intent));
        fixture.deliver(lastEventAbout("payment_intent.succeeded", intent));
        Invoice paid = invoices.get(visit.invoiceId());
        assertThat(paid.payments()).singleElement().satisfies(p -> {
            assertThat(p.note()).isEqualTo(intent);
            assertThat(p.amount()).isEqualTo(PRICE);
        });
        assertThat(paid.balance()).isEqualTo(Money.of("0.00"));
        assertThat(checkouts.of(visit.appointmentId()).charging()).isFalse();
        assertThat(stripe.object(intent).orElseThrow())
                .containsEntry("status", "succeeded")
                .containsEntry("payment_method_types", List.of("card_present"));

        // A card the bank declines on the reader: nothing recorded, the desk is told when it checks.
        Visit second = visit(patient);
        assertThat(checkouts.chargeReader(second.appointmentId(), 0, PRICE))
                .isEqualTo(DeskCheckouts.CardOutcome.ON_READER);
        present(LocalStripe.TestCard.DECLINED.number);
        desk(post(path(second, "retry")).param("version", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "problemText",
                                "The card was declined. Nothing was charged or recorded; take another method."));
        assertThat(invoices.get(second.invoiceId()).payments()).isEmpty();
        assertThat(checkouts.of(second.appointmentId()).chargeState()).isEqualTo("DECLINED");
    }

    @Test
    void cashTakenWhileTheReaderWaitsCancelsTheReadersActionAndItsIntentSoTheCardIsNeverCharged() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String intent = waitingOnReader(visit);
        int cancelledBefore = stripe.readerActionsCancelled();

        // The patient pays cash instead while the reader still waits for their card.
        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "CASH")
                        .param("amount", "110"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("$110.00 was recorded")));

        assertReaderStoppedAndPaidInCashOnce(visit, intent, cancelledBefore);
    }

    @Test
    void aReaderPaymentTakenJustBeforeTheDeskRecordsCashIsRecordedOnceAndTheCashIsRefused() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String intent = waitingOnReader(visit);
        // The card is tapped; Stripe's webhook has not come yet when the desk records cash.
        assertThat(present(null).getAction().getStatus()).isEqualTo("succeeded");

        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "CASH")
                        .param("amount", "110"))
                .andExpect(status().isConflict());
        assertReaderPaymentRecordedOnce(visit, intent);
    }

    @Test
    void cashOnTheInvoicePageWhileTheReaderWaitsStopsTheReaderAsAtCheckoutAndIsRecordedOnce() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String intent = waitingOnReader(visit);
        int cancelledBefore = stripe.readerActionsCancelled();

        // The patient pays cash at the desk, recorded on the invoice page, while the reader still waits for the card.
        MvcResult recorded = invoicePage(visit, "en", "CASH")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("readerStopped", "$110.00"))
                .andReturn();
        redirected(visit, "en", recorded)
                .andExpect(content().string(containsString("Payment recorded.")))
                .andExpect(content()
                        .string(containsString("The card reader was stopped: its charge of $110.00 was "
                                + "cancelled at Stripe, so it can no longer take the patient&#39;s card.")));

        assertReaderStoppedAndPaidInCashOnce(visit, intent, cancelledBefore);

        // Asked again (a second click, a replay): the reader is not cancelled twice and nothing more is recorded.
        assertThat(checkouts.stop(visit.invoiceId()).outcome()).isEqualTo(ReaderCharges.Outcome.NONE_WAITING);
        invoicePage(visit, "en", "CASH").andExpect(status().isConflict());
        assertThat(stripe.readerActionsCancelled()).isEqualTo(cancelledBefore + 1);
        assertThat(invoices.get(visit.invoiceId()).payments()).hasSize(1);
    }

    @Test
    void aReaderPaymentTakenJustBeforeTheInvoicePageRecordsCashIsRecordedOnceAndTheCashIsRefusedSayingSo()
            throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        for (String lang : List.of("en", "es")) {
            Visit visit = visit(patient);
            String intent = waitingOnReader(visit);
            // The card is tapped; Stripe's webhook has not come yet when the desk records cash on the invoice page.
            assertThat(present(null).getAction().getStatus()).isEqualTo("succeeded");

            invoicePage(visit, lang, "CASH")
                    .andExpect(status().isConflict())
                    .andExpect(content()
                            .string(containsString(
                                    "en".equals(lang)
                                            ? "The card reader took the patient&#39;s card for $110.00 before this payment "
                                                    + "could be recorded: that card payment is on the invoice. Nothing else "
                                                    + "was recorded."
                                            : "El lector de tarjetas cobró la tarjeta del paciente por")));
            assertReaderPaymentRecordedOnce(visit, intent);
            assertThat(invoices.get(visit.invoiceId()).payments())
                    .singleElement()
                    .extracting(Payment::method)
                    .isEqualTo(Payment.Method.CARD_ON_FILE);
        }
    }

    @Test
    void aSpanishDeskIsToldTheReaderWasStoppedAndABadFormLeavesTheReaderWaiting() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        String intent = waitingOnReader(visit);
        int cancelledBefore = stripe.readerActionsCancelled();

        // More than is owed, and a refund: refused as before, the reader left waiting for the card.
        desk(post("/staff/billing/invoices/" + visit.invoiceId() + "/payments")
                        .param("kind", "PAYMENT")
                        .param("method", "CASH")
                        .param("amount", "500"))
                .andExpect(status().is4xxClientError());
        desk(post("/staff/billing/invoices/" + visit.invoiceId() + "/payments")
                        .param("kind", "REFUND")
                        .param("method", "CASH")
                        .param("amount", "10"))
                .andExpect(status().is4xxClientError());
        assertThat(stripe.readerActionsCancelled()).isEqualTo(cancelledBefore);
        assertThat(stripe.object(intent).orElseThrow()).doesNotContainEntry("status", "canceled");
        assertThat(checkouts.of(visit.appointmentId()).onReader()).isTrue();

        MvcResult recorded = invoicePage(visit, "es", "CHECK")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("readerStopped", containsString("110,00")))
                .andReturn();
        redirected(visit, "es", recorded)
                .andExpect(content().string(containsString("Pago registrado.")))
                .andExpect(content().string(containsString("Se detuvo el lector de tarjetas: su cobro de 110,00")))
                .andExpect(content()
                        .string(containsString(
                                "se canceló en Stripe, así que ya no puede cobrar la tarjeta del paciente.")));
        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "canceled");
        assertThat(invoices.get(visit.invoiceId()).payments())
                .singleElement()
                .extracting(Payment::method)
                .isEqualTo(Payment.Method.CHECK);
    }

    /** The invoice page the desk is sent back to, with what the payment left for it to show. */
    private ResultActions redirected(Visit visit, String lang, MvcResult recorded) throws Exception {
        return mvc.perform(get("/staff/billing/invoices/" + visit.invoiceId())
                .param("lang", lang)
                .cookie(recorded.getResponse().getCookies())
                .with(user("desk@example.com").roles("FRONT_DESK")));
    }

    private ResultActions invoicePage(Visit visit, String lang, String method) throws Exception {
        return mvc.perform(post("/staff/billing/invoices/" + visit.invoiceId() + "/payments")
                .param("lang", lang)
                .param("kind", "PAYMENT")
                .param("method", method)
                .param("amount", "110.00")
                .with(user("desk@example.com").roles("FRONT_DESK"))
                .with(csrf()));
    }

    /** Starts the visit's charge on the card reader, which then waits for the card; returns its PaymentIntent. */
    private String waitingOnReader(Visit visit) {
        assertThat(checkouts.chargeReader(visit.appointmentId(), 0, PRICE))
                .isEqualTo(DeskCheckouts.CardOutcome.ON_READER);
        return readerIntentOf(visit);
    }

    /**
     * Stripe's webhooks for the reader's charge arrive; the card payment is then on the invoice once, paying it, and
     * nothing is being charged any more.
     */
    private void assertReaderPaymentRecordedOnce(Visit visit, String intent) {
        fixture.deliver(lastReaderEvent("terminal.reader.action_succeeded", intent));
        fixture.deliver(lastEventAbout("payment_intent.succeeded", intent));

        assertThat(stripe.object(intent).orElseThrow()).containsEntry("status", "succeeded");
        Invoice paid = invoices.get(visit.invoiceId());
        assertThat(paid.payments()).singleElement().satisfies(p -> {
            assertThat(p.note()).isEqualTo(intent);
            assertThat(p.amount()).isEqualTo(PRICE);
        });
        assertThat(paid.balance()).isEqualTo(Money.of("0.00"));
        assertThat(checkouts.of(visit.appointmentId()).charging()).isFalse();
    }

    private String readerIntentOf(Visit visit) {
        return jdbc.sql("select payment_intent_id from payments_desk_checkout where invoice_id = :i")
                .param("i", visit.invoiceId())
                .query(String.class)
                .single();
    }

    @Test
    void withoutAStripeKeyTheCheckoutTakesManualPaymentsAndSaysCardChargingIsOff() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        DeskCheckouts manual = new DeskCheckouts(
                new DeskCheckoutStore(jdbc),
                bean(AppointmentBook.class),
                staff,
                invoices,
                bean(Payments.class),
                cards,
                bean(InvoiceCharges.class),
                new StripeGateway(new PaymentSettings(null, null, null)),
                bean(AuthenticationLinks.class),
                bean(PlatformTransactionManager.class),
                clock,
                clinic,
                LocalStripe.READER);

        assertThat(manual.of(visit.appointmentId()).cardCharging()).isFalse();
        assertThat(manual.readerOn()).isFalse();
        assertThatThrownBy(() -> manual.chargeReader(visit.appointmentId(), 0, PRICE))
                .isInstanceOfSatisfying(
                        CheckoutProblem.class,
                        p -> assertThat(p.code()).isEqualTo("payments.checkout.problem.readerOff"));
        assertThatThrownBy(() -> manual.chargeCard(visit.appointmentId(), 0, PRICE))
                .isInstanceOfSatisfying(
                        CheckoutProblem.class,
                        p -> assertThat(p.code()).isEqualTo("payments.checkout.problem.cardOff"));
        manual.pay(visit.appointmentId(), 0, Payment.Method.CASH, PRICE, null, null, "desk@example.com");
        assertThat(invoices.get(visit.invoiceId()).balance()).isEqualTo(Money.of("0.00"));
        assertThat(stripe.chargesOf(fixture.customerOf(patient))).isZero();
    }

    @Test
    void theCheckoutIsTheDesksAndSpeaksSpanish() throws Exception {
        Visit visit = visit(patientWithCard(LocalStripe.TestCard.VISA.number, null));
        mvc.perform(get("/staff/payments/checkout/" + visit.appointmentId() + "?lang=es")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Propina para")))
                .andExpect(content().string(containsString("Cobrar")));
        mvc.perform(get("/staff/payments/checkout/" + visit.appointmentId())
                        .with(user("t@example.com").roles("THERAPIST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/schedule/appointments/" + visit.appointmentId() + "?lang=en")
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/payments/checkout/" + visit.appointmentId())));
    }

    @Test
    void tipsAreReportedApartAndLeftOutOfTheServicesRevenueEvenWhenPaidInPartsAndPartlyRefunded() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        Visit visit = visit(patient);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clinic.zone());
        Money serviceBefore = takenFor(reports.byService(today, today), "trigger-point");
        Money tipsBefore = reports.tipsTaken(today, today);
        Money methodsBefore = reports.byMethod(today, today).stream()
                .map(BillingReports.Revenue::amount)
                .reduce(Money.ZERO, Money::plus);

        desk(post(path(visit, "tip")).param("version", "0").param("tip", "18")).andExpect(status().is3xxRedirection());
        desk(post(path(visit, "pay"))
                        .param("version", "1")
                        .param("method", "CASH")
                        .param("amount", "100"))
                .andExpect(status().is3xxRedirection());
        desk(post(path(visit, "pay"))
                        .param("version", "2")
                        .param("method", "CARD_ON_FILE")
                        .param("amount", "29.80"))
                .andExpect(status().is3xxRedirection());

        // $129.80 taken: $110.00 for the service, the $19.80 tip apart.
        assertThat(takenFor(reports.byService(today, today), "trigger-point").minus(serviceBefore))
                .isEqualTo(PRICE);
        assertThat(reports.tipsTaken(today, today).minus(tipsBefore)).isEqualTo(Money.of("19.80"));
        assertThat(reports.byMethod(today, today).stream()
                        .map(BillingReports.Revenue::amount)
                        .reduce(Money.ZERO, Money::plus)
                        .minus(methodsBefore))
                .isEqualTo(Money.of("129.80"));

        // $5 given back comes off the tip first; the service's revenue is unchanged.
        payments.record(
                new RecordPayment(
                        visit.invoiceId(), Payment.Kind.REFUND, Payment.Method.CASH, Money.of("5.00"), "", null),
                "desk@example.com");
        assertThat(takenFor(reports.byService(today, today), "trigger-point").minus(serviceBefore))
                .isEqualTo(PRICE);
        assertThat(reports.tipsTaken(today, today).minus(tipsBefore)).isEqualTo(Money.of("14.80"));

        mvc.perform(get("/staff/billing/reports?lang=en")
                        .param("from", today.toString())
                        .param("to", today.toString())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tips are not counted here")))
                .andExpect(content().string(containsString(visit.therapistName())));
    }

    @Test
    void aPaymentOnTheInvoicePageRacingACardChargeAtCheckoutTakesTheMoneyOnce() throws Exception {
        UUID patient = patientWithCard(LocalStripe.TestCard.VISA.number, null);
        String customer = fixture.customerOf(patient);
        Set<String> winners = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            Visit visit = visit(patient);
            long chargesBefore = stripe.chargesOf(customer);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Object> invoicePage = () -> {
                start.await();
                MvcResult result = mvc.perform(post("/staff/billing/invoices/" + visit.invoiceId() + "/payments")
                                .param("lang", "en")
                                .param("kind", "PAYMENT")
                                .param("method", "CASH")
                                .param("amount", "110.00")
                                .with(user("desk@example.com").roles("FRONT_DESK"))
                                .with(csrf()))
                        .andReturn();
                return result.getResponse().getStatus() == 302
                        ? "recorded"
                        : result.getResponse().getStatus() + " "
                                + result.getResponse().getContentAsString();
            };
            Callable<Object> checkout = () -> {
                start.await();
                try {
                    return checkouts.chargeCard(visit.appointmentId(), 0, PRICE);
                } catch (CheckoutProblem refused) {
                    return refused.code();
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Object byHand;
            Object byCard;
            try {
                Future<Object> hand = pool.submit(invoicePage);
                Future<Object> card = pool.submit(checkout);
                start.countDown();
                byHand = hand.get();
                byCard = card.get();
            } finally {
                pool.shutdown();
            }
            Invoice invoice = invoices.get(visit.invoiceId());
            assertThat(invoice.payments())
                    .singleElement()
                    .extracting(Payment::amount)
                    .isEqualTo(PRICE);
            assertThat(invoice.balance()).isEqualTo(Money.of("0.00"));
            if ("recorded".equals(byHand)) {
                winners.add("invoice page");
                assertThat(byCard).isEqualTo("payments.checkout.problem.alreadyPaid");
                assertThat(invoice.payments().get(0).method()).isEqualTo(Payment.Method.CASH);
                assertThat(stripe.chargesOf(customer)).isEqualTo(chargesBefore);
            } else {
                winners.add("checkout");
                assertThat(byCard).isEqualTo(DeskCheckouts.CardOutcome.PAID);
                assertThat(byHand.toString())
                        .startsWith("409 ")
                        .containsAnyOf(
                                "This invoice was paid in full since you looked",
                                "is under way (the desk&#39;s checkout",
                                "is under way (the desk's checkout");
                assertThat(invoice.payments().get(0).method()).isEqualTo(Payment.Method.CARD_ON_FILE);
                assertThat(stripe.chargesOf(customer)).isEqualTo(chargesBefore + 1);
            }
        }
        assertThat(winners).isNotEmpty();
    }

    private static Money takenFor(List<BillingReports.Revenue> revenue, String service) {
        return revenue.stream()
                .filter(r -> service.equals(r.key()))
                .map(BillingReports.Revenue::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    // ---- helpers

    /** A checked-in visit of trigger point therapy (60 minutes, $110.00) with a real therapist, billed as booking does. */
    record Visit(UUID appointmentId, UUID invoiceId, String therapistName) {}

    private int visits;

    private Visit visit(UUID patient) {
        String email = "tipped-" + UUID.randomUUID() + "@example.com";
        String name = "Tess " + email.substring(7, 13);
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        email, name, StaffRole.THERAPIST, "long enough password", "CMT", "1", null, null, false))
                .id();
        // Each visit of a patient an hour and a half before the last: a patient is never booked twice at once.
        Instant start = clock.instant().minus(30 + 90L * visits++, ChronoUnit.MINUTES);
        UUID appointment = fixture.visit(patient, therapist, start, "CHECKED_IN");
        Invoice invoice = invoices.forAppointment(appointment).orElseThrow();
        assertThat(invoice.total()).isEqualTo(PRICE);
        return new Visit(appointment, invoice.id(), name);
    }

    private static String path(Visit visit, String action) {
        return "/staff/payments/checkout/" + visit.appointmentId() + "/" + action;
    }

    private ResultActions page(Visit visit) throws Exception {
        return mvc.perform(get("/staff/payments/checkout/" + visit.appointmentId() + "?lang=en")
                .with(user("desk@example.com").roles("FRONT_DESK")));
    }

    private ResultActions desk(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("lang", "en")
                .with(user("desk@example.com").roles("FRONT_DESK"))
                .with(csrf()));
    }

    private void refusedTip(Visit visit, String amount, String message) throws Exception {
        desk(post(path(visit, "tip"))
                        .param("version", "0")
                        .param("tip", "custom")
                        .param("customTip", amount))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(message)));
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Autowired
    ApplicationContext context;

    /** Stripe's test helper: a card is presented on the simulated reader (the test card's number, or Stripe's default). */
    private Reader present(String number) throws StripeException {
        ReaderPresentPaymentMethodParams.Builder params =
                ReaderPresentPaymentMethodParams.builder().setType(ReaderPresentPaymentMethodParams.Type.CARD_PRESENT);
        if (number != null) {
            params.setCardPresent(ReaderPresentPaymentMethodParams.CardPresent.builder()
                    .setNumber(number)
                    .build());
        }
        return StripeClient.builder()
                .setApiKey(LocalStripe.SECRET_KEY)
                .setApiBase(stripe.apiBase())
                .build()
                .v1()
                .testHelpers()
                .terminal()
                .readers()
                .presentPaymentMethod(LocalStripe.READER, params.build());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastReaderEvent(String type, String intent) {
        return lastEvent(type, o -> {
            Map<String, Object> action = (Map<String, Object>) o.get("action");
            return intent.equals(((Map<String, Object>) action.get("process_payment_intent")).get("payment_intent"));
        });
    }

    private UUID patientWithCard(String number, String email) {
        return fixture.patientWithCard("Desk", "Payer", email, number);
    }

    /**
     * The reader's action and its PaymentIntent were cancelled once at Stripe (a card tapped afterwards is not taken:
     * the reader has nothing to collect), and the invoice holds the one cash payment, paid in full, with no card
     * charge and the checkout's card attempt open again.
     */
    private void assertReaderStoppedAndPaidInCashOnce(Visit visit, String intent, int cancelledBefore)
            throws Exception {
        assertThat(stripe.readerActionsCancelled()).isEqualTo(cancelledBefore + 1);
        assertThat(stripe.object(LocalStripe.READER).orElseThrow()).containsEntry("action", null);
        assertThat(stripe.object(intent).orElseThrow())
                .containsEntry("status", "canceled")
                .containsEntry("amount_received", 0);
        assertThatThrownBy(() -> present(null)).isInstanceOf(StripeException.class);
        Invoice paid = invoices.get(visit.invoiceId());
        assertThat(paid.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(Payment.Method.CASH);
            assertThat(p.amount()).isEqualTo(PRICE);
        });
        assertThat(paid.balance()).isEqualTo(Money.of("0.00"));
        assertThat(payments.cardCharge(intent)).isEmpty();
        assertThat(checkouts.of(visit.appointmentId()).chargeState()).isEqualTo("OPEN");
    }
}
