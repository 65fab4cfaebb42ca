package clinic.relief.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import clinic.relief.billing.Line.Kind;
import clinic.relief.billing.QuoteRequest.Fee;
import clinic.relief.billing.QuoteRequest.MemberTerms;
import clinic.relief.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PricingPolicyTests {

    private static final Money LIST = Money.of("110.00");
    private static final MemberTerms MEMBER_PRICE_ONLY = new MemberTerms("Relief Monthly", Money.of("85"), false, true);
    private static final MemberTerms WITH_CREDIT = new MemberTerms("Relief Monthly", Money.of("85"), true, true);
    private static final MemberTerms CREDIT_NOT_FOR_INSURED = new MemberTerms("Basic", Money.of("85"), true, false);

    private final PricingPolicy policy = new PricingPolicy();

    static InsuranceTerms terms(String copay, int coinsurance, String deductible, String allowed, boolean credit) {
        return new InsuranceTerms(
                "Blue Shield PPO",
                Money.of(copay),
                BigDecimal.valueOf(coinsurance),
                Money.of(deductible),
                allowed == null ? null : Money.of(allowed),
                credit);
    }

    static QuoteRequest selfPay() {
        return QuoteRequest.selfPay("trigger-point", 60, LIST);
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("list price", selfPay(), "110.00", false, List.of(Kind.LIST_PRICE)),
                Arguments.of(
                        "member price",
                        selfPay().withMember(MEMBER_PRICE_ONLY),
                        "85.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.MEMBER_PRICE)),
                Arguments.of(
                        "membership credit",
                        selfPay().withMember(WITH_CREDIT),
                        "0.00",
                        true,
                        List.of(Kind.LIST_PRICE, Kind.MEMBERSHIP_CREDIT)),
                Arguments.of(
                        "free follow-up voucher, no credit used",
                        selfPay().withMember(WITH_CREDIT).withFreeSession("outcomes.voucher.line"),
                        "0.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.FREE_FOLLOW_UP)),
                Arguments.of(
                        "free follow-up voucher, nothing billed to insurance",
                        selfPay()
                                .withInsurance(terms("20", 0, "0", null, true))
                                .withFreeSession("outcomes.voucher.line"),
                        "0.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.FREE_FOLLOW_UP)),
                Arguments.of(
                        "free follow-up voucher, an earlier fee still owed",
                        selfPay()
                                .withFee(new Fee("lateCancel", Money.of("40")))
                                .withFreeSession("outcomes.voucher.line"),
                        "40.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.FREE_FOLLOW_UP, Kind.FEE)),
                Arguments.of(
                        "copay only",
                        selfPay().withInsurance(terms("20", 0, "0", null, false)),
                        "20.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY)),
                Arguments.of(
                        "deductible larger than the visit",
                        selfPay().withInsurance(terms("0", 20, "500", null, false)),
                        "110.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.DEDUCTIBLE)),
                Arguments.of(
                        "deductible then coinsurance on allowed",
                        selfPay().withInsurance(terms("0", 20, "50", "90", false)),
                        "58.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.DEDUCTIBLE, Kind.COINSURANCE)),
                Arguments.of(
                        "never more than the allowed amount",
                        selfPay().withInsurance(terms("30", 0, "100", "90", false)),
                        "90.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY, Kind.DEDUCTIBLE, Kind.INSURANCE_CAP)),
                Arguments.of(
                        "coinsurance rounds half-up",
                        selfPay().withInsurance(terms("0", 15, "0", "97.55", false)),
                        "14.63",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COINSURANCE)),
                Arguments.of(
                        "credit on insured visit, payer and plan allow",
                        selfPay().withMember(WITH_CREDIT).withInsurance(terms("20", 0, "0", null, true)),
                        "0.00",
                        true,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY, Kind.MEMBERSHIP_CREDIT)),
                Arguments.of(
                        "credit on insured visit, payer forbids",
                        selfPay().withMember(WITH_CREDIT).withInsurance(terms("20", 0, "0", null, false)),
                        "20.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY)),
                Arguments.of(
                        "credit on insured visit, plan forbids",
                        selfPay().withMember(CREDIT_NOT_FOR_INSURED).withInsurance(terms("20", 0, "0", null, true)),
                        "20.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY)),
                Arguments.of(
                        "member price does not apply to an insured visit",
                        selfPay().withMember(MEMBER_PRICE_ONLY).withInsurance(terms("20", 0, "0", null, true)),
                        "20.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY)),
                Arguments.of(
                        "gift card part",
                        selfPay().withGiftCard(Money.of("50")),
                        "60.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.GIFT_CARD)),
                Arguments.of(
                        "gift card larger than the visit",
                        selfPay().withGiftCard(Money.of("200")),
                        "0.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.GIFT_CARD)),
                Arguments.of(
                        "late-cancel fee added",
                        selfPay().withFee(new Fee("lateCancel", Money.of("55"))),
                        "165.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.FEE)),
                Arguments.of(
                        "credit, fee and gift card",
                        selfPay()
                                .withMember(WITH_CREDIT)
                                .withFee(new Fee("noShow", Money.of("55")))
                                .withGiftCard(Money.of("30")),
                        "25.00",
                        true,
                        List.of(Kind.LIST_PRICE, Kind.MEMBERSHIP_CREDIT, Kind.FEE, Kind.GIFT_CARD)),
                Arguments.of(
                        "gift card on a copay",
                        selfPay()
                                .withInsurance(terms("20", 0, "0", null, false))
                                .withGiftCard(Money.of("100")),
                        "0.00",
                        false,
                        List.of(Kind.LIST_PRICE, Kind.INSURANCE, Kind.COPAY, Kind.GIFT_CARD)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void quotesThePricingMatrix(String name, QuoteRequest request, String total, boolean usesCredit, List<Kind> kinds) {
        Quote quote = policy.quote(request);

        assertThat(quote.total()).isEqualTo(Money.of(total));
        assertThat(quote.usesCredit()).isEqualTo(usesCredit);
        assertThat(quote.lines()).extracting(Line::kind).containsExactlyElementsOf(kinds);
        assertThat(Line.total(quote.lines())).isEqualTo(quote.total());
        assertThat(quote.lines())
                .filteredOn(line -> line.kind() != Kind.FREE_FOLLOW_UP)
                .allSatisfy(line -> assertThat(line.code()).startsWith("billing.line."));
    }

    @Test
    void explainsTheInsuranceEstimateWithPayerAndBasis() {
        Quote quote = policy.quote(selfPay().withInsurance(terms("0", 20, "50", "90", false)));

        Line insurance = quote.lines().get(1);
        assertThat(insurance.args()).containsExactly(LineArg.text("Blue Shield PPO"), LineArg.amount(Money.of("90")));
        assertThat(quote.lines().get(3).args()).containsExactly(LineArg.number(20), LineArg.amount(Money.of("40")));
    }

    @Test
    void storedArgumentsReadBackInEitherLanguage() {
        LineArg plan = LineArg.names(Map.of("en", "Relief Monthly", "es", "Relief Mensual"));
        LineArg month = LineArg.month(YearMonth.of(2027, 3));

        assertThat(stored(plan).render(Locale.forLanguageTag("es"))).isEqualTo("Relief Mensual");
        assertThat(stored(month).render(Locale.ENGLISH)).isEqualTo("March 2027");
        assertThat(stored(LineArg.amount(Money.of("12.5")))).isEqualTo(LineArg.amount(Money.of("12.50")));
    }

    /** The argument written to its jsonb column's form and read back. */
    private static LineArg stored(LineArg arg) {
        return LineJson.args(LineJson.args(List.of(arg))).get(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void totalsAreNeverNegativeAndInsuredSharesNeverExceedTheBasis(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Money list = Money.ofCents(random.nextInt(30_000));
            QuoteRequest request = QuoteRequest.selfPay("swedish", 60, list);
            if (random.nextBoolean()) {
                request = request.withMember(new MemberTerms(
                        "P", Money.ofCents(random.nextInt(30_000)), random.nextBoolean(), random.nextBoolean()));
            }
            Money basis = list;
            if (random.nextBoolean()) {
                Money allowed = random.nextBoolean() ? Money.ofCents(random.nextInt(30_000)) : null;
                basis = allowed == null ? list : allowed;
                request = request.withInsurance(new InsuranceTerms(
                        "X",
                        Money.ofCents(random.nextInt(8_000)),
                        BigDecimal.valueOf(random.nextInt(101)),
                        Money.ofCents(random.nextInt(50_000)),
                        allowed,
                        random.nextBoolean()));
            }
            request = request.withGiftCard(Money.ofCents(random.nextInt(10_000)));
            Quote quote = policy.quote(request);

            assertThat(quote.total().isNegative()).isFalse();
            assertThat(Line.total(quote.lines())).isEqualTo(quote.total());
            if (request.insurance().isPresent()) {
                assertThat(quote.total()).isLessThanOrEqualTo(basis);
            }
        }
    }
}
