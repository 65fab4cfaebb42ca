package clinic.relief.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import clinic.relief.billing.MembershipAutopay;
import clinic.relief.billing.Memberships;
import clinic.relief.billing.Payments;
import clinic.relief.clinic.ClinicProfile;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Membership dues charged off-session to the card on file. Billing offers each month's invoice ({@link #takes}); a
 * patient with a card has it charged after commit, by the sweep or at once for a sale. As with fees, each attempt is
 * committed as CHARGING before Stripe is called, with a key derived from the invoice and the attempt; a lost answer
 * is asked again with the same key by the sweep, and Stripe's webhooks record the same outcome once, in any order. A
 * failed attempt e-mails the patient and is tried again on days 3, 5 and 7 after the first (at 9 AM, clinic time);
 * after the last the membership is paused until the invoice is paid. A bank asking for authentication e-mails a link
 * to confirm the payment. A month already paid at the desk is never charged.
 */
@Service
class MembershipDues implements MembershipAutopay, AuthenticationSubject {

    static final List<Integer> RETRY_DAYS = List.of(3, 5, 7);
    private static final LocalTime RETRY_AT = LocalTime.of(9, 0);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    private static final Duration AUTHENTICATING_FOR = Duration.ofMinutes(30);
    private static final int WORKERS = 4;
    private static final Logger log = LoggerFactory.getLogger(MembershipDues.class);

    private final DuesStore store;
    private final CardsOnFile cards;
    private final InvoiceCharges charges;
    private final StripeGateway stripe;
    private final Payments payments;
    private final Memberships memberships;
    private final Patients patients;
    private final DuesMail mail;
    private final AuthenticationLinks links;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final Clock clock;
    private final ZoneId zone;

    MembershipDues(
            DuesStore store,
            CardsOnFile cards,
            InvoiceCharges charges,
            StripeGateway stripe,
            Payments payments,
            Memberships memberships,
            Patients patients,
            DuesMail mail,
            AuthenticationLinks links,
            PlatformTransactionManager transactions,
            Clock clock,
            ClinicProfile clinic) {
        this.store = store;
        this.cards = cards;
        this.charges = charges;
        this.stripe = stripe;
        this.payments = payments;
        this.memberships = memberships;
        this.patients = patients;
        this.mail = mail;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = clinic.zone();
    }

    @Override
    public boolean takes(Due due) {
        if (!stripe.enabled() || cards.chargeable(due.patientId()).isEmpty()) {
            return false;
        }
        store.insert(
                due.invoiceId(),
                due.membershipId(),
                due.patientId(),
                due.month().atDay(1),
                due.amount(),
                clock.instant());
        return true;
    }

    @Override
    public Outcome chargeNow(UUID invoiceId) {
        return switch (charge(invoiceId)) {
            case PAID, SETTLED -> Outcome.PAID;
            case RETRYING, PAUSED -> Outcome.DECLINED;
            case NEEDS_AUTHENTICATION, AUTHENTICATING -> Outcome.NEEDS_AUTHENTICATION;
            case DUE, CHARGING -> Outcome.PENDING;
        };
    }

    Optional<Dues> find(UUID invoiceId) {
        return store.find(invoiceId);
    }

    /** Charges the month now if an attempt is due or unanswered; the state it ends in. */
    Dues.State charge(UUID invoiceId) {
        Optional<Dues> before = store.find(invoiceId);
        if (before.isPresent() && before.get().state() == Dues.State.AUTHENTICATING) {
            // The patient left the bank's page unfinished a while ago: Stripe says whether it was paid.
            return lookUp(before.get());
        }
        Optional<Dues> attempt = newTx.execute(status -> claim(invoiceId));
        if (attempt == null || attempt.isEmpty()) {
            return store.find(invoiceId).map(Dues::state).orElse(Dues.State.SETTLED);
        }
        Dues dues = attempt.get();
        String customerId = cards.customerIdOf(dues.patientId());
        ChargeOutcome outcome = stripe.chargeOffSession(
                customerId,
                dues.paymentMethodId().orElseThrow(),
                dues.amount(),
                dues.idempotencyKey(),
                Map.of(
                        "dues_invoice_id", dues.invoiceId().toString(),
                        "membership_id", dues.membershipId().toString(),
                        "attempt", Integer.toString(dues.attempt())));
        return tx.execute(status -> settle(dues, outcome));
    }

    /** Charges every month whose attempt is due, and asks again about attempts left without an answer. */
    @Scheduled(fixedDelayString = "${relief.payments.dues.sweep-every:5m}", initialDelayString = "PT90S")
    void sweep() {
        if (stripe.enabled()) {
            sweep(clock.instant());
        }
    }

    /** One pass at {@code now} (the tests move it forward), a few months at a time; how many were looked at. */
    int sweep(Instant now) {
        List<UUID> due = store.due(now, now.minus(STUCK_AFTER), now.minus(AUTHENTICATING_FOR), 10_000);
        if (due.size() < 2) {
            due.forEach(this::charge);
            return due.size();
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            due.forEach(id -> pool.submit(() -> chargeLogged(id)));
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return due.size();
    }

    /** A worker's charge: a failure is logged (the month stays due for the next sweep), never lost in the pool. */
    private void chargeLogged(UUID invoiceId) {
        try {
            charge(invoiceId);
        } catch (RuntimeException e) {
            log.error("Charging the membership dues of invoice {} failed; the next sweep tries again", invoiceId, e);
        }
    }

    /** Records a month Stripe says it charged, once (from the call's answer, the sweep, the link or the webhook). */
    void paid(UUID invoiceId, String paymentIntentId) {
        Dues dues = store.lock(invoiceId).orElseThrow();
        if (dues.state() != Dues.State.PAID) {
            store.paid(invoiceId, paymentIntentId, clock.instant());
        }
        payments.recordCardCharge(invoiceId, dues.amount(), paymentIntentId);
    }

    /** A failed attempt Stripe reports by webhook: handled if it is the current attempt and still unanswered. */
    void failed(UUID invoiceId, String attempt, ChargeOutcome outcome) {
        tx.executeWithoutResult(status -> store.lock(invoiceId)
                .filter(d -> d.state() == Dues.State.CHARGING)
                .filter(d -> Integer.toString(d.attempt()).equals(attempt))
                .ifPresent(d -> settle(d, outcome)));
    }

    /** Where the patient's bank authentication left a month: asks Stripe and records a payment it made. */
    Dues.State lookUp(Dues dues) {
        Optional<String> intent = dues.paymentIntentId();
        if (intent.isEmpty()) {
            return dues.state();
        }
        ChargeOutcome outcome = stripe.intent(intent.get());
        return tx.execute(status -> {
            Dues current = store.lock(dues.invoiceId()).orElseThrow();
            if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
                paid(current.invoiceId(), succeeded.paymentIntentId());
            } else if (current.state() == Dues.State.AUTHENTICATING && !(outcome instanceof ChargeOutcome.Unknown)) {
                store.state(current.invoiceId(), Dues.State.NEEDS_AUTHENTICATION, clock.instant());
            }
            return store.find(dues.invoiceId()).orElseThrow().state();
        });
    }

    // ---- the patient's authentication of a month's charge, through the e-mailed link (PaymentAuthentication)

    @Override
    public Kind kind() {
        return Kind.DUES;
    }

    @Override
    public Optional<Waiting> waiting(UUID invoiceId) {
        return store.find(invoiceId).filter(MembershipDues::authenticable).map(MembershipDues::waitingOf);
    }

    @Override
    public Optional<Waiting> claimForPatient(UUID invoiceId) {
        Optional<Dues> locked = store.lock(invoiceId).filter(MembershipDues::authenticable);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        if (locked.get().state() == Dues.State.AUTHENTICATING) {
            // A second click during a try: the month counts as under way, so nothing else can have paid it meanwhile.
            return locked.map(MembershipDues::waitingOf);
        }
        // Under the invoice's lock, as every card charge: paid some other way meanwhile, the link pays nothing more.
        InvoiceCharges.Standing standing = charges.lock(invoiceId);
        if (standing instanceof InvoiceCharges.Standing.ChargeUnderWay) {
            return Optional.empty();
        }
        if (standing instanceof InvoiceCharges.Standing.Settled) {
            store.state(invoiceId, Dues.State.SETTLED, clock.instant());
            return Optional.empty();
        }
        store.state(invoiceId, Dues.State.AUTHENTICATING, clock.instant());
        return locked.map(MembershipDues::waitingOf);
    }

    @Override
    public boolean finish(UUID invoiceId) {
        return store.find(invoiceId).map(this::lookUp).orElse(Dues.State.SETTLED) == Dues.State.PAID;
    }

    @Override
    public boolean paid(UUID invoiceId) {
        return store.find(invoiceId)
                .filter(d -> d.state() == Dues.State.PAID || d.state() == Dues.State.SETTLED)
                .isPresent();
    }

    @Override
    public List<Waiting> waitingOn(UUID invoiceId) {
        return store
                .find(invoiceId)
                .filter(dues -> dues.state() == Dues.State.NEEDS_AUTHENTICATION && authenticable(dues))
                .map(MembershipDues::waitingOf)
                .stream()
                .toList();
    }

    @Override
    public void cancelled(UUID invoiceId, String paymentIntentId) {
        store.lock(invoiceId)
                .filter(dues -> dues.state() == Dues.State.NEEDS_AUTHENTICATION)
                .filter(dues -> dues.paymentIntentId().orElse("").equals(paymentIntentId))
                .ifPresent(dues -> store.state(invoiceId, Dues.State.SETTLED, clock.instant()));
    }

    @Override
    public boolean settledOtherwise(UUID invoiceId) {
        return store.find(invoiceId)
                .filter(d -> d.state() == Dues.State.SETTLED)
                .isPresent();
    }

    private static boolean authenticable(Dues dues) {
        return dues.paymentIntentId().isPresent()
                && dues.paymentMethodId().isPresent()
                && (dues.state() == Dues.State.NEEDS_AUTHENTICATION || dues.state() == Dues.State.AUTHENTICATING);
    }

    private static Waiting waitingOf(Dues dues) {
        return new Waiting(
                dues.invoiceId(),
                dues.amount(),
                dues.paymentIntentId().orElseThrow(),
                dues.paymentMethodId().orElseThrow(),
                dues.state() == Dues.State.AUTHENTICATING);
    }

    /** A new attempt, the unanswered attempt of a CHARGING month, or nothing (paid, settled, being authenticated). */
    private Optional<Dues> claim(UUID invoiceId) {
        Optional<Dues> locked = store.lock(invoiceId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Dues dues = locked.get();
        if (dues.state() == Dues.State.CHARGING) {
            return Optional.of(dues);
        }
        if (!dues.state().chargeable() || dues.nextAttemptAt().isEmpty()) {
            return Optional.empty();
        }
        // Under the invoice's lock, as a payment recorded by hand and the desk's checkout: of two at once, one pays.
        InvoiceCharges.Standing standing = charges.lock(invoiceId);
        if (standing instanceof InvoiceCharges.Standing.ChargeUnderWay) {
            return Optional.empty(); // still due: the sweep tries again once that charge has its answer
        }
        if (!(standing instanceof InvoiceCharges.Standing.Owed due)) {
            store.state(invoiceId, Dues.State.SETTLED, clock.instant());
            return Optional.empty();
        }
        Money owed = due.owed();
        Optional<String> method = cards.chargeable(dues.patientId()).flatMap(CustomerStore.Customer::paymentMethodId);
        if (method.isEmpty()) {
            store.charging(invoiceId, "", owed, LocalDate.ofInstant(clock.instant(), zone), clock.instant());
            fail(store.find(invoiceId).orElseThrow(), "no_card", Optional.empty());
            return Optional.empty();
        }
        store.charging(invoiceId, method.get(), owed, LocalDate.ofInstant(clock.instant(), zone), clock.instant());
        return store.find(invoiceId);
    }

    private Dues.State settle(Dues dues, ChargeOutcome outcome) {
        Dues current = store.lock(dues.invoiceId()).orElseThrow();
        if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
            paid(dues.invoiceId(), succeeded.paymentIntentId());
        } else if (current.state() == Dues.State.CHARGING && current.attempt() == dues.attempt()) {
            if (outcome instanceof ChargeOutcome.Declined declined) {
                fail(current, declined.code(), Optional.empty());
            } else if (outcome instanceof ChargeOutcome.NeedsAuthentication asked) {
                fail(current, "authentication_required", Optional.of(asked.paymentIntentId()));
            }
            // An unknown outcome stays CHARGING: the sweep asks Stripe again with the same key.
        }
        return store.find(dues.invoiceId()).orElseThrow().state();
    }

    /** The attempt failed: schedule the next try and e-mail the patient, or pause the membership after the last. */
    private void fail(Dues dues, String code, Optional<String> authenticate) {
        int failures = dues.failures() + 1;
        LocalDate first = dues.firstTriedOn().orElse(LocalDate.ofInstant(clock.instant(), zone));
        Optional<Instant> next = failures <= RETRY_DAYS.size()
                ? Optional.of(first.plusDays(RETRY_DAYS.get(failures - 1))
                        .atTime(RETRY_AT)
                        .atZone(zone)
                        .toInstant())
                : Optional.empty();
        Dues.State state = next.isEmpty()
                ? Dues.State.PAUSED
                : authenticate.isPresent() ? Dues.State.NEEDS_AUTHENTICATION : Dues.State.RETRYING;
        store.failed(dues.invoiceId(), state, code, authenticate, next, clock.instant());
        if (authenticate.isPresent()) {
            links.ask(Kind.DUES, dues.invoiceId(), dues.patientId(), dues.amount());
        }
        if (next.isEmpty()) {
            memberships.pause(dues.membershipId());
            mail.paused(dues.patientId(), dues.amount());
        } else if (authenticate.isEmpty()) {
            mail.declined(dues.patientId(), dues.amount(), nextTry(dues.patientId(), next.get()));
        }
    }

    private String nextTry(UUID patientId, Instant next) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(patients.get(patientId).locale())
                .format(next.atZone(zone));
    }
}
