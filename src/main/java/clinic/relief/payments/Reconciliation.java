package clinic.relief.payments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.springframework.stereotype.Service;

/**
 * The owner's daily reconciliation with Stripe, for one clinic day: what the app recorded as charged and refunded by
 * card, what Stripe paid out to the bank that day and its fees, each payout with the payments it contains matched to
 * the app's, and everything found on one side only (a charge in Stripe the app never recorded, or a card payment in
 * the app that Stripe does not know). Stripe is asked each time; nothing is stored.
 */
@Service
class Reconciliation {

    /** Movements of the Stripe balance that pay or refund a patient (the ones the app records). */
    private static final Set<String> PATIENT_MONEY = Set.of("charge", "payment", "refund", "payment_refund");

    /** Stripe's clock and the app's may differ by a little around midnight. */
    private static final Duration MARGIN = Duration.ofHours(1);

    private final StripeGateway stripe;
    private final Payments payments;
    private final DepositStore deposits;
    private final ZoneId zone;

    Reconciliation(StripeGateway stripe, Payments payments, DepositStore deposits, ClinicProfile clinic) {
        this.stripe = stripe;
        this.payments = payments;
        this.deposits = deposits;
        this.zone = clinic.zone();
    }

    /**
     * One payment in a payout (or on one side only): Stripe's movement and the app's payment it matches, if any; or a
     * deposit paid for a time that was not kept (not booked, or paid after its hold ended), or its refund, which the
     * app gave back whole and recorded on no invoice.
     */
    record Item(StripeGateway.Movement movement, Optional<Payment> recorded, boolean depositNotKept) {

        /** Whether the app has the movement (public: the page's template asks). */
        public boolean matched() {
            return recorded.isPresent() || depositNotKept;
        }
    }

    /** A payout with the movements it paid out. */
    record PayoutLines(StripeGateway.StripePayout payout, List<Item> items) {}

    /** The day's report; amounts in dollars. */
    record Report(
            LocalDate day,
            Money charged,
            Money refunded,
            Money paidOut,
            Money fees,
            List<PayoutLines> payouts,
            List<StripeGateway.Movement> stripeOnly,
            List<Payment> appOnly) {}

    Report of(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Payment> recorded = payments.cardPayments(from, to);
        Map<String, Payment> byReference =
                recorded.stream().collect(Collectors.toMap(Payment::note, Function.identity(), (a, b) -> a));

        List<StripeGateway.Movement> movements = stripe.movements(from.minus(MARGIN), to.plus(MARGIN));
        List<StripeGateway.Movement> ofTheDay = movements.stream()
                .filter(m -> !m.created().isBefore(from) && m.created().isBefore(to))
                .filter(m -> PATIENT_MONEY.contains(m.type()))
                .toList();
        Set<String> known = new HashSet<>();
        movements.forEach(m -> known.add(m.appReference()));

        List<PayoutLines> payouts = new ArrayList<>();
        List<StripeGateway.Movement> stripeOnly = new ArrayList<>();
        for (StripeGateway.StripePayout payout : stripe.payouts(from, to)) {
            List<Item> items = new ArrayList<>();
            for (StripeGateway.Movement m : stripe.paidOutBy(payout.id())) {
                if (!PATIENT_MONEY.contains(m.type())) {
                    continue;
                }
                Item item = item(m, byReference);
                items.add(item);
                if (!item.matched()) {
                    stripeOnly.add(m);
                }
            }
            payouts.add(new PayoutLines(payout, items));
        }
        for (StripeGateway.Movement m : ofTheDay) {
            if (!item(m, byReference).matched() && stripeOnly.stream().noneMatch(s -> s.id().equals(m.id()))) {
                stripeOnly.add(m);
            }
        }
        List<Payment> appOnly =
                recorded.stream().filter(p -> !known.contains(p.note())).toList();
        return new Report(
                day,
                sum(recorded, Payment.Kind.PAYMENT),
                sum(recorded, Payment.Kind.REFUND),
                Money.ofCents(
                        payouts.stream().mapToLong(p -> p.payout().amount()).sum()),
                Money.ofCents(
                        ofTheDay.stream().mapToLong(StripeGateway.Movement::fee).sum()),
                payouts,
                stripeOnly,
                appOnly);
    }

    /** A movement with what the app has of it: a payment on an invoice, else a deposit not kept. */
    private Item item(StripeGateway.Movement movement, Map<String, Payment> ofTheDay) {
        Optional<Payment> match = match(movement, ofTheDay);
        return new Item(movement, match, match.isEmpty() && deposits.notKeptReference(movement.appReference()));
    }

    /** The app's payment for a movement: the PaymentIntent of a charge, or the Refund, recorded in its note. */
    private Optional<Payment> match(StripeGateway.Movement movement, Map<String, Payment> ofTheDay) {
        Payment same = ofTheDay.get(movement.appReference());
        return same != null ? Optional.of(same) : payments.cardCharge(movement.appReference());
    }

    private static Money sum(List<Payment> recorded, Payment.Kind kind) {
        return recorded.stream()
                .filter(p -> p.kind() == kind)
                .map(Payment::amount)
                .reduce(Money.ZERO, Money::plus);
    }
}
