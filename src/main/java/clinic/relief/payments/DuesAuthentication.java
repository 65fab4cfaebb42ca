package clinic.relief.payments;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * A membership payment the bank wants the patient to authenticate: the e-mailed link's token finds the month, the
 * PaymentIntent Stripe left waiting is confirmed with the patient present (Stripe answers with the bank's page), and
 * the way back asks Stripe what happened. While the patient is on the bank's page the sweep starts no new attempt.
 */
@Service
class DuesAuthentication {

    private final DuesStore store;
    private final MembershipDues dues;
    private final StripeGateway stripe;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String siteUrl;

    DuesAuthentication(
            DuesStore store,
            MembershipDues dues,
            StripeGateway stripe,
            TransactionTemplate tx,
            Clock clock,
            @Value("${relief.site-url}") String siteUrl) {
        this.store = store;
        this.dues = dues;
        this.stripe = stripe;
        this.tx = tx;
        this.clock = clock;
        this.siteUrl = siteUrl;
    }

    /** What the patient's confirmation came to. */
    sealed interface Result {
        record ToBank(String url) implements Result {}

        record Paid() implements Result {}

        record NotPaid() implements Result {}
    }

    Optional<UUID> invoiceOf(String token) {
        return token.isBlank() || token.length() > 100 ? Optional.empty() : store.byLink(CardLinks.hash(token));
    }

    /** The month a link belongs to, while it waits for the patient's authentication. */
    Optional<Dues> waiting(String token) {
        return invoiceOf(token)
                .flatMap(store::find)
                .filter(d -> d.paymentIntentId().isPresent())
                .filter(d -> d.state() == Dues.State.NEEDS_AUTHENTICATION || d.state() == Dues.State.AUTHENTICATING);
    }

    Result start(Dues waiting, String token) {
        Optional<Dues> claimed = tx.execute(status -> store.lock(waiting.invoiceId())
                .filter(d -> d.state() == Dues.State.NEEDS_AUTHENTICATION || d.state() == Dues.State.AUTHENTICATING)
                .map(d -> {
                    store.state(d.invoiceId(), Dues.State.AUTHENTICATING, clock.instant());
                    return d;
                }));
        if (claimed == null || claimed.isEmpty()) {
            return finish(waiting.invoiceId());
        }
        Dues month = claimed.get();
        StripeGateway.Confirmation confirmation = stripe.confirmWithPatient(
                month.paymentIntentId().orElseThrow(),
                month.paymentMethodId().orElseThrow(),
                siteUrl + "/payments/dues/done?token=" + UriUtils.encodeQueryParam(token, "UTF-8"),
                "dues-confirm-" + month.invoiceId() + "-" + month.attempt());
        if (confirmation instanceof StripeGateway.Confirmation.Redirect redirect) {
            return new Result.ToBank(redirect.url());
        }
        return finish(month.invoiceId());
    }

    /** Asks Stripe where the month's authentication stands and records a payment it made, once. */
    Result finish(UUID invoiceId) {
        Dues month = store.find(invoiceId).orElseThrow();
        Dues.State state = month.state() == Dues.State.PAID ? Dues.State.PAID : dues.lookUp(month);
        return state == Dues.State.PAID ? new Result.Paid() : new Result.NotPaid();
    }
}
