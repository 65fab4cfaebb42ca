package clinic.relief.payments;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Membership;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Payments;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The owner's daily reconciliation against the local Stripe: a payout matched, and what is on one side only. */
@ReliefTest
class ReconciliationTests {

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
    Reconciliation reconciliation;

    @Autowired
    Clock clock;

    final LocalStripe stripe = LocalStripe.get();

    @Test
    void aPayoutIsMatchedToItsPaymentsAndWhatIsOnOneSideOnlyIsListed() throws Exception {
        // Paid through the app: a member's first month charged to the card.
        UUID member = patient();
        saveCard(member);
        Membership membership = tx.execute(status -> memberships.enrol(member, "relief-monthly"));
        UUID invoice = jdbc.sql("select invoice_id from payments_dues where membership_id = :m")
                .param("m", membership.id())
                .query(UUID.class)
                .single();
        dues.chargeNow(invoice);
        String paid = dues.find(invoice).orElseThrow().paymentIntentId().orElseThrow();
        // In Stripe only: a charge made in Stripe's dashboard.
        String outside = stripe.chargeOutsideTheApp(2_500);
        // In the app only: a card payment recorded with a PaymentIntent Stripe does not know.
        UUID other = patient();
        UUID open =
                tx.execute(status -> memberships.enrol(other, "relief-monthly")).id();
        UUID openInvoice = invoices.ofPatient(other).get(0).id();
        String unknown = "pi_notInStripe" + UUID.randomUUID().toString().replace("-", "");
        payments.recordCardCharge(openInvoice, Money.of("10.00"), unknown);
        assertThat(open).isNotNull();

        Map<String, Object> payout = stripe.payout(clock.instant());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Los_Angeles"));
        Reconciliation.Report report = reconciliation.of(today);

        Reconciliation.PayoutLines lines = report.payouts().stream()
                .filter(p -> p.payout().id().equals(payout.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(lines.payout().amount()).isEqualTo(((Number) payout.get("amount")).longValue());
        assertThat(lines.items())
                .anySatisfy(i -> {
                    assertThat(i.movement().appReference()).isEqualTo(paid);
                    assertThat(i.recorded())
                            .hasValueSatisfying(p -> assertThat(p.invoiceId()).isEqualTo(invoice));
                    assertThat(i.movement().fee()).isEqualTo(LocalStripe.feeOf(7_900));
                })
                .anySatisfy(i -> {
                    assertThat(i.movement().appReference()).isEqualTo(outside);
                    assertThat(i.recorded()).isEmpty();
                });
        assertThat(report.stripeOnly())
                .anySatisfy(m -> assertThat(m.appReference()).isEqualTo(outside));
        assertThat(report.stripeOnly())
                .noneSatisfy(m -> assertThat(m.appReference()).isEqualTo(paid));
        assertThat(report.appOnly()).anySatisfy(p -> assertThat(p.note()).isEqualTo(unknown));
        assertThat(report.appOnly()).noneSatisfy(p -> assertThat(p.note()).isEqualTo(paid));
        assertThat(report.charged().compareTo(Money.of("79.00"))).isGreaterThanOrEqualTo(0);
        assertThat(report.paidOut()).isEqualTo(Money.ofCents(((Number) payout.get("amount")).longValue()));
        assertThat(report.fees().compareTo(Money.ofCents(LocalStripe.feeOf(7_900) + LocalStripe.feeOf(2_500))))
                .isGreaterThanOrEqualTo(0);

        // The owner's page shows it; the desk may not open it; a bad date is a 400 with a message.
        mvc.perform(get("/staff/payments/reconciliation")
                        .param("date", today.toString())
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(payout.get("id").toString())))
                .andExpect(content().string(containsString(outside)))
                .andExpect(content().string(containsString(unknown)));
        mvc.perform(get("/staff/payments/reconciliation")
                        .param("date", today.toString())
                        .with(user("desk@example.com").roles("FRONT_DESK")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/payments/reconciliation")
                        .param("date", "2026-13-45")
                        .with(user("owner@example.com").roles("OWNER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That is not a date")));
    }

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(new NewPatient(
                        "Recon",
                        "Ciled" + tag,
                        "310 555 " + tag.substring(0, 4),
                        "recon-" + tag + "@example.com",
                        null,
                        "en"))
                .id();
    }

    private void saveCard(UUID patient) {
        String url = cards.begin(patient, true, "http://localhost", Locale.ENGLISH);
        HttpResponse<String> back = StripeFixture.payOnHostedPage(url, LocalStripe.TestCard.VISA.number);
        assertThat(cards.complete(
                        back.headers().firstValue("Location").orElseThrow().replaceAll(".*session=", "")))
                .contains(patient);
    }
}
