package clinic.relief.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Invoices;
import clinic.relief.billing.Payments;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.PatientAlreadyBooked;
import clinic.relief.booking.PaymentHolds;
import clinic.relief.booking.SlotTaken;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deposits of online bookings. The hold is written with its deposit (OPEN, ending {@code relief.payments.deposit-hold}
 * later); the patient pays on Stripe's hosted Checkout page, whose expiry is the hold's end (at least 30 minutes
 * ahead, Stripe's shortest: opening the page may move the end that far). Stripe's word that the page was paid
 * ({@code checkout.session.completed} with {@code payment_status=paid}, {@code payment_intent.succeeded}, or the page
 * read when the patient comes back) books the hold and records the deposit on the visit's invoice, once, in one
 * transaction under the deposit's row lock, whatever the order or the repeats. An expired page ({@code
 * checkout.session.expired}), the patient giving up, or the hold's end (the sweep expires the page at Stripe first)
 * releases the slot. A payment that arrives after the hold ended, or for a time that cannot be kept (the patient it
 * books for already has an appointment then, or the time was taken), books nothing: it is refunded whole under a key
 * derived from the deposit, the patient is e-mailed once ({@link DepositMail}) and the desk lists it ({@link
 * #notKept()}). No Stripe call runs inside a database transaction.
 */
@Service
public class Deposits {

    /** Stripe's shortest Checkout expiry, and a minute's margin for the call itself. */
    private static final Logger LOG = LoggerFactory.getLogger(Deposits.class);

    static final Duration SHORTEST_PAGE = Duration.ofMinutes(31);

    /** How far back the desk's list of deposits whose time was not kept goes. */
    static final Duration NOT_KEPT_SHOWN = Duration.ofDays(7);

    private final DepositStore store;
    private final DepositCheckouts checkouts;
    private final StripeGateway stripe;
    private final PaymentHolds holds;
    private final AppointmentBook book;
    private final Invoices invoices;
    private final Payments payments;
    private final CardRefunds refunds;
    private final DepositMail mail;
    private final TransactionTemplate tx;
    private final Duration holdLasts;
    private final Clock clock;
    private final ZoneId zone;

    Deposits(
            DepositStore store,
            DepositCheckouts checkouts,
            StripeGateway stripe,
            PaymentHolds holds,
            AppointmentBook book,
            Invoices invoices,
            Payments payments,
            CardRefunds refunds,
            DepositMail mail,
            PlatformTransactionManager transactions,
            @Value("${relief.payments.deposit-hold:PT35M}") Duration holdLasts,
            Clock clock,
            ClinicProfile clinic) {
        this.store = store;
        this.checkouts = checkouts;
        this.stripe = stripe;
        this.holds = holds;
        this.book = book;
        this.invoices = invoices;
        this.payments = payments;
        this.refunds = refunds;
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.holdLasts = holdLasts;
        this.clock = clock;
        this.zone = clinic.zone();
    }

    /** The deposit of an appointment held (or booked) online with one. */
    public Optional<Deposit> ofAppointment(UUID appointmentId) {
        return store.ofAppointment(appointmentId);
    }

    /** A deposit paid for a time that was not kept, for the desk: when the time was, who paid, whether refunded. */
    public record NotKept(Deposit deposit, ZonedDateTime start, String payer, boolean refunded) {}

    /** Deposits paid for a time that was not kept over the last {@link #NOT_KEPT_SHOWN}, the latest first. */
    public List<NotKept> notKept() {
        return store.notKept(clock.instant().minus(NOT_KEPT_SHOWN)).stream()
                .map(d -> new NotKept(
                        d,
                        book.get(d.appointmentId()).start().atZone(zone),
                        holds.payerEmail(d.appointmentId()).orElse(""),
                        d.refundId().isPresent()))
                .toList();
    }

    /** When an open deposit's hold ends, in the clinic's time zone (for the desk's appointment panel). */
    public ZonedDateTime heldUntil(Deposit deposit) {
        return deposit.expiresAt().atZone(zone);
    }

    /** The deposit of an appointment of this patient; a stranger's (or none) is {@code payments.deposit.unknown}. */
    public Deposit of(UUID appointmentId, UUID patientId) {
        return store.ofAppointment(appointmentId)
                .filter(d -> d.patientId().filter(patientId::equals).isPresent())
                .orElseThrow(() -> new PaymentsFailure("payments.deposit.unknown"));
    }

    /**
     * The deposit of an appointment a visitor who was not signed in held (the caller checked their signed link);
     * any other is {@code payments.deposit.unknown}.
     */
    public Deposit ofVisitor(UUID appointmentId) {
        return store.ofAppointment(appointmentId)
                .filter(Deposit::guest)
                .orElseThrow(() -> new PaymentsFailure("payments.deposit.unknown"));
    }

    /** In the hold's transaction: the appointment waits for its deposit until the hold's end. */
    void held(UUID appointmentId, UUID patientId, Money amount) {
        Instant now = clock.instant();
        store.insert(UUID.randomUUID(), appointmentId, patientId, amount, now.plus(holdLasts), now, false);
    }

    /** As {@link #held}, for a visitor who is not signed in, whose unverified placeholder holds the slot. */
    void heldForVisitor(UUID appointmentId, UUID placeholderId, Money amount) {
        Instant now = clock.instant();
        store.insert(UUID.randomUUID(), appointmentId, placeholderId, amount, now.plus(holdLasts), now, true);
    }

    /**
     * Opens (or opens again) Stripe's hosted page that pays the deposit; its address. {@code description} names what
     * is paid for on Stripe's page (the service and the time, nothing medical); {@code appBase} is this app's own
     * address, for Stripe's redirects back.
     */
    public String checkout(UUID appointmentId, UUID patientId, String description, String appBase, Locale locale) {
        String page = appBase + "/account/deposits/" + appointmentId;
        return open(
                of(appointmentId, patientId),
                description,
                page + "/paid?session={CHECKOUT_SESSION_ID}",
                page,
                Optional.empty(),
                locale);
    }

    /**
     * As {@link #checkout}, for a visitor's deposit ({@link #ofVisitor}): Stripe's page carries the address they gave
     * and sends them back to {@code successUrl} (which holds {@code {CHECKOUT_SESSION_ID}}) or {@code cancelUrl}.
     */
    public String checkoutForVisitor(
            UUID appointmentId, String description, String successUrl, String cancelUrl, Locale locale) {
        return open(
                ofVisitor(appointmentId), description, successUrl, cancelUrl, holds.payerEmail(appointmentId), locale);
    }

    private String open(
            Deposit of,
            String description,
            String successUrl,
            String cancelUrl,
            Optional<String> payerEmail,
            Locale locale) {
        Deposit deposit = tx.execute(status -> {
            Deposit mine = store.lock(of.id()).orElseThrow();
            Instant now = clock.instant();
            if (!mine.open() || !now.isBefore(mine.expiresAt())) {
                throw new PaymentsFailure("payments.deposit.ended");
            }
            if (mine.checkoutUrl().isEmpty()) {
                store.expiresAt(mine.id(), now.plus(SHORTEST_PAGE), now);
            }
            return store.lock(mine.id()).orElseThrow();
        });
        if (deposit.checkoutUrl().isPresent()) {
            return deposit.checkoutUrl().get();
        }
        DepositCheckouts.Page opened =
                checkouts.open(deposit, description, deposit.expiresAt(), successUrl, cancelUrl, payerEmail, locale);
        tx.executeWithoutResult(status -> {
            store.checkout(deposit.id(), opened.id(), opened.url(), clock.instant());
            store.language(deposit.id(), locale.getLanguage());
        });
        return opened.url();
    }

    /** The patient is back from Stripe: the page is read, and recorded if paid (once, like the webhook). */
    public Deposit returned(UUID appointmentId, UUID patientId, String sessionId) {
        returned(of(appointmentId, patientId), sessionId);
        return of(appointmentId, patientId);
    }

    /** As {@link #returned}, for a visitor's deposit ({@link #ofVisitor}). */
    public Deposit returnedVisitor(UUID appointmentId, String sessionId) {
        returned(ofVisitor(appointmentId), sessionId);
        return ofVisitor(appointmentId);
    }

    private void returned(Deposit deposit, String sessionId) {
        if (deposit.open()
                && deposit.checkoutSessionId().filter(sessionId::equals).isPresent()) {
            DepositCheckouts.Page page = checkouts.page(sessionId);
            if (page.paid()) {
                paid(deposit.id(), page.paymentIntentId().orElseThrow());
            }
        }
    }

    /** The patient gives the held time up without paying: the page is expired at Stripe and the slot released. */
    public Deposit abandon(UUID appointmentId, UUID patientId) {
        Deposit deposit = of(appointmentId, patientId);
        if (deposit.open()) {
            end(deposit);
        }
        return of(appointmentId, patientId);
    }

    /** As {@link #abandon}, for a visitor's deposit ({@link #ofVisitor}). */
    public Deposit abandonVisitor(UUID appointmentId) {
        Deposit deposit = ofVisitor(appointmentId);
        if (deposit.open()) {
            end(deposit);
        }
        return ofVisitor(appointmentId);
    }

    /**
     * Stripe says the deposit was paid with {@code paymentIntentId}: the hold is booked and the deposit recorded on
     * the invoice, once; a payment after the hold ended is refunded whole instead.
     */
    void paid(UUID depositId, String paymentIntentId) {
        Boolean late;
        try {
            late = tx.execute(status -> book(depositId, paymentIntentId));
        } catch (PatientAlreadyBooked | SlotTaken clash) {
            // The booking's transaction was spoilt and rolled back whole (nothing joined, nothing recorded): in a new
            // one, the time is given up and the deposit refunded, once, under its lock; a repeat finds it ended.
            late = tx.execute(status -> store.lock(depositId)
                    .filter(Deposit::open)
                    .map(deposit -> {
                        holds.releaseUnpaid(deposit.appointmentId());
                        notKept(deposit, Deposit.State.NOT_BOOKED, paymentIntentId);
                        return true;
                    })
                    .orElse(false));
        }
        if (Boolean.TRUE.equals(late)) {
            refundLate(depositId);
        }
    }

    /** Books the hold and records the deposit; true when the time is not kept and the payment is to be refunded. */
    private boolean book(UUID depositId, String paymentIntentId) {
        Optional<Deposit> locked = store.lock(depositId);
        if (locked.isEmpty()) {
            return false;
        }
        Deposit deposit = locked.get();
        Instant now = clock.instant();
        if (deposit.state() == Deposit.State.EXPIRED) {
            notKept(deposit, Deposit.State.LATE_REFUNDED, paymentIntentId);
            return true;
        }
        if (!deposit.open()) {
            return false; // recorded already: the same payment reported again
        }
        if (holds.confirmPaid(deposit.appointmentId()) == PaymentHolds.Confirmed.NOT_HELD) {
            notKept(deposit, Deposit.State.LATE_REFUNDED, paymentIntentId);
            return true;
        }
        if (deposit.guest()) { // a visitor's deposit is now the patient's the placeholder joined
            store.patient(
                    depositId,
                    Optional.of(book.get(deposit.appointmentId()).patient().id()),
                    now);
        }
        UUID invoice = invoices.forAppointment(deposit.appointmentId())
                .orElseThrow(() -> new IllegalStateException("A booked appointment without its invoice"))
                .id();
        payments.recordCardCharge(invoice, deposit.amount(), paymentIntentId);
        store.state(depositId, Deposit.State.PAID, Optional.of(paymentIntentId), now);
        return false;
    }

    /**
     * In the caller's transaction, under the deposit's lock: it was paid with {@code paymentIntentId} but its time is
     * not kept. The state moves (the payment's id kept with it), the patient is e-mailed once, and a visitor's
     * placeholder is forgotten; the refund follows after commit ({@link #refundLate}).
     */
    private void notKept(Deposit deposit, Deposit.State state, String paymentIntentId) {
        Instant now = clock.instant();
        store.state(deposit.id(), state, Optional.of(paymentIntentId), now);
        mail.notKept(deposit);
        store.patient(deposit.id(), Optional.empty(), now);
    }

    /** Stripe says the page expired unpaid: the slot is released (nothing, if it was paid or released already). */
    void expired(UUID depositId) {
        tx.executeWithoutResult(
                status -> store.lock(depositId).filter(Deposit::open).ifPresent(this::release));
    }

    /** Ends an open deposit whose hold ran out or was given up: the page first, then the slot. */
    void end(Deposit deposit) {
        if (deposit.checkoutSessionId().isPresent()) {
            DepositCheckouts.Page page =
                    checkouts.expire(deposit.checkoutSessionId().get());
            if (page.paid()) {
                paid(deposit.id(), page.paymentIntentId().orElseThrow());
                return;
            }
        }
        expired(deposit.id());
    }

    /**
     * Refunds whole a payment whose time was not kept (late, or not bookable): the key names the deposit, so asked
     * again (the sweep, after Stripe did not answer) Stripe refunds once.
     */
    void refundLate(UUID depositId) {
        store.find(depositId)
                .filter(d -> d.notKept() && d.refundId().isEmpty())
                .filter(d -> d.paymentIntentId().isPresent())
                .ifPresent(d -> {
                    if (stripe.refund(
                                    d.paymentIntentId().get(),
                                    d.amount(),
                                    "deposit-late-" + d.id(),
                                    Map.of("deposit_id", d.id().toString()))
                            instanceof StripeGateway.RefundOutcome.Made made) {
                        tx.executeWithoutResult(status -> store.refunded(d.id(), made.refundId(), clock.instant()));
                    }
                });
    }

    /**
     * The appointment was cancelled owing {@code feeOwed}: a paid deposit is kept up to the fee and the
     * rest refunded to the card; what was kept, which the fee charged to the card on file then leaves out.
     */
    Money cancelled(UUID appointmentId, Money feeOwed) {
        Optional<Deposit> settled = tx.execute(status -> store.ofAppointment(appointmentId)
                .flatMap(d -> store.lock(d.id()))
                .filter(d -> d.state() == Deposit.State.PAID)
                .map(d -> {
                    boolean keeps = feeOwed.isPositive();
                    store.state(
                            d.id(),
                            keeps ? Deposit.State.KEPT : Deposit.State.REFUNDED,
                            Optional.empty(),
                            clock.instant());
                    return d;
                }));
        if (settled == null || settled.isEmpty()) {
            return store.ofAppointment(appointmentId)
                    .filter(d -> d.state() == Deposit.State.KEPT)
                    .map(d -> d.amount().min(feeOwed))
                    .orElse(Money.ZERO);
        }
        Deposit deposit = settled.get();
        Money kept = feeOwed.isPositive() ? deposit.amount().min(feeOwed) : Money.ZERO;
        Money back = deposit.amount().minus(kept);
        if (back.isPositive()) {
            String intent = deposit.paymentIntentId().orElseThrow();
            UUID invoice = payments.cardCharge(intent).orElseThrow().invoiceId();
            try {
                refunds.refund(invoice, intent, back, "cancellation policy");
            } catch (PaymentsFailure refused) {
                // Stripe refused (or did not answer): the deposit stays paid for the desk to refund from the invoice.
                LOG.warn("Deposit {} not refunded: {}", deposit.id(), refused.code());
                tx.executeWithoutResult(
                        status -> store.state(deposit.id(), Deposit.State.PAID, Optional.empty(), clock.instant()));
            }
        }
        return kept;
    }

    /**
     * The desk waived the fee a deposit was kept toward: {@code kept}, what the fee kept of it, is refunded to the card it was paid with,
     * once (the state moves under the deposit's lock before Stripe is asked; a refusal puts it back and is a {@link
     * PaymentsFailure}, for the desk to refund from the invoice page).
     */
    void waived(UUID appointmentId, Money kept, String by) {
        Optional<Deposit> held = tx.execute(status -> store.ofAppointment(appointmentId)
                .flatMap(d -> store.lock(d.id()))
                .filter(d -> d.state() == Deposit.State.KEPT)
                .map(d -> {
                    store.state(d.id(), Deposit.State.REFUNDED, Optional.empty(), clock.instant());
                    return d;
                }));
        if (held == null || held.isEmpty()) {
            return;
        }
        Deposit deposit = held.get();
        String intent = deposit.paymentIntentId().orElseThrow();
        Money back = refunds.refundable(intent).min(kept);
        if (!back.isPositive()) {
            return;
        }
        try {
            refunds.refund(payments.cardCharge(intent).orElseThrow().invoiceId(), intent, back, by);
        } catch (PaymentsFailure refused) {
            LOG.warn("Deposit {} not refunded after the fee was waived: {}", deposit.id(), refused.code());
            tx.executeWithoutResult(
                    status -> store.state(deposit.id(), Deposit.State.KEPT, Optional.empty(), clock.instant()));
            throw new PaymentsFailure("payments.fee.depositNotRefunded");
        }
    }

    /** The patient did not come: a paid deposit is kept (toward the no-show fee, which then leaves it out). */
    Money missed(UUID appointmentId, Money feeOwed) {
        tx.executeWithoutResult(status -> store.ofAppointment(appointmentId)
                .flatMap(d -> store.lock(d.id()))
                .filter(d -> d.state() == Deposit.State.PAID)
                .ifPresent(d -> store.state(d.id(), Deposit.State.KEPT, Optional.empty(), clock.instant())));
        return store.ofAppointment(appointmentId)
                .filter(d -> d.state() == Deposit.State.KEPT)
                .map(d -> d.amount().min(feeOwed))
                .orElse(Money.ZERO);
    }

    /** Ends every open deposit whose hold has run out, and asks again for late refunds left without an answer. */
    void sweep() {
        for (UUID id : store.due(clock.instant())) {
            store.find(id).ifPresent(deposit -> {
                if (deposit.open()) {
                    endOrRelease(deposit);
                } else {
                    refundLate(id);
                }
            });
        }
    }

    /** Ends the deposit; when Stripe cannot be asked, the hold is released anyway (a later payment is refunded). */
    private void endOrRelease(Deposit deposit) {
        try {
            end(deposit);
        } catch (PaymentsFailure stripeDown) {
            expired(deposit.id());
        }
    }

    private void release(Deposit deposit) {
        holds.releaseUnpaid(deposit.appointmentId());
        store.state(deposit.id(), Deposit.State.EXPIRED, Optional.empty(), clock.instant());
        store.patient(deposit.id(), Optional.empty(), clock.instant()); // a visitor's placeholder is forgotten
    }
}
