package clinic.relief.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import clinic.relief.shared.Money;

/**
 * What the pricing policy needs to quote one appointment. {@code member} and {@code insurance} are empty when the
 * patient has no membership or no coverage; {@code giftCard} is the balance the patient wants to use (zero for none);
 * {@code freeSession} is the message code of a voucher that pays the whole session, if one does.
 */
public record QuoteRequest(
        String serviceId,
        int minutes,
        Money listPrice,
        Optional<MemberTerms> member,
        Optional<InsuranceTerms> insurance,
        Money giftCard,
        List<Fee> fees,
        Optional<String> freeSession) {

    public QuoteRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(listPrice, "listPrice").requireNotNegative("A list price");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(insurance, "insurance");
        Objects.requireNonNull(freeSession, "freeSession");
        giftCard = giftCard == null ? Money.ZERO : giftCard.requireNotNegative("A gift card balance");
        fees = fees == null ? List.of() : List.copyOf(fees);
        if (minutes <= 0) {
            throw new IllegalArgumentException("A session lasts some minutes, not " + minutes);
        }
    }

    /** A self-pay visit with nothing else to consider. */
    public static QuoteRequest selfPay(String serviceId, int minutes, Money listPrice) {
        return new QuoteRequest(
                serviceId,
                minutes,
                listPrice,
                Optional.empty(),
                Optional.empty(),
                Money.ZERO,
                List.of(),
                Optional.empty());
    }

    public QuoteRequest withMember(MemberTerms terms) {
        return new QuoteRequest(
                serviceId, minutes, listPrice, Optional.of(terms), insurance, giftCard, fees, freeSession);
    }

    public QuoteRequest withInsurance(InsuranceTerms terms) {
        return new QuoteRequest(serviceId, minutes, listPrice, member, Optional.of(terms), giftCard, fees, freeSession);
    }

    public QuoteRequest withGiftCard(Money balance) {
        return new QuoteRequest(serviceId, minutes, listPrice, member, insurance, balance, fees, freeSession);
    }

    public QuoteRequest withFee(Fee fee) {
        List<Fee> more = new ArrayList<>(fees);
        more.add(fee);
        return new QuoteRequest(serviceId, minutes, listPrice, member, insurance, giftCard, more, freeSession);
    }

    /** A voucher pays this session (its line says {@code lineCode}); insurance and membership credit are not used. */
    public QuoteRequest withFreeSession(String lineCode) {
        return new QuoteRequest(
                serviceId, minutes, listPrice, member, insurance, giftCard, fees, Optional.of(lineCode));
    }

    /**
     * A membership as it bears on this visit: the plan's name per language, the member price for this service and length (null if the plan has
     * none), whether a credit for it is available, and whether the plan lets a credit pay an insured visit.
     */
    public record MemberTerms(
            Map<String, String> planNames, Money memberPrice, boolean creditAvailable, boolean creditOnInsuredVisit) {

        public MemberTerms(String planName, Money memberPrice, boolean creditAvailable, boolean creditOnInsuredVisit) {
            this(Map.of("en", planName), memberPrice, creditAvailable, creditOnInsuredVisit);
        }

        public MemberTerms {
            planNames = Map.copyOf(planNames);
            if (planNames.isEmpty()) {
                throw new IllegalArgumentException("A plan needs a name");
            }
            if (memberPrice != null) {
                memberPrice.requireNotNegative("A member price");
            }
        }
    }

    /** A fee owed with this visit (an earlier late cancellation or no-show). */
    public record Fee(String reasonCode, Money amount) {

        public Fee {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(amount, "amount").requireNotNegative("A fee");
        }
    }
}
