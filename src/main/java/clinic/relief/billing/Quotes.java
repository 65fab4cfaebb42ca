package clinic.relief.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Quotes appointments from the price list, the patient's membership and, when the insurance module provides a
 * {@link CoverageLookup}, their coverage; stores each booked appointment's quote. Works with no coverage lookup:
 * every visit is then self-pay. When a module provides {@link FollowUpVouchers}, a voucher makes a session free.
 */
@Service
public class Quotes {

    private final PricingPolicy policy = new PricingPolicy();
    private final PriceList prices;
    private final MembershipStore memberships;
    private final Plans plans;
    private final CreditLedger ledger;
    // Looked up once, at first use: resolving an optional bean costs more than a booking's pricing itself.
    private final SingletonSupplier<CoverageLookup> coverage;
    private final SingletonSupplier<FollowUpVouchers> vouchers;
    private final ClinicMonths months;
    private final QuoteStore store;
    private final GiftCards giftCards;

    Quotes(
            PriceList prices,
            MembershipStore memberships,
            Plans plans,
            CreditLedger ledger,
            ObjectProvider<CoverageLookup> coverage,
            ObjectProvider<FollowUpVouchers> vouchers,
            ClinicMonths months,
            QuoteStore store,
            GiftCards giftCards) {
        this.vouchers = SingletonSupplier.of(vouchers::getIfAvailable);
        this.giftCards = giftCards;
        this.prices = prices;
        this.memberships = memberships;
        this.plans = plans;
        this.ledger = ledger;
        this.coverage = SingletonSupplier.of(coverage::getIfAvailable);
        this.months = months;
        this.store = store;
    }

    /** The quote this patient would get for this service, length and day now (nothing is stored or used). */
    @Transactional(readOnly = true)
    public Quote preview(UUID patientId, String serviceId, int minutes, LocalDate day) {
        QuoteRequest request = request(patientId, serviceId, minutes, day);
        FollowUpVouchers granted = vouchers.get();
        if (granted == null) {
            return policy.quote(request);
        }
        // The day's start stands for the session's time: a voucher ending that day may show free and not be.
        Instant start = day.atStartOfDay(months.zone()).toInstant();
        return policy.quote(granted.available(patientId, serviceId, minutes, start)
                .map(free -> request.withFreeSession(free.lineCode()))
                .orElse(request));
    }

    /** Uses a free follow-up voucher for this booked appointment, if the patient holds one that fits. */
    Optional<FollowUpVouchers.FreeSession> redeemFreeSession(
            UUID patientId, String serviceId, int minutes, Instant start, UUID appointmentId) {
        FollowUpVouchers granted = vouchers.get();
        return granted == null ? Optional.empty() : granted.redeem(patientId, serviceId, minutes, start, appointmentId);
    }

    /** Gives back the voucher a cancelled appointment used. */
    void releaseFreeSession(UUID appointmentId) {
        FollowUpVouchers granted = vouchers.get();
        if (granted != null) {
            granted.release(appointmentId);
        }
    }

    /**
     * The same quote with a gift card: its gift card line uses the card's real balance now. An unknown code is an
     * {@code unknownGiftCard} failure.
     */
    @Transactional(readOnly = true)
    public Quote preview(UUID patientId, String serviceId, int minutes, LocalDate day, String giftCardCode) {
        QuoteRequest request = request(patientId, serviceId, minutes, day);
        return policy.quote(request.withGiftCard(giftCards.get(giftCardCode).balance()));
    }

    QuoteRequest request(UUID patientId, String serviceId, int minutes, LocalDate day) {
        Objects.requireNonNull(patientId, "patientId");
        QuoteRequest request = QuoteRequest.selfPay(serviceId, minutes, prices.price(serviceId, minutes));
        Optional<Membership> membership = memberships.usableBy(patientId, months.now());
        if (membership.isPresent()) {
            Plan plan = plans.get(membership.get().planId());
            boolean credit = ledger.available(membership.get().id(), serviceId, minutes, months.now()) > 0;
            request = request.withMember(new QuoteRequest.MemberTerms(
                    plan.names(), plan.memberPrice(serviceId, minutes), credit, plan.creditOnInsuredVisit()));
        }
        CoverageLookup lookup = coverage.get();
        if (lookup != null) {
            Optional<InsuranceTerms> terms = lookup.termsFor(patientId, serviceId, day);
            if (terms.isPresent()) {
                request = request.withInsurance(terms.get());
            }
        }
        return request;
    }

    Quote quote(QuoteRequest request) {
        return policy.quote(request);
    }

    /**
     * Whether a free follow-up voucher paid the appointment's session: the clinic gave that session under its relief
     * guarantee, so no payer may be billed for it.
     */
    @Transactional(readOnly = true)
    public boolean freeFollowUp(UUID appointmentId) {
        return store.hasLine(appointmentId, Line.Kind.FREE_FOLLOW_UP);
    }

    /** The quote stored when the appointment was booked. */
    @Transactional(readOnly = true)
    public Optional<Quote> ofAppointment(UUID appointmentId) {
        return store.find(appointmentId);
    }
}
