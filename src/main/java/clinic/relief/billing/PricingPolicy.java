package clinic.relief.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import clinic.relief.billing.Line.Kind;
import clinic.relief.billing.QuoteRequest.MemberTerms;
import clinic.relief.shared.Money;

import static clinic.relief.billing.LineArg.amount;
import static clinic.relief.billing.LineArg.number;
import static clinic.relief.billing.LineArg.text;

/**
 * Quotes one appointment. Plain Java, no state, thread-safe.
 *
 * <p>The order is fixed: the list price; then a free follow-up voucher, which pays the whole session (no insurance
 * estimate, no membership credit or price), or else either the insurance estimate (the plan pays all but the copay, the
 * deductible still to meet and the coinsurance on the rest of the allowed amount, or of the list price when the
 * payer's allowed amount is unknown; the patient never owes more than that basis) or the membership (a credit for
 * this service and length pays the session, else the member price applies); a membership credit pays the patient's
 * share of an insured visit only when both the plan and the payer allow it; then fees; then a gift card, which
 * never takes the total below zero.
 */
public final class PricingPolicy {

    public Quote quote(QuoteRequest request) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(Kind.LIST_PRICE, request.listPrice(), "billing.line.list", number(request.minutes())));
        boolean usesCredit = false;
        if (request.freeSession().isPresent()) {
            lines.add(Line.of(
                    Kind.FREE_FOLLOW_UP,
                    request.listPrice().negate(),
                    request.freeSession().get()));
        } else if (request.insurance().isPresent()) {
            usesCredit = insured(request, request.insurance().get(), lines);
        } else if (request.member().isPresent()) {
            usesCredit = member(request.member().get(), request.listPrice(), lines);
        }
        for (QuoteRequest.Fee fee : request.fees()) {
            lines.add(Line.of(Kind.FEE, fee.amount(), "billing.line.fee." + fee.reasonCode()));
        }
        Money subtotal = Line.total(lines);
        Money gift = request.giftCard().min(subtotal.max(Money.ZERO));
        if (gift.isPositive()) {
            lines.add(Line.of(Kind.GIFT_CARD, gift.negate(), "billing.line.giftCard", amount(request.giftCard())));
        }
        return new Quote(
                request.serviceId(), request.minutes(), lines, Line.total(lines).max(Money.ZERO), usesCredit);
    }

    private static boolean member(MemberTerms member, Money list, List<Line> lines) {
        if (member.creditAvailable()) {
            lines.add(Line.of(
                    Kind.MEMBERSHIP_CREDIT, list.negate(), "billing.line.credit", LineArg.names(member.planNames())));
            return true;
        }
        if (member.memberPrice() != null && member.memberPrice().compareTo(list) < 0) {
            lines.add(Line.of(
                    Kind.MEMBER_PRICE,
                    member.memberPrice().minus(list),
                    "billing.line.memberPrice",
                    LineArg.names(member.planNames()),
                    amount(member.memberPrice())));
        }
        return false;
    }

    private static boolean insured(QuoteRequest request, InsuranceTerms terms, List<Line> lines) {
        Money list = request.listPrice();
        Money basis = terms.allowedAmount() != null ? terms.allowedAmount().min(list) : list;
        lines.add(Line.of(
                Kind.INSURANCE, list.negate(), "billing.line.insurance", text(terms.payerName()), amount(basis)));
        Money copay = terms.copay();
        Money deductible = terms.deductibleRemaining().min(basis);
        Money coinsurance = basis.minus(deductible).percent(terms.coinsurancePercent());
        addIfPositive(lines, Kind.COPAY, copay, "billing.line.copay");
        addIfPositive(lines, Kind.DEDUCTIBLE, deductible, "billing.line.deductible");
        if (coinsurance.isPositive()) {
            lines.add(Line.of(
                    Kind.COINSURANCE,
                    coinsurance,
                    "billing.line.coinsurance",
                    number(terms.coinsurancePercent()),
                    amount(basis.minus(deductible))));
        }
        Money share = copay.plus(deductible).plus(coinsurance);
        if (share.compareTo(basis) > 0) {
            lines.add(Line.of(Kind.INSURANCE_CAP, basis.minus(share), "billing.line.cap", amount(basis)));
            share = basis;
        }
        Optional<MemberTerms> member = request.member()
                .filter(m -> m.creditAvailable() && m.creditOnInsuredVisit() && terms.membershipCreditAllowed());
        if (member.isPresent() && share.isPositive()) {
            lines.add(Line.of(
                    Kind.MEMBERSHIP_CREDIT,
                    share.negate(),
                    "billing.line.creditShare",
                    LineArg.names(member.get().planNames())));
            return true;
        }
        return false;
    }

    private static void addIfPositive(List<Line> lines, Kind kind, Money amount, String code) {
        if (amount.isPositive()) {
            lines.add(Line.of(kind, amount, code));
        }
    }
}
