package clinic.relief.billing.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import clinic.relief.billing.InsuranceTerms;
import clinic.relief.billing.PricingPolicy;
import clinic.relief.billing.Quote;
import clinic.relief.billing.QuoteRequest;
import clinic.relief.shared.Money;

/**
 * Quotes one appointment with billing's pricing policy: a self-pay visit, and the longest path (an insured member
 * whose plan and payer allow a credit on the patient's share, with a fee and a gift card). The request is built
 * inside the measured call, as the app builds it per booking; no database or Spring. Sample mode reports the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QuoteBenchmark {

    private final PricingPolicy policy = new PricingPolicy();
    private Map<String, Money> prices;
    private InsuranceTerms terms;
    private QuoteRequest.MemberTerms member;

    @Setup
    public void setUp() {
        prices = Map.of("trigger-point:60", Money.of("110.00"), "swedish:60", Money.of("90.00"));
        terms = new InsuranceTerms("Blue Shield PPO", Money.of("20"), new BigDecimal("20"), Money.of("35"),
                Money.of("97.55"), true);
        member = new QuoteRequest.MemberTerms(Map.of("en", "Relief Monthly", "es", "Relief Mensual"),
                Money.of("89"), true, true);
    }

    @Benchmark
    public Quote quoteSelfPay() {
        return policy.quote(QuoteRequest.selfPay("swedish", 60, prices.get("swedish:60")));
    }

    @Benchmark
    public Quote quoteInsuredMemberWithFeeAndGiftCard() {
        return policy.quote(QuoteRequest.selfPay("trigger-point", 60, prices.get("trigger-point:60"))
                .withMember(member)
                .withInsurance(terms)
                .withGiftCard(Money.of("25"))
                .withFee(new QuoteRequest.Fee("lateCancel", Money.of("27.50"))));
    }
}
