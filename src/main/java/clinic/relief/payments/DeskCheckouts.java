package clinic.relief.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.billing.Invoice;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.Line;
import clinic.relief.billing.Payment;
import clinic.relief.billing.Payments;
import clinic.relief.billing.RecordPayment;
import clinic.relief.billing.spi.ReaderCharges;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.AppointmentStatus;
import clinic.relief.booking.AppointmentView;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffMember;
import com.stripe.model.PaymentIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout at the desk: the visit's invoice (its price with the membership credit, voucher, gift card and insurance
 * copay billing applied when it was booked), a tip for the therapist, and payment split over any of the desk's
 * methods and the card on file. Every action locks the visit's checkout row and carries the version the page showed,
 * so of two clicks at once exactly one acts. A card charge is committed as CHARGING before Stripe is called, with an
 * idempotency key made of the invoice and the attempt: a lost answer is asked again with the same key (the desk's
 * "try again", a sweep, Stripe's webhook), so the card is charged once and the payment recorded once. A decline
 * records nothing. A bank asking for the patient's authentication records nothing either: the attempt keeps the
 * PaymentIntent and the patient is e-mailed a link to confirm it ({@link PaymentAuthentication}); while they are on
 * the bank's page the desk takes no other payment of the visit.
 */
@Service
public class DeskCheckouts implements AuthenticationSubject, ReaderCharges {

    /** The tip presets, in percent of the service's price. */
    public static final List<Integer> PRESETS = List.of(15, 18, 20);

    private static final Logger LOG = LoggerFactory.getLogger(DeskCheckouts.class);

    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    private static final Duration AUTHENTICATING_FOR = Duration.ofMinutes(30);

    /** What the checkout page shows of a visit. */
    public record Checkout(
            AppointmentView appointment,
            String therapistName,
            Invoice invoice,
            int version,
            Money serviceTotal,
            List<Preset> presets,
            Optional<Money> tip,
            boolean mayTip,
            boolean cardCharging,
            Optional<CardOnFile> card,
            String chargeState,
            Optional<Money> chargeAmount,
            String failureCode,
            boolean reader,
            boolean onReader,
            boolean linkSent) {

        /** Whether a card charge's answer was lost: the desk may ask again (same key, one charge). */
        public boolean charging() {
            return "CHARGING".equals(chargeState);
        }

        /** Whether a card charge waits for the patient to confirm it with their bank (or they are at it). */
        public boolean waitingForBank() {
            return "NEEDS_AUTHENTICATION".equals(chargeState) || authenticating();
        }

        /** Whether the patient is on the bank's page right now: the desk takes no other payment meanwhile. */
        public boolean authenticating() {
            return "AUTHENTICATING".equals(chargeState);
        }
    }

    /** A tip preset: its percent and what it comes to. */
    public record Preset(int percent, Money amount) {}

    /** Tips one therapist received over a range of days. */
    public record TherapistTips(String therapist, Money amount, int tips) {}

    /** What became of a card charge. */
    public enum CardOutcome {
        PAID,
        DECLINED,
        NEEDS_AUTHENTICATION,
        NO_ANSWER,
        ON_READER,
        READER_REFUSED
    }

    private final DeskCheckoutStore store;
    private final AppointmentBook book;
    private final Staff staff;
    private final Invoices invoices;
    private final Payments payments;
    private final CardsOnFile cards;
    private final InvoiceCharges charges;
    private final StripeGateway stripe;
    private final AuthenticationLinks links;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final Clock clock;
    private final ZoneId zone;
    private final String readerId;

    DeskCheckouts(
            DeskCheckoutStore store,
            AppointmentBook book,
            Staff staff,
            Invoices invoices,
            Payments payments,
            CardsOnFile cards,
            InvoiceCharges charges,
            StripeGateway stripe,
            AuthenticationLinks links,
            PlatformTransactionManager transactions,
            Clock clock,
            ClinicProfile clinic,
            @Value("${relief.payments.checkout.reader-id:}") String readerId) {
        this.store = store;
        this.book = book;
        this.staff = staff;
        this.invoices = invoices;
        this.payments = payments;
        this.cards = cards;
        this.charges = charges;
        this.stripe = stripe;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = clinic.zone();
        this.readerId = readerId.strip();
    }

    /** The visit's checkout; a visit without an invoice is a 404. */
    public Checkout of(UUID appointmentId) {
        AppointmentView appointment = book.get(appointmentId);
        Invoice invoice = invoiceOf(appointmentId);
        Optional<DeskCheckoutStore.Row> row = store.find(invoice.id());
        Money service = serviceTotal(invoice);
        Optional<Money> tip = store.tip(invoice.id()).map(DeskCheckoutStore.Tip::amount);
        return new Checkout(
                appointment,
                therapistName(appointment),
                invoice,
                row.map(DeskCheckoutStore.Row::version).orElse(0),
                service,
                PRESETS.stream()
                        .map(p -> new Preset(p, service.percent(BigDecimal.valueOf(p))))
                        .toList(),
                tip,
                tip.isEmpty() && tipFor(appointment) && withoutTip(invoice).isPositive(),
                stripe.enabled(),
                cards.of(invoice.patientId()),
                row.map(r -> r.state().name()).orElse("OPEN"),
                row.flatMap(DeskCheckoutStore.Row::chargeAmount),
                row.flatMap(DeskCheckoutStore.Row::failureCode).orElse(""),
                readerOn(),
                row.filter(r -> r.state() == DeskCheckoutStore.State.CHARGING)
                        .flatMap(DeskCheckoutStore.Row::readerId)
                        .isPresent(),
                row.filter(r -> r.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION
                                        || r.state() == DeskCheckoutStore.State.AUTHENTICATING)
                                .isPresent()
                        && links.sent(Kind.CHECKOUT, invoice.id()));
    }

    /**
     * The amount of the visit's card charge waiting for the patient to confirm it with their bank, for the
     * appointment panel.
     */
    public Optional<Money> waitingForBank(UUID invoiceId) {
        return store.find(invoiceId).filter(DeskCheckouts::authenticable).flatMap(DeskCheckoutStore.Row::chargeAmount);
    }

    /** Whether a card reader is set up ({@code relief.payments.checkout.reader-id}) and Stripe with it. */
    public boolean readerOn() {
        return stripe.enabled() && !readerId.isEmpty();
    }

    /**
     * Adds the tip: {@code choice} is a preset's percent ("15", "18", "20") or "custom" with {@code custom} the amount.
     * Refused (nothing written) on a zero invoice, a visit that did not happen, a second tip, an amount that is not
     * positive, not a number, or above the service's price.
     */
    public Money tip(UUID appointmentId, int version, String choice, String custom, String by) {
        AppointmentView appointment = book.get(appointmentId);
        return tx.execute(status -> {
            Invoice invoice = invoiceOf(appointmentId);
            DeskCheckoutStore.Row row = lockAt(invoice, version);
            if (store.tip(invoice.id()).isPresent()) {
                throw CheckoutProblem.invalid("tipTwice");
            }
            if (!tipFor(appointment)) {
                throw CheckoutProblem.invalid("tipNoVisit");
            }
            if (!withoutTip(invoice).isPositive()) {
                throw CheckoutProblem.invalid("tipOnZero");
            }
            Money service = serviceTotal(invoice);
            Money amount = tipAmount(choice, custom, service);
            if (!amount.isPositive()) {
                throw CheckoutProblem.invalid("tipNotPositive");
            }
            if (amount.compareTo(service) > 0) {
                throw CheckoutProblem.invalid("tipTooLarge", service);
            }
            String therapist = therapistName(appointment);
            store.insertTip(
                    new DeskCheckoutStore.Tip(
                            invoice.id(), appointment.therapist().id(), therapist, amount, clock.instant()),
                    appointmentId,
                    by);
            invoices.addTip(invoice.id(), amount, therapist);
            store.acted(row.invoiceId(), clock.instant());
            return amount;
        });
    }

    /**
     * Records a payment taken by hand at the desk (card terminal, cash, check, HSA/FSA card, gift card): part or all
     * of what is owed. Billing refuses more than the balance and a gift card without enough on it.
     */
    public Payment pay(
            UUID appointmentId,
            int version,
            Payment.Method method,
            Money amount,
            String note,
            String giftCard,
            String by) {
        if (!Payment.Method.atDesk().contains(method)) {
            throw CheckoutProblem.invalid("method");
        }
        Optional<Integer> released = releaseReader(appointmentId, version);
        Paid paid = tx.execute(status -> {
            Invoice invoice = invoiceOf(appointmentId);
            DeskCheckoutStore.Row row = lockAt(invoice, version);
            if (row.state() == DeskCheckoutStore.State.CHARGING
                    && released.filter(attempt -> attempt == row.attempt()).isPresent()) {
                // The reader's action and its PaymentIntent are cancelled at Stripe: nothing more is charged by it.
                store.settled(row.invoiceId(), DeskCheckoutStore.State.OPEN, Optional.empty(), clock.instant());
            } else if (row.state() == DeskCheckoutStore.State.CHARGING) {
                throw CheckoutProblem.invalid("chargeUnderWay");
            }
            if (row.state() == DeskCheckoutStore.State.AUTHENTICATING) {
                throw CheckoutProblem.invalid("authenticating");
            }
            Payment payment = payments.record(
                    new RecordPayment(invoice.id(), Payment.Kind.PAYMENT, method, amount, note, giftCard), by);
            store.acted(row.invoiceId(), clock.instant());
            if (row.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION
                    && payments.lockedBalance(invoice.id())
                                    .compareTo(row.chargeAmount().orElse(Money.ZERO))
                            < 0) {
                // Paid another way: the card charge no longer waits for the patient (their link says so).
                store.settled(row.invoiceId(), DeskCheckoutStore.State.OPEN, Optional.empty(), clock.instant());
                return new Paid(payment, row.paymentIntentId());
            }
            return new Paid(payment, Optional.empty());
        });
        paid.leftWaiting().ifPresent(intent -> cancelAtStripe(paid.payment().invoiceId(), intent));
        return paid.payment();
    }

    /**
     * A payment taken another way while the card reader waits for the patient's card, at checkout: the reader is
     * released ({@link #release}) if the attempt is still the one the desk saw. The attempt released, if it was; the
     * payment is then recorded in its place. Had the patient's card been taken meanwhile, that payment is recorded once
     * (the version moves on, so the desk's payment is refused as changed); if Stripe does not answer, nothing changes
     * and the desk's payment is refused (a charge under way).
     */
    private Optional<Integer> releaseReader(UUID appointmentId, int version) {
        return store.find(invoiceOf(appointmentId).id())
                .filter(row -> row.version() == version)
                .flatMap(this::release);
    }

    /**
     * A payment recorded on the invoice page while the card reader waits for the patient's card: the same release as
     * at checkout ({@link #release}); the attempt released is then closed under the checkout's lock (if it is still
     * the one waiting), so billing no longer counts its charge as under way and records the desk's payment.
     */
    @Override
    public Stop stop(UUID invoiceId) {
        Optional<DeskCheckoutStore.Row> waiting = store.find(invoiceId).filter(DeskCheckouts::onReader);
        if (waiting.isEmpty() || !stripe.enabled()) {
            return new Stop(Outcome.NONE_WAITING, Money.ZERO);
        }
        DeskCheckoutStore.Row attempt = waiting.get();
        Money amount = attempt.chargeAmount().orElse(Money.ZERO);
        Optional<Integer> released = release(attempt);
        if (released.isPresent()) {
            tx.execute(status -> {
                DeskCheckoutStore.Row row =
                        store.lock(attempt.invoiceId(), attempt.appointmentId(), attempt.patientId(), clock.instant());
                if (row.state() == DeskCheckoutStore.State.CHARGING && row.attempt() == released.get()) {
                    store.settled(row.invoiceId(), DeskCheckoutStore.State.OPEN, Optional.empty(), clock.instant());
                }
                return null;
            });
            return new Stop(Outcome.STOPPED, amount);
        }
        boolean taken = attempt.paymentIntentId().flatMap(payments::cardCharge).isPresent();
        return new Stop(taken ? Outcome.CARD_TAKEN : Outcome.NO_ANSWER, amount);
    }

    /** Whether the row is a card attempt waiting on the reader, its PaymentIntent made. */
    private static boolean onReader(DeskCheckoutStore.Row row) {
        return row.state() == DeskCheckoutStore.State.CHARGING
                && row.readerId().isPresent()
                && row.paymentIntentId().isPresent();
    }

    /**
     * Releases the card reader waiting for the patient's card because the desk took the payment another way: the
     * reader's action is cancelled at Stripe, then its PaymentIntent, each once (one key per PaymentIntent), so the
     * reader can no longer charge the card. The attempt released, if it was. Had the patient's card been taken
     * meanwhile, that payment is recorded once and nothing is released; if Stripe does not answer, nothing changes.
     */
    private Optional<Integer> release(DeskCheckoutStore.Row attempt) {
        if (!onReader(attempt) || !stripe.enabled()) {
            return Optional.empty();
        }
        String intent = attempt.paymentIntentId().orElseThrow();
        if (!stripe.cancelReaderAction(attempt.readerId().orElseThrow(), "cancel-action-" + intent)) {
            LOG.warn("Stripe did not cancel the reader's action for {}", intent);
            return Optional.empty();
        }
        return switch (stripe.cancel(intent, "cancel-" + intent)) {
            case CANCELLED -> Optional.of(attempt.attempt());
            case SUCCEEDED -> {
                tx.execute(status -> settle(attempt, new ChargeOutcome.Succeeded(intent)));
                yield Optional.empty();
            }
            case UNKNOWN -> {
                LOG.warn("Stripe did not cancel {} left on the reader", intent);
                yield Optional.empty();
            }
        };
    }

    /** A payment taken at the desk, and the PaymentIntent it left waiting for the patient's bank, if it did. */
    private record Paid(Payment payment, Optional<String> leftWaiting) {}

    /**
     * Cancels at Stripe, once (one key per PaymentIntent), the PaymentIntent a payment taken at the desk left waiting
     * for the patient's bank, so the e-mailed link can no longer charge it. Had the patient paid meanwhile, that
     * payment is recorded once; if Stripe does not answer, the link still refuses to pay what is no longer owed.
     */
    private void cancelAtStripe(UUID invoiceId, String paymentIntentId) {
        switch (stripe.cancel(paymentIntentId, "cancel-" + paymentIntentId)) {
            case CANCELLED -> {
                // Nothing can be paid with it any more.
            }
            case SUCCEEDED -> store.find(invoiceId).ifPresent(this::lookUp);
            case UNKNOWN -> LOG.warn("Stripe did not cancel {} left waiting for the patient", paymentIntentId);
        }
    }

    /**
     * Charges part or all of what is owed to the patient's card on file, off-session. The attempt is committed before
     * Stripe is called; the outcome is recorded once.
     */
    public CardOutcome chargeCard(UUID appointmentId, int version, Money amount) {
        if (!stripe.enabled()) {
            throw CheckoutProblem.invalid("cardOff");
        }
        return call(claim(appointmentId, version, amount, Optional.empty()));
    }

    /**
     * Sends part or all of what is owed to the card reader (Stripe Terminal, server-driven): a card-present
     * PaymentIntent under the attempt's key, then the reader asked to collect it. The patient taps or inserts the card;
     * the desk's "check the reader", the sweep or Stripe's webhooks settle it, once.
     */
    public CardOutcome chargeReader(UUID appointmentId, int version, Money amount) {
        if (!readerOn()) {
            throw CheckoutProblem.invalid("readerOff");
        }
        return call(claim(appointmentId, version, amount, Optional.of(DeskCheckoutStore.READER + readerId)));
    }

    /** A new card attempt, committed on its own before Stripe is called: on the card on file, or on the reader. */
    private DeskCheckoutStore.Row claim(UUID appointmentId, int version, Money amount, Optional<String> reader) {
        return newTx.execute(status -> {
            Invoice invoice = invoiceOf(appointmentId);
            DeskCheckoutStore.Row row = lockAt(invoice, version);
            if (row.state() == DeskCheckoutStore.State.CHARGING) {
                throw CheckoutProblem.invalid("chargeUnderWay");
            }
            if (row.state() == DeskCheckoutStore.State.AUTHENTICATING) {
                throw CheckoutProblem.invalid("authenticating");
            }
            if (!amount.isPositive()) {
                throw CheckoutProblem.invalid("amountNotPositive");
            }
            // Under the invoice's lock, which a payment recorded on the invoice page and a fee's charge take too:
            // of two at once, the second sees the first (paid, or under way) and is refused.
            InvoiceCharges.Standing standing = charges.lock(invoice.id());
            if (standing instanceof InvoiceCharges.Standing.ChargeUnderWay other) {
                throw CheckoutProblem.underWayElsewhere(other.underWay());
            }
            if (!(standing instanceof InvoiceCharges.Standing.Owed due)) {
                throw CheckoutProblem.alreadyPaid();
            }
            Money owed = due.owed();
            if (amount.compareTo(owed) > 0) {
                throw CheckoutProblem.invalid("overBalance", owed);
            }
            String method = reader.isPresent()
                    ? reader.get()
                    : cards.chargeable(invoice.patientId())
                            .flatMap(CustomerStore.Customer::paymentMethodId)
                            .orElseThrow(() -> CheckoutProblem.invalid("noCard"));
            store.charging(invoice.id(), amount, method, clock.instant());
            return store.find(invoice.id()).orElseThrow();
        });
    }

    /** Asks Stripe again about a card attempt whose answer was lost: the same key, so at most one charge. */
    public CardOutcome retry(UUID appointmentId, int version) {
        DeskCheckoutStore.Row attempt = newTx.execute(status -> {
            DeskCheckoutStore.Row row = lockAt(invoiceOf(appointmentId), version);
            if (row.state() != DeskCheckoutStore.State.CHARGING) {
                throw CheckoutProblem.invalid("nothingToRetry");
            }
            return row;
        });
        return call(attempt);
    }

    /** Asks Stripe again about card attempts left without an answer for a while (a crash, a lost answer). */
    @Scheduled(fixedDelayString = "${relief.payments.checkout.sweep-every:5m}", initialDelayString = "PT1M")
    public void sweep() {
        if (stripe.enabled()) {
            sweep(clock.instant().minus(STUCK_AFTER));
        }
    }

    void sweep(Instant stuckBefore) {
        for (UUID invoiceId : store.charging(stuckBefore)) {
            store.find(invoiceId)
                    .filter(row -> row.state() == DeskCheckoutStore.State.CHARGING)
                    .ifPresent(this::call);
        }
        // Patients who left the bank's page unfinished: Stripe says whether they paid.
        for (UUID invoiceId : store.authenticating(stuckBefore.plus(STUCK_AFTER).minus(AUTHENTICATING_FOR))) {
            store.find(invoiceId).ifPresent(this::lookUp);
        }
    }

    /** Tips per therapist given on the days {@code from} to {@code to} (clinic time), the largest total first. */
    public List<TherapistTips> tipsPerTherapist(LocalDate from, LocalDate to) {
        return store
                .tipsPerTherapist(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(t -> new TherapistTips(t.therapistName(), t.amount(), t.tips()))
                .toList();
    }

    /** Records a checkout charge Stripe reports as succeeded (its webhook), once; true if the intent is a checkout's. */
    boolean succeeded(PaymentIntent intent) {
        Optional<UUID> invoiceId = invoiceOf(intent);
        invoiceId.ifPresent(id -> tx.executeWithoutResult(status -> store.find(id)
                .ifPresent(row -> paid(
                        store.lock(id, row.appointmentId(), row.patientId(), clock.instant()),
                        attemptOf(intent),
                        StripeGateway.money(intent.getAmount()),
                        intent.getId()))));
        return invoiceId.isPresent();
    }

    /** Notes a failed checkout charge Stripe reports, if it is the current attempt still waiting for an answer. */
    boolean failed(PaymentIntent intent) {
        Optional<UUID> invoiceId = invoiceOf(intent);
        String code = intent.getLastPaymentError() == null
                ? "declined"
                : intent.getLastPaymentError().getCode();
        invoiceId.ifPresent(id -> tx.executeWithoutResult(status -> store.find(id)
                .map(row -> store.lock(id, row.appointmentId(), row.patientId(), clock.instant()))
                .filter(row -> row.state() == DeskCheckoutStore.State.CHARGING && row.attempt() == attemptOf(intent))
                .ifPresent(row -> {
                    if ("authentication_required".equals(code)) {
                        needsAuthentication(row, intent.getId());
                    } else {
                        store.settled(id, DeskCheckoutStore.State.DECLINED, Optional.ofNullable(code), clock.instant());
                    }
                })));
        return invoiceId.isPresent();
    }

    private CardOutcome call(DeskCheckoutStore.Row attempt) {
        if (attempt.readerId().isPresent()) {
            return onReader(attempt, attempt.readerId().get());
        }
        String customerId = cards.customerIdOf(attempt.patientId());
        ChargeOutcome outcome = stripe.chargeOffSession(
                customerId,
                attempt.paymentMethodId().orElseThrow(),
                attempt.chargeAmount().orElseThrow(),
                attempt.idempotencyKey(),
                metadata(attempt));
        return tx.execute(status -> settle(attempt, outcome));
    }

    /**
     * Moves a reader attempt on as far as Stripe has: creates its PaymentIntent (same key, same intent), sends it to
     * the reader once, and settles it when the PaymentIntent succeeded or the reader's action failed.
     */
    private CardOutcome onReader(DeskCheckoutStore.Row attempt, String reader) {
        try {
            String intentId = attempt.paymentIntentId().orElse(null);
            if (intentId == null) {
                String created = stripe.createReaderIntent(
                        attempt.chargeAmount().orElseThrow(), attempt.idempotencyKey(), metadata(attempt));
                tx.executeWithoutResult(status -> store.intent(attempt.invoiceId(), attempt.attempt(), created));
                intentId = created;
            }
            String id = intentId;
            PaymentIntent intent = stripe.paymentIntent(id);
            if ("succeeded".equals(intent.getStatus())) {
                return tx.execute(status -> settle(attempt, new ChargeOutcome.Succeeded(id)));
            }
            Optional<StripeGateway.ReaderAction> action =
                    stripe.readerAction(reader).filter(a -> id.equals(a.paymentIntentId()));
            if (action.isEmpty()) {
                Optional<String> refused = stripe.processOnReader(reader, id, attempt.idempotencyKey() + "-reader");
                if (refused.isPresent()) {
                    tx.executeWithoutResult(status -> settle(attempt, new ChargeOutcome.Declined(refused.get())));
                    return CardOutcome.READER_REFUSED;
                }
                return CardOutcome.ON_READER;
            }
            if ("failed".equals(action.get().status())) {
                return tx.execute(status ->
                        settle(attempt, new ChargeOutcome.Declined(action.get().failureCode())));
            }
            return CardOutcome.ON_READER;
        } catch (PaymentsFailure noAnswer) {
            return CardOutcome.NO_ANSWER;
        }
    }

    /** Stripe reports a reader's action ended (its webhook): the attempt it collected for is settled, once. */
    void readerActionEnded(String paymentIntentId) {
        Optional<UUID> invoiceId = invoiceOf(stripe.paymentIntent(paymentIntentId));
        invoiceId
                .flatMap(store::find)
                .filter(row -> row.state() == DeskCheckoutStore.State.CHARGING
                        && row.readerId().isPresent())
                .ifPresent(this::call);
    }

    private static Map<String, String> metadata(DeskCheckoutStore.Row attempt) {
        return Map.of(
                "checkout_invoice_id", attempt.invoiceId().toString(),
                "appointment_id", attempt.appointmentId().toString(),
                "attempt", Integer.toString(attempt.attempt()));
    }

    private CardOutcome settle(DeskCheckoutStore.Row attempt, ChargeOutcome outcome) {
        DeskCheckoutStore.Row current =
                store.lock(attempt.invoiceId(), attempt.appointmentId(), attempt.patientId(), clock.instant());
        if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
            paid(current, attempt.attempt(), attempt.chargeAmount().orElseThrow(), succeeded.paymentIntentId());
            return CardOutcome.PAID;
        }
        boolean waiting = current.state() == DeskCheckoutStore.State.CHARGING && current.attempt() == attempt.attempt();
        if (outcome instanceof ChargeOutcome.Declined declined) {
            if (waiting) {
                store.settled(
                        attempt.invoiceId(),
                        DeskCheckoutStore.State.DECLINED,
                        Optional.of(declined.code()),
                        clock.instant());
            }
            return CardOutcome.DECLINED;
        }
        if (outcome instanceof ChargeOutcome.NeedsAuthentication asked) {
            if (waiting) {
                needsAuthentication(current, asked.paymentIntentId());
            }
            return CardOutcome.NEEDS_AUTHENTICATION;
        }
        // No answer: the attempt stays CHARGING; the desk, the sweep or the webhook asks again with the same key.
        return CardOutcome.NO_ANSWER;
    }

    /** Records the payment once (by its PaymentIntent) and ends the attempt if it is the one waiting. */
    private void paid(DeskCheckoutStore.Row current, int attempt, Money amount, String paymentIntentId) {
        payments.recordCardCharge(current.invoiceId(), amount, paymentIntentId);
        boolean open = current.state() == DeskCheckoutStore.State.CHARGING
                || current.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION
                || current.state() == DeskCheckoutStore.State.AUTHENTICATING;
        if (open && current.attempt() == attempt) {
            store.settled(current.invoiceId(), DeskCheckoutStore.State.OPEN, Optional.empty(), clock.instant());
        }
    }

    /** The bank wants the patient to authenticate: the attempt keeps the PaymentIntent, and the patient gets a link. */
    private void needsAuthentication(DeskCheckoutStore.Row attempt, String paymentIntentId) {
        store.needsAuthentication(attempt.invoiceId(), paymentIntentId, clock.instant());
        links.ask(
                Kind.CHECKOUT,
                attempt.invoiceId(),
                attempt.patientId(),
                attempt.chargeAmount().orElseThrow());
    }

    /** Where the patient's bank authentication left a charge: asks Stripe and records a payment it made, once. */
    private boolean lookUp(DeskCheckoutStore.Row row) {
        Optional<String> intent = row.paymentIntentId();
        if (intent.isEmpty() || row.chargeAmount().isEmpty()) {
            return false;
        }
        ChargeOutcome outcome = stripe.intent(intent.get());
        Boolean paid = tx.execute(status -> {
            DeskCheckoutStore.Row current =
                    store.lock(row.invoiceId(), row.appointmentId(), row.patientId(), clock.instant());
            if (outcome instanceof ChargeOutcome.Succeeded succeeded
                    && succeeded
                            .paymentIntentId()
                            .equals(current.paymentIntentId().orElse(""))) {
                paid(current, current.attempt(), current.chargeAmount().orElseThrow(), succeeded.paymentIntentId());
                return true;
            }
            if (current.state() == DeskCheckoutStore.State.AUTHENTICATING
                    && !(outcome instanceof ChargeOutcome.Unknown)) {
                store.state(current.invoiceId(), DeskCheckoutStore.State.NEEDS_AUTHENTICATION, clock.instant());
            }
            return false;
        });
        return Boolean.TRUE.equals(paid);
    }

    // ---- the patient's authentication through the e-mailed link (PaymentAuthentication)

    @Override
    public Kind kind() {
        return Kind.CHECKOUT;
    }

    @Override
    public Optional<Waiting> waiting(UUID invoiceId) {
        return store.find(invoiceId).filter(DeskCheckouts::authenticable).map(DeskCheckouts::waitingOf);
    }

    @Override
    public Optional<Waiting> claimForPatient(UUID invoiceId) {
        Optional<DeskCheckoutStore.Row> found = store.find(invoiceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeskCheckoutStore.Row row =
                store.lock(invoiceId, found.get().appointmentId(), found.get().patientId(), clock.instant());
        if (!authenticable(row)) {
            return Optional.empty();
        }
        Money amount = row.chargeAmount().orElseThrow();
        // What is still owed, this attempt aside: paid another way meanwhile, the link pays nothing more.
        Money owed = payments.lockedBalance(invoiceId)
                .plus(row.state() == DeskCheckoutStore.State.AUTHENTICATING ? amount : Money.ZERO);
        if (owed.compareTo(amount) < 0) {
            return Optional.empty();
        }
        store.state(invoiceId, DeskCheckoutStore.State.AUTHENTICATING, clock.instant());
        return Optional.of(waitingOf(row));
    }

    @Override
    public boolean finish(UUID invoiceId) {
        return store.find(invoiceId).map(this::lookUp).orElse(false) || paid(invoiceId);
    }

    @Override
    public boolean paid(UUID invoiceId) {
        return store.find(invoiceId)
                .flatMap(DeskCheckoutStore.Row::paymentIntentId)
                .flatMap(payments::cardCharge)
                .isPresent();
    }

    @Override
    public List<Waiting> waitingOn(UUID invoiceId) {
        return store
                .find(invoiceId)
                .filter(row -> row.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION && authenticable(row))
                .map(DeskCheckouts::waitingOf)
                .stream()
                .toList();
    }

    @Override
    public void cancelled(UUID invoiceId, String paymentIntentId) {
        store.find(invoiceId)
                .map(row -> store.lock(invoiceId, row.appointmentId(), row.patientId(), clock.instant()))
                .filter(row -> row.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION)
                .filter(row -> row.paymentIntentId().orElse("").equals(paymentIntentId))
                .ifPresent(row ->
                        store.settled(invoiceId, DeskCheckoutStore.State.OPEN, Optional.empty(), clock.instant()));
    }

    @Override
    public boolean settledOtherwise(UUID invoiceId) {
        return waiting(invoiceId).isEmpty()
                && !invoices.get(invoiceId).balance().isPositive()
                && !paid(invoiceId);
    }

    private static boolean authenticable(DeskCheckoutStore.Row row) {
        return (row.state() == DeskCheckoutStore.State.NEEDS_AUTHENTICATION
                        || row.state() == DeskCheckoutStore.State.AUTHENTICATING)
                && row.paymentIntentId().isPresent()
                && row.paymentMethodId().isPresent()
                && row.chargeAmount().isPresent();
    }

    private static Waiting waitingOf(DeskCheckoutStore.Row row) {
        return new Waiting(
                row.invoiceId(),
                row.chargeAmount().orElseThrow(),
                row.paymentIntentId().orElseThrow(),
                row.paymentMethodId().orElseThrow(),
                row.state() == DeskCheckoutStore.State.AUTHENTICATING);
    }

    private DeskCheckoutStore.Row lockAt(Invoice invoice, int version) {
        DeskCheckoutStore.Row row =
                store.lock(invoice.id(), invoice.appointmentId(), invoice.patientId(), clock.instant());
        if (row.version() != version) {
            throw CheckoutProblem.changed();
        }
        return row;
    }

    private Invoice invoiceOf(UUID appointmentId) {
        return invoices.forAppointment(appointmentId).orElseThrow(() -> CheckoutProblem.invalid("noInvoice"));
    }

    private static Optional<UUID> invoiceOf(PaymentIntent intent) {
        String id = intent.getMetadata() == null ? null : intent.getMetadata().get("checkout_invoice_id");
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static int attemptOf(PaymentIntent intent) {
        try {
            return Integer.parseInt(intent.getMetadata().getOrDefault("attempt", "0"));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }

    /** The name of the visit's therapist as staff records have it (booking names listed therapists only). */
    private String therapistName(AppointmentView appointment) {
        return staff.find(appointment.therapist().id())
                .map(StaffMember::displayName)
                .filter(name -> !name.isBlank())
                .orElse(appointment.therapist().name());
    }

    /** A tip is given for a visit that took place: checked in or completed. */
    private static boolean tipFor(AppointmentView appointment) {
        return appointment.status() == AppointmentStatus.CHECKED_IN
                || appointment.status() == AppointmentStatus.COMPLETED;
    }

    /** The service's price (its list price lines), on which the tip presets are reckoned. */
    static Money serviceTotal(Invoice invoice) {
        return invoice.lines().stream()
                .filter(line -> line.kind() == Line.Kind.LIST_PRICE)
                .map(Line::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    /** What the visit costs the patient before any tip. */
    private static Money withoutTip(Invoice invoice) {
        return invoice.lines().stream()
                .filter(line -> line.kind() != Line.Kind.TIP)
                .map(Line::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    private static Money tipAmount(String choice, String custom, Money service) {
        if (choice != null) {
            for (int preset : PRESETS) {
                if (choice.equals(Integer.toString(preset))) {
                    return service.percent(BigDecimal.valueOf(preset));
                }
            }
        }
        if (!"custom".equals(choice)) {
            throw CheckoutProblem.invalid("tipChoice");
        }
        return amount(custom).orElseThrow(() -> CheckoutProblem.invalid("notAnAmount"));
    }

    /** An amount typed at the desk ("12", "12.50", "$12.50"); empty when blank; not a number is refused. */
    static Optional<Money> amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String plain = typed.strip().replace("$", "").replace(",", "");
        if (!plain.matches("-?[0-9]{1,15}(\\.[0-9]{1,2})?")) {
            throw plain.matches("-?[0-9]{16,}(\\.[0-9]*)?")
                    ? CheckoutProblem.invalid("amountTooLarge")
                    : CheckoutProblem.invalid("notAnAmount");
        }
        return Optional.of(Money.of(plain));
    }
}
