package clinic.relief.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import clinic.relief.ReliefTest;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
class GiftCardIntegrationTests {

    private static final String DESK = "desk@example.com";

    @Autowired
    GiftCards giftCards;

    @Autowired
    Payments payments;

    @Autowired
    Invoices invoices;

    @Autowired
    Quotes quotes;

    @Autowired
    Patients patients;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aSoldCardHasTheBalanceOfItsLedgerAndNoOther() {
        GiftCard card = giftCards.sell(new SellGiftCard(null, Money.of("100"), Payment.Method.CASH), DESK);

        assertThat(card.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(card.balance()).isEqualTo(Money.of("100.00"));
        assertThat(giftCards.get(" " + card.code().toLowerCase() + " ").entries())
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("ISSUE"));
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name like 'billing_gift%'"
                                + " and column_name like '%balance%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCardPaysAnInvoiceAndKeepsWhatIsLeft() {
        GiftCard card = sell("60");
        UUID invoice = invoice("110");

        payments.record(
                new RecordPayment(
                        invoice, Payment.Kind.PAYMENT, Payment.Method.GIFT_CARD, Money.of("45"), null, card.code()),
                DESK);

        assertThat(invoices.get(invoice).balance()).isEqualTo(Money.of("65.00"));
        GiftCard after = giftCards.get(card.code());
        assertThat(after.balance()).isEqualTo(Money.of("15.00"));
        assertThat(after.entries()).extracting(GiftCard.Entry::kind).containsExactly("ISSUE", "REDEEM");
        assertThat(after.entries().get(1).paymentId())
                .isEqualTo(invoices.get(invoice).payments().get(0).id());
    }

    @Test
    void aCardCannotPayMoreThanItHoldsOrTheInvoiceOwesAndNothingIsWritten() {
        GiftCard card = sell("40");
        UUID small = invoice("30");
        UUID large = invoice("110");

        assertThatThrownBy(() -> pay(large, card.code(), "40.01"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("overGiftCard"));
        assertThatThrownBy(() -> pay(small, card.code(), "35"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("overBalance"));
        assertThatThrownBy(() -> pay(small, "NO-SUCH-CARD", "5"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("unknownGiftCard"));
        assertThatThrownBy(() -> new RecordPayment(
                        small, Payment.Kind.REFUND, Payment.Method.GIFT_CARD, Money.of("5"), null, card.code()))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("giftCardRefund"));

        assertThat(invoices.get(small).payments()).isEmpty();
        assertThat(invoices.get(large).payments()).isEmpty();
        assertThat(giftCards.get(card.code()).entries()).hasSize(1);
    }

    @Test
    void twoDesksSpendingTheSameCardAtOnceCannotOverspendIt() throws Exception {
        GiftCard card = sell("100");
        UUID first = invoice("110");
        UUID second = invoice("110");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(spend(start, first, card.code()));
            Future<String> two = pool.submit(spend(start, second, card.code()));
            start.countDown();

            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder("paid", "overGiftCard");
        } finally {
            pool.shutdownNow();
        }
        assertThat(giftCards.get(card.code()).balance()).isEqualTo(Money.of("40.00"));
        assertThat(invoices.get(first).payments().size()
                        + invoices.get(second).payments().size())
                .isEqualTo(1);
    }

    @Test
    void theQuotesGiftCardLineUsesTheCardsRealBalance() {
        GiftCard card = sell("50");
        UUID patient = patient();
        pay(invoice("20", patient), card.code(), "20");

        LocalDate today = LocalDate.ofInstant(clock.instant(), TestClock.LA);
        Quote quote = quotes.preview(patient, "trigger-point", 60, today, card.code());

        assertThat(quote.lines())
                .filteredOn(line -> line.kind() == Line.Kind.GIFT_CARD)
                .singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(Money.of("-30.00")));
        assertThatThrownBy(() -> quotes.preview(patient, "trigger-point", 60, today, "UNKNOWN-1"))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("unknownGiftCard"));
    }

    @Test
    void refusesBadSalesAndACodeInUse() {
        GiftCard card = sell("25");
        for (String[] bad : new String[][] {
            {"AB", "10", "badGiftCardCode"},
            {"GOOD-CODE-1", "0", "giftCardAmount"},
            {"GOOD-CODE-2", "-5", "giftCardAmount"},
            {"GOOD-CODE-3", "2000.01", "giftCardAmount"}
        }) {
            assertThatThrownBy(() -> new SellGiftCard(bad[0], Money.of(bad[1]), Payment.Method.CASH))
                    .isInstanceOfSatisfying(
                            BillingFailure.class, f -> assertThat(f.code()).isEqualTo(bad[2]));
        }
        assertThatThrownBy(() -> new SellGiftCard(null, Money.of("10"), Payment.Method.HSA_FSA))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("giftCardPaidWith"));
        assertThatThrownBy(() -> giftCards.sell(
                        new SellGiftCard(card.code().toLowerCase(), Money.of("10"), Payment.Method.CASH), DESK))
                .isInstanceOfSatisfying(
                        BillingFailure.class, f -> assertThat(f.code()).isEqualTo("giftCardCodeTaken"));
        assertThat(giftCards.get(card.code()).balance()).isEqualTo(Money.of("25.00"));
    }

    private Callable<String> spend(CountDownLatch start, UUID invoice, String code) {
        return () -> {
            start.await();
            try {
                pay(invoice, code, "60");
                return "paid";
            } catch (BillingFailure failure) {
                return failure.code();
            }
        };
    }

    private void pay(UUID invoice, String code, String amount) {
        payments.record(
                new RecordPayment(
                        invoice, Payment.Kind.PAYMENT, Payment.Method.GIFT_CARD, Money.of(amount), null, code),
                DESK);
    }

    private GiftCard sell(String amount) {
        return giftCards.sell(new SellGiftCard(null, Money.of(amount), Payment.Method.CARD_TERMINAL), DESK);
    }

    private UUID invoice(String amount) {
        return invoice(amount, patient());
    }

    private UUID invoice(String amount, UUID patient) {
        return tx.execute(s -> {
            UUID id = invoices.open(UUID.randomUUID(), patient, null, null, "trigger-point");
            invoices.addLine(
                    id, Line.of(Line.Kind.LIST_PRICE, Money.of(amount), "billing.line.list", LineArg.number(60)), null);
            return id;
        });
    }

    private UUID patient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return patients.findOrCreate(
                        new NewPatient("Gina", "Gift" + tag, "310 558 " + tag.substring(0, 4), null, null, "en"))
                .id();
    }
}
