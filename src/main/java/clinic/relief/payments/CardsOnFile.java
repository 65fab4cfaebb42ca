package clinic.relief.payments;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.checkout.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients' cards on file. A card is added on Stripe's hosted Checkout page in setup mode, after the patient has
 * accepted the clinic's card-on-file and cancellation policy (its version and the time are stored with the card);
 * the card is saved when the patient comes back from Stripe or when Stripe's webhook says so, whichever is first,
 * once. No Stripe call runs inside a database transaction.
 */
@Service
public class CardsOnFile {

    private final StripeGateway stripe;
    private final CustomerStore store;
    private final DuesStore dues;
    private final PaymentSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    CardsOnFile(
            StripeGateway stripe,
            CustomerStore store,
            DuesStore dues,
            PaymentSettings settings,
            TransactionTemplate tx,
            Clock clock) {
        this.stripe = stripe;
        this.store = store;
        this.dues = dues;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether Stripe is configured; without it payments are recorded by hand at the desk. */
    public boolean enabled() {
        return stripe.enabled();
    }

    public Optional<CardOnFile> of(UUID patientId) {
        return store.find(patientId).flatMap(CustomerStore.Customer::card);
    }

    public String policyVersion() {
        return settings.policyVersion();
    }

    /**
     * Opens a hosted setup page for a signed-in patient, who has accepted the policy; the address to send them to.
     * {@code appBase} is this app's own address, for Stripe's redirects back to the portal.
     */
    public String begin(UUID patientId, boolean policyAccepted, String appBase, Locale locale) {
        return begin(
                patientId,
                policyAccepted,
                appBase + "/account/card/saved?session={CHECKOUT_SESSION_ID}",
                appBase + "/account/card",
                locale);
    }

    /** Opens a hosted setup page that returns to {@code successUrl} (with Stripe's session placeholder) or back. */
    String begin(UUID patientId, boolean policyAccepted, String successUrl, String cancelUrl, Locale locale) {
        if (!policyAccepted) {
            throw new PaymentsFailure("payments.problem.acceptPolicy");
        }
        CustomerStore.Customer customer = store.find(patientId)
                .orElseGet(() -> tx.execute(
                        status -> store.insert(patientId, stripe.createCustomer(patientId), clock.instant())));
        Session session = stripe.startSetup(customer.customerId(), patientId, successUrl, cancelUrl, locale);
        tx.executeWithoutResult(status -> store.insertCheckout(
                new CustomerStore.Checkout(session.getId(), patientId, settings.policyVersion(), clock.instant()),
                clock.instant()));
        return session.getUrl();
    }

    /**
     * Saves the card of a completed setup page, once; the patient it belongs to, if the page is one of ours. A card
     * it replaces is detached from the customer at Stripe.
     */
    public Optional<UUID> complete(String sessionId) {
        Optional<CustomerStore.Checkout> checkout = store.checkout(sessionId);
        if (checkout.isEmpty()) {
            return Optional.empty();
        }
        Optional<SavedCard> card = stripe.completedSetup(sessionId);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> replaced =
                store.find(checkout.get().patientId()).flatMap(CustomerStore.Customer::paymentMethodId);
        Boolean saved = tx.execute(status -> {
            boolean fresh = store.saveCard(checkout.get(), card.get(), clock.instant());
            if (fresh) {
                // Membership dues that failed (or paused a membership) are tried again with the new card at once.
                dues.retryNow(checkout.get().patientId(), clock.instant());
            }
            return fresh;
        });
        if (Boolean.TRUE.equals(saved)
                && replaced.isPresent()
                && !replaced.get().equals(card.get().paymentMethodId())) {
            stripe.detach(replaced.get());
        }
        return Optional.of(checkout.get().patientId());
    }

    /** Removes the patient's card: detached at Stripe first, then forgotten here. */
    public void remove(UUID patientId) {
        Optional<String> method = store.find(patientId).flatMap(CustomerStore.Customer::paymentMethodId);
        if (method.isEmpty()) {
            return;
        }
        stripe.detach(method.get());
        tx.executeWithoutResult(status -> store.removeCard(patientId));
    }

    /** The patient's Stripe customer id, or an empty string when they have none (Stripe then refuses the charge). */
    String customerIdOf(UUID patientId) {
        return customer(patientId).map(CustomerStore.Customer::customerId).orElse("");
    }

    Optional<CustomerStore.Customer> customer(UUID patientId) {
        return store.find(patientId);
    }

    /** The Stripe customer and payment method to charge, if the patient has a card on file. */
    Optional<CustomerStore.Customer> chargeable(UUID patientId) {
        return store.find(patientId).filter(c -> c.paymentMethodId().isPresent());
    }
}
