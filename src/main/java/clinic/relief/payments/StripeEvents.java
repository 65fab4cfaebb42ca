package clinic.relief.payments;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.model.terminal.Reader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles Stripe's verified events, each once by its id, in any order: every effect is itself idempotent (a card is
 * saved once per setup page, a payment recorded once per PaymentIntent), so an event that arrives before or after
 * the app's own view of the same thing changes nothing twice.
 */
@Component
class StripeEvents {

    private final EventStore store;
    private final CardsOnFile cards;
    private final FeeCharges fees;
    private final CardRefunds refunds;
    private final Disputes disputes;
    private final MembershipDues dues;
    private final DeskCheckouts checkouts;
    private final DepositEvents deposits;
    private final TransactionTemplate tx;
    private final Clock clock;

    StripeEvents(
            EventStore store,
            CardsOnFile cards,
            FeeCharges fees,
            CardRefunds refunds,
            Disputes disputes,
            MembershipDues dues,
            DeskCheckouts checkouts,
            DepositEvents deposits,
            TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.cards = cards;
        this.fees = fees;
        this.refunds = refunds;
        this.disputes = disputes;
        this.dues = dues;
        this.checkouts = checkouts;
        this.deposits = deposits;
        this.tx = tx;
        this.clock = clock;
    }

    void handle(Event event) {
        if (store.seen(event.getId())) {
            return;
        }
        deposits.handle(event, object(event, StripeObject.class));
        switch (event.getType()) {
            case "checkout.session.completed" ->
                object(event, Session.class)
                        .filter(session -> "setup".equals(session.getMode()))
                        .ifPresent(session -> cards.complete(session.getId()));
            case "payment_intent.succeeded" -> {
                object(event, PaymentIntent.class)
                        .filter(intent -> !checkouts.succeeded(intent))
                        .ifPresent(intent -> feeOf(intent)
                                .ifPresent(fee -> tx.executeWithoutResult(status -> fees.paid(fee, intent.getId()))));
                object(event, PaymentIntent.class).ifPresent(this::duesPaid);
            }
            case "payment_intent.payment_failed" -> {
                object(event, PaymentIntent.class)
                        .filter(intent -> !checkouts.failed(intent))
                        .ifPresent(intent -> feeOf(intent).ifPresent(fee -> fees.failed(fee, intent)));
                object(event, PaymentIntent.class).ifPresent(this::duesFailed);
            }
            case "refund.created", "refund.updated" ->
                object(event, Refund.class).ifPresent(this::refunded);
            case "charge.refunded" ->
                object(event, Charge.class)
                        .filter(charge -> charge.getRefunds() != null
                                && charge.getRefunds().getData() != null)
                        .ifPresent(charge -> charge.getRefunds().getData().forEach(this::refunded));
            case "terminal.reader.action_succeeded", "terminal.reader.action_failed" ->
                object(event, Reader.class)
                        .map(Reader::getAction)
                        .filter(action -> action.getProcessPaymentIntent() != null)
                        .ifPresent(action -> checkouts.readerActionEnded(
                                action.getProcessPaymentIntent().getPaymentIntent()));
            case "charge.dispute.created" -> object(event, Dispute.class).ifPresent(disputes::created);
            default -> {
                // Stored and otherwise ignored: an event type the app does not use.
            }
        }
        tx.executeWithoutResult(status -> store.handled(event.getId(), event.getType(), clock.instant()));
    }

    // ---- membership dues (metadata dues_invoice_id)

    private void duesPaid(PaymentIntent intent) {
        duesOf(intent)
                .filter(invoice -> dues.find(invoice).isPresent())
                .ifPresent(invoice -> tx.executeWithoutResult(status -> dues.paid(invoice, intent.getId())));
    }

    private void duesFailed(PaymentIntent intent) {
        String code = intent.getLastPaymentError() == null
                ? "declined"
                : intent.getLastPaymentError().getCode();
        String decline = intent.getLastPaymentError() == null
                ? null
                : intent.getLastPaymentError().getDeclineCode();
        ChargeOutcome outcome = "authentication_required".equals(code)
                ? new ChargeOutcome.NeedsAuthentication(intent.getId())
                : new ChargeOutcome.Declined(decline != null ? decline : code);
        duesOf(intent)
                .ifPresent(invoice -> dues.failed(invoice, intent.getMetadata().getOrDefault("attempt", ""), outcome));
    }

    private static Optional<UUID> duesOf(PaymentIntent intent) {
        return uuid(intent.getMetadata() == null ? null : intent.getMetadata().get("dues_invoice_id"));
    }

    private void refunded(Refund refund) {
        if ("succeeded".equals(refund.getStatus()) && refund.getPaymentIntent() != null) {
            refunds.refunded(
                    refund.getPaymentIntent(),
                    refund.getId(),
                    StripeGateway.money(refund.getAmount()),
                    uuid(
                            refund.getMetadata() == null
                                    ? null
                                    : refund.getMetadata().get("refund_id")));
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> feeOf(PaymentIntent intent) {
        String fee = intent.getMetadata() == null ? null : intent.getMetadata().get("fee_id");
        try {
            return fee == null ? Optional.empty() : Optional.of(UUID.fromString(fee));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static <T extends StripeObject> Optional<T> object(Event event, Class<T> type) {
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().getObject().isPresent()
                    ? event.getDataObjectDeserializer().getObject().get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException unreadable) {
            return Optional.empty();
        }
        return type.isInstance(object) ? Optional.of(type.cast(object)) : Optional.empty();
    }
}
