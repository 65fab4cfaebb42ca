package clinic.relief.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payments;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import com.stripe.model.PaymentIntent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Late-cancellation and no-show fees charged to the card on file. A fee waits {@code relief.payments.fee-waive-window}
 * for the desk to waive it, then a sweep (or the desk's "charge now") charges it off-session. Each attempt is
 * committed as CHARGING before Stripe is called and its key derived from the invoice and the attempt; a charge whose
 * answer was lost (a timeout, a crash before the commit) is asked again with the same key by the sweep, and Stripe's
 * {@code payment_intent.succeeded} webhook records it too: either way the payment is recorded once, and Stripe
 * charges once. A decline records nothing on the invoice. A bank asking for authentication records nothing either:
 * the fee keeps the PaymentIntent and the patient is e-mailed a link to confirm it ({@link PaymentAuthentication});
 * the desk may still waive it meanwhile, which cancels the PaymentIntent at Stripe first.
 */
@Service
public class FeeCharges implements AuthenticationSubject {

    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    private static final Duration AUTHENTICATING_FOR = Duration.ofMinutes(30);

    private final FeeStore store;
    private final CardsOnFile cards;
    private final InvoiceCharges charges;
    private final StripeGateway stripe;
    private final Payments payments;
    private final Invoices invoices;
    private final Deposits deposits;
    private final PaymentSettings settings;
    private final AuthenticationLinks links;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final Clock clock;
    private final ZoneId zone;

    FeeCharges(
            FeeStore store,
            CardsOnFile cards,
            InvoiceCharges charges,
            StripeGateway stripe,
            Payments payments,
            Invoices invoices,
            Deposits deposits,
            PaymentSettings settings,
            AuthenticationLinks links,
            PlatformTransactionManager transactions,
            Clock clock,
            ClinicProfile clinic) {
        this.store = store;
        this.cards = cards;
        this.charges = charges;
        this.stripe = stripe;
        this.payments = payments;
        this.invoices = invoices;
        this.deposits = deposits;
        this.settings = settings;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = clinic.zone();
    }

    /** The appointment's fee, for the desk's appointment panel. */
    public Optional<Fee> ofAppointment(UUID appointmentId) {
        return store.ofAppointment(appointmentId);
    }

    /** When a pending fee is charged unless waived, in the clinic's time zone. */
    public ZonedDateTime dueAt(Fee fee) {
        return fee.dueAt().atZone(zone);
    }

    /** A fee by its id; an unknown one is a 404. */
    Fee find(UUID feeId) {
        return store.find(feeId).orElseThrow(() -> new PaymentsFailure("payments.problem.unknownFee"));
    }

    /** Notes a fee the appointment now owes (when Stripe is configured); a second call adds nothing. */
    void owed(UUID appointmentId, UUID patientId, Money amount, Fee.Reason reason) {
        owed(appointmentId, patientId, amount, Money.ZERO, reason);
    }

    /**
     * Notes a fee of which {@code depositKept} is covered by the deposit paid online and {@code amount} is to be
     * charged to the card; one the deposit covers whole is COVERED (the desk may still waive it, refunding the
     * deposit). A second call adds nothing.
     */
    void owed(UUID appointmentId, UUID patientId, Money amount, Money depositKept, Fee.Reason reason) {
        if (!stripe.enabled() || !amount.plus(depositKept).isPositive()) {
            return;
        }
        Money charged = amount.max(Money.ZERO);
        invoices.forAppointment(appointmentId)
                .ifPresent(invoice -> store.insert(
                        new Fee(
                                UUID.randomUUID(),
                                appointmentId,
                                patientId,
                                invoice.id(),
                                charged,
                                reason,
                                charged.isPositive() ? Fee.State.PENDING : Fee.State.COVERED,
                                0,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                clock.instant().plus(settings.feeWaiveWindow()),
                                depositKept),
                        clock.instant()));
    }

    /**
     * Waives an open fee (never one on its way to Stripe or paid) or one the deposit covers, and takes it off the
     * invoice; the deposit kept toward it is then refunded to the card it was paid with, once (only the call that
     * waived the fee refunds). A refund Stripe refuses or does not answer is a {@link PaymentsFailure} after the waiver
     * committed: the desk refunds from the invoice page.
     */
    public void waive(UUID feeId, String by) {
        cancelWaiting(find(feeId));
        Fee waived = tx.execute(status -> {
            Fee fee = store.lock(feeId).orElseThrow(() -> new PaymentsFailure("payments.problem.feeState"));
            if (!fee.waivable()) {
                throw new PaymentsFailure("payments.problem.feeState");
            }
            store.state(feeId, Fee.State.WAIVED, Optional.empty(), by, clock.instant());
            invoices.waiveFee(fee.appointmentId());
            return fee;
        });
        if (waived != null && waived.depositKept().isPositive()) {
            deposits.waived(waived.appointmentId(), waived.depositKept(), by);
        }
    }

    /**
     * Before a fee waiting for the patient's bank is waived, its PaymentIntent is cancelled at Stripe, so the link can
     * no longer pay it. If the patient paid meanwhile, the payment is recorded and the fee is not waived; if Stripe
     * does not answer, nothing is waived.
     */
    private void cancelWaiting(Fee fee) {
        if (!fee.waitingForBank() || fee.paymentIntentId().isEmpty()) {
            return;
        }
        String intent = fee.paymentIntentId().get();
        switch (stripe.cancel(intent, "fee-cancel-" + fee.id() + "-" + fee.attempt())) {
            case CANCELLED -> {
                // Nothing can be paid with it any more: the waiver goes on.
            }
            case SUCCEEDED -> {
                tx.executeWithoutResult(status -> paid(fee.id(), intent));
                throw new PaymentsFailure("payments.problem.feePaidMeanwhile");
            }
            case UNKNOWN -> throw new PaymentsFailure("payments.problem.feeAuthenticating");
        }
    }

    /**
     * Charges the fee to the card on file, or asks Stripe again about an attempt left without an answer; the state it
     * ends in. The attempt is committed on its own before Stripe is called; the outcome is written in the caller's
     * transaction, if any.
     */
    public Fee.State charge(UUID feeId) {
        Optional<Fee> before = store.find(feeId);
        if (before.isPresent() && before.get().state() == Fee.State.AUTHENTICATING) {
            // The patient left the bank's page unfinished a while ago: Stripe says whether it was paid.
            return lookUp(before.get());
        }
        Optional<Fee> attempt = newTx.execute(status -> claim(feeId));
        if (attempt == null || attempt.isEmpty()) {
            return store.find(feeId)
                    .map(Fee::state)
                    .orElseThrow(() -> new PaymentsFailure("payments.problem.feeState"));
        }
        Fee fee = attempt.get();
        String customerId = cards.customerIdOf(fee.patientId());
        ChargeOutcome outcome = stripe.chargeOffSession(
                customerId,
                fee.paymentMethodId().orElseThrow(),
                fee.amount(),
                fee.idempotencyKey(),
                Map.of(
                        "fee_id", fee.id().toString(),
                        "invoice_id", fee.invoiceId().toString(),
                        "attempt", Integer.toString(fee.attempt())));
        return tx.execute(status -> settle(fee, outcome));
    }

    /** Charges every fee whose waiving window has passed, and asks again about charges left without an answer. */
    @Scheduled(fixedDelayString = "${relief.payments.fees.sweep-every:5m}", initialDelayString = "PT1M")
    public void sweep() {
        if (stripe.enabled()) {
            sweep(clock.instant(), clock.instant().minus(STUCK_AFTER));
        }
    }

    void sweep(Instant now, Instant stuckBefore) {
        for (UUID id : store.due(now, stuckBefore, now.minus(AUTHENTICATING_FOR))) {
            charge(id);
        }
    }

    /** Records a fee Stripe says it charged, once (from the charge's own answer, the sweep or the webhook). */
    void paid(UUID feeId, String paymentIntentId) {
        Fee fee = store.lock(feeId).orElseThrow(() -> new PaymentsFailure("payments.problem.feeState"));
        if (fee.state() != Fee.State.PAID) {
            store.paid(feeId, paymentIntentId, clock.instant());
        }
        payments.recordCardCharge(fee.invoiceId(), fee.amount(), paymentIntentId);
    }

    /** Notes a failed attempt Stripe reports, if it is the fee's current attempt and no answer was recorded yet. */
    void failed(UUID feeId, PaymentIntent intent) {
        String attempt = intent.getMetadata().getOrDefault("attempt", "");
        String code = intent.getLastPaymentError() == null
                ? "declined"
                : intent.getLastPaymentError().getCode();
        tx.executeWithoutResult(status -> store.lock(feeId)
                .filter(fee -> fee.state() == Fee.State.CHARGING)
                .filter(fee -> Integer.toString(fee.attempt()).equals(attempt))
                .ifPresent(fee -> {
                    if ("authentication_required".equals(code)) {
                        needsAuthentication(fee, intent.getId());
                    } else {
                        store.state(feeId, Fee.State.DECLINED, Optional.ofNullable(code), "stripe", clock.instant());
                    }
                }));
    }

    /** A new attempt for an open fee, the unanswered attempt of a CHARGING one, or nothing. */
    private Optional<Fee> claim(UUID feeId) {
        Fee fee = store.lock(feeId).orElseThrow(() -> new PaymentsFailure("payments.problem.feeState"));
        if (fee.state() == Fee.State.CHARGING) {
            return Optional.of(fee);
        }
        if (!fee.state().open()) {
            return Optional.empty();
        }
        // Under the invoice's lock, as the desk's checkout and a payment by hand: of two at once, one charges.
        InvoiceCharges.Standing standing = charges.lock(fee.invoiceId());
        if (standing instanceof InvoiceCharges.Standing.ChargeUnderWay) {
            return Optional.empty(); // stays as it is: the sweep (or the desk) tries again once that one has ended
        }
        if (!(standing instanceof InvoiceCharges.Standing.Owed due)) {
            store.state(feeId, Fee.State.SETTLED, Optional.empty(), "stripe", clock.instant());
            return Optional.empty();
        }
        Money owed = due.owed();
        Optional<String> method = cards.chargeable(fee.patientId()).flatMap(CustomerStore.Customer::paymentMethodId);
        if (method.isEmpty()) {
            store.state(feeId, Fee.State.NO_CARD, Optional.empty(), "stripe", clock.instant());
            return Optional.empty();
        }
        // Never more than is still owed (part of it may have been paid at the desk).
        store.charging(feeId, method.get(), fee.amount().min(owed), clock.instant());
        return store.find(feeId);
    }

    private Fee.State settle(Fee fee, ChargeOutcome outcome) {
        Fee current = store.lock(fee.id()).orElseThrow();
        if (current.state() != Fee.State.CHARGING || current.attempt() != fee.attempt()) {
            if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
                paid(fee.id(), succeeded.paymentIntentId());
                return Fee.State.PAID;
            }
            return current.state();
        }
        if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
            paid(fee.id(), succeeded.paymentIntentId());
        } else if (outcome instanceof ChargeOutcome.Declined declined) {
            store.state(fee.id(), Fee.State.DECLINED, Optional.of(declined.code()), "stripe", clock.instant());
        } else if (outcome instanceof ChargeOutcome.NeedsAuthentication asked) {
            needsAuthentication(current, asked.paymentIntentId());
        }
        // An unknown outcome stays CHARGING: the sweep asks Stripe again with the same key.
        return store.find(fee.id()).orElseThrow().state();
    }

    /** The bank wants the patient to authenticate: the fee keeps the PaymentIntent, and the patient gets a link. */
    private void needsAuthentication(Fee fee, String paymentIntentId) {
        store.needsAuthentication(fee.id(), paymentIntentId, clock.instant());
        links.ask(Kind.FEE, fee.id(), fee.patientId(), fee.amount());
    }

    /** Whether the patient of a fee waiting for their bank was e-mailed a link (the desk's panel says so). */
    public boolean linkSent(Fee fee) {
        return links.sent(Kind.FEE, fee.id());
    }

    /** Where the patient's bank authentication left a fee: asks Stripe and records a payment it made, once. */
    Fee.State lookUp(Fee fee) {
        Optional<String> intent = fee.paymentIntentId();
        if (intent.isEmpty()) {
            return fee.state();
        }
        ChargeOutcome outcome = stripe.intent(intent.get());
        return tx.execute(status -> {
            Fee current = store.lock(fee.id()).orElseThrow();
            if (outcome instanceof ChargeOutcome.Succeeded succeeded
                    && succeeded
                            .paymentIntentId()
                            .equals(current.paymentIntentId().orElse(""))) {
                paid(current.id(), succeeded.paymentIntentId());
            } else if (current.state() == Fee.State.AUTHENTICATING && !(outcome instanceof ChargeOutcome.Unknown)) {
                store.state(
                        current.id(), Fee.State.NEEDS_AUTHENTICATION, current.failureCode(), "stripe", clock.instant());
            }
            return store.find(fee.id()).orElseThrow().state();
        });
    }

    // ---- the patient's authentication through the e-mailed link (PaymentAuthentication)

    @Override
    public Kind kind() {
        return Kind.FEE;
    }

    @Override
    public Optional<Waiting> waiting(UUID feeId) {
        return store.find(feeId).filter(FeeCharges::authenticable).map(FeeCharges::waitingOf);
    }

    @Override
    public Optional<Waiting> claimForPatient(UUID feeId) {
        Optional<Fee> locked = store.lock(feeId)
                .filter(FeeCharges::authenticable)
                // Paid some other way meanwhile (the whole invoice at the desk): the link pays nothing more. A try
                // under way (a second click) counts its own amount as under way: it is added back.
                .filter(fee -> payments.lockedBalance(fee.invoiceId())
                                .plus(fee.state() == Fee.State.AUTHENTICATING ? fee.amount() : Money.ZERO)
                                .compareTo(fee.amount())
                        >= 0);
        locked.ifPresent(
                fee -> store.state(feeId, Fee.State.AUTHENTICATING, fee.failureCode(), "patient", clock.instant()));
        return locked.map(FeeCharges::waitingOf);
    }

    @Override
    public boolean finish(UUID feeId) {
        return store.find(feeId).map(this::lookUp).orElse(Fee.State.WAIVED) == Fee.State.PAID;
    }

    @Override
    public boolean paid(UUID feeId) {
        return store.find(feeId).filter(fee -> fee.state() == Fee.State.PAID).isPresent();
    }

    @Override
    public List<Waiting> waitingOn(UUID invoiceId) {
        return store.waitingOn(invoiceId).stream()
                .filter(FeeCharges::authenticable)
                .map(FeeCharges::waitingOf)
                .toList();
    }

    @Override
    public void cancelled(UUID feeId, String paymentIntentId) {
        store.lock(feeId)
                .filter(fee -> fee.state() == Fee.State.NEEDS_AUTHENTICATION)
                .filter(fee -> fee.paymentIntentId().orElse("").equals(paymentIntentId))
                .ifPresent(fee -> store.state(feeId, Fee.State.SETTLED, fee.failureCode(), "stripe", clock.instant()));
    }

    @Override
    public boolean settledOtherwise(UUID feeId) {
        return store.find(feeId).filter(fee -> fee.state() == Fee.State.SETTLED).isPresent();
    }

    private static boolean authenticable(Fee fee) {
        return fee.waitingForBank()
                && fee.paymentIntentId().isPresent()
                && fee.paymentMethodId().isPresent();
    }

    private static Waiting waitingOf(Fee fee) {
        return new Waiting(
                fee.id(),
                fee.amount(),
                fee.paymentIntentId().orElseThrow(),
                fee.paymentMethodId().orElseThrow(),
                fee.state() == Fee.State.AUTHENTICATING);
    }
}
