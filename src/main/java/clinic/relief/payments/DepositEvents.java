package clinic.relief.payments;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import org.springframework.stereotype.Component;

/**
 * Stripe's events about deposits (objects whose metadata names a {@code deposit_id}): a paid Checkout page or a
 * succeeded PaymentIntent books the hold and records the deposit, an expired page releases the hold. Each effect is
 * idempotent under the deposit's lock, so any order and any repeat end the same.
 */
@Component
class DepositEvents {

    private final Deposits deposits;

    DepositEvents(Deposits deposits) {
        this.deposits = deposits;
    }

    void handle(Event event, Optional<StripeObject> object) {
        switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                session(object)
                        .filter(s -> "paid".equals(s.getPaymentStatus()) && s.getPaymentIntent() != null)
                        .ifPresent(s ->
                                depositOf(s.getMetadata()).ifPresent(id -> deposits.paid(id, s.getPaymentIntent())));
            case "checkout.session.expired" ->
                session(object).flatMap(s -> depositOf(s.getMetadata())).ifPresent(deposits::expired);
            case "payment_intent.succeeded" ->
                object.filter(PaymentIntent.class::isInstance)
                        .map(PaymentIntent.class::cast)
                        .ifPresent(intent ->
                                depositOf(intent.getMetadata()).ifPresent(id -> deposits.paid(id, intent.getId())));
            default -> {
                // Not about deposits.
            }
        }
    }

    private static Optional<Session> session(Optional<StripeObject> object) {
        return object.filter(Session.class::isInstance)
                .map(Session.class::cast)
                .filter(s -> "payment".equals(s.getMode()));
    }

    private static Optional<UUID> depositOf(Map<String, String> metadata) {
        String id = metadata == null ? null : metadata.get("deposit_id");
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
