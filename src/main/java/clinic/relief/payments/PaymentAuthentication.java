package clinic.relief.payments;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * A payment the bank wants the patient to authenticate, whatever it pays (dues, a fee, a desk charge): the e-mailed
 * link's token finds it, the PaymentIntent Stripe left waiting is confirmed with the patient present (Stripe answers
 * with the bank's page), and the way back asks Stripe what happened. Each kind records the payment once, whether its
 * webhook or the way back comes first. While the patient is on the bank's page the payment is AUTHENTICATING: the
 * desk takes no other payment of it and the sweeps start no new attempt.
 */
@Service
class PaymentAuthentication {

    private final Map<AuthenticationSubject.Kind, AuthenticationSubject> subjects =
            new EnumMap<>(AuthenticationSubject.Kind.class);
    private final AuthenticationLinkStore links;
    private final AuthenticationTryStore tries;
    private final StripeGateway stripe;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String siteUrl;

    PaymentAuthentication(
            List<AuthenticationSubject> subjects,
            AuthenticationLinkStore links,
            AuthenticationTryStore tries,
            StripeGateway stripe,
            TransactionTemplate tx,
            Clock clock,
            @Value("${relief.site-url}") String siteUrl) {
        subjects.forEach(subject -> this.subjects.put(subject.kind(), subject));
        this.links = links;
        this.tries = tries;
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

        /** Nothing to confirm any more: the payment was settled some other way (waived, paid at the desk). */
        record Ended() implements Result {}
    }

    /** What a link that is known and not expired pays. */
    Optional<AuthenticationLinkStore.Link> link(String token) {
        return token.isBlank() || token.length() > 100
                ? Optional.empty()
                : links.usable(CardLinks.hash(token), clock.instant());
    }

    /** The payment a link belongs to, while it waits for the patient's authentication. */
    Optional<AuthenticationSubject.Waiting> waiting(AuthenticationLinkStore.Link link) {
        return subject(link).waiting(link.subjectId());
    }

    boolean paid(AuthenticationLinkStore.Link link) {
        return subject(link).paid(link.subjectId());
    }

    /** Whether the invoice the link's payment was for was paid another way meanwhile (its PaymentIntent cancelled). */
    boolean settledOtherwise(AuthenticationLinkStore.Link link) {
        return subject(link).settledOtherwise(link.subjectId());
    }

    /**
     * Claims the waiting payment and confirms it with the patient present: to the bank's page, or what came of it.
     * Each try has its own idempotency key: a click after a failed authentication starts a new try (Stripe is asked
     * again), a second click while a try is under way repeats its key (Stripe confirms once and answers the same).
     */
    Result start(AuthenticationLinkStore.Link link, String token) {
        AuthenticationSubject subject = subject(link);
        Optional<Try> claimed = tx.execute(status -> subject.claimForPatient(link.subjectId())
                .map(waiting -> new Try(
                        waiting,
                        waiting.patientAtBank()
                                ? tries.current(waiting.paymentIntentId(), clock.instant())
                                : tries.next(waiting.paymentIntentId(), clock.instant()))));
        if (claimed == null || claimed.isEmpty()) {
            Result now = finish(link);
            return now instanceof Result.Paid ? now : new Result.Ended();
        }
        AuthenticationSubject.Waiting payment = claimed.get().payment();
        StripeGateway.Confirmation confirmation = stripe.confirmWithPatient(
                payment.paymentIntentId(),
                payment.paymentMethodId(),
                siteUrl + link.kind().path() + "/done?token=" + UriUtils.encodeQueryParam(token, "UTF-8"),
                payment.confirmKey(claimed.get().number()));
        if (confirmation instanceof StripeGateway.Confirmation.Redirect redirect) {
            return new Result.ToBank(redirect.url());
        }
        return finish(link);
    }

    /** A try of the patient at confirming a payment: the payment and the try's number. */
    private record Try(AuthenticationSubject.Waiting payment, int number) {}

    /** Asks Stripe where the payment's authentication stands and records a payment it made, once. */
    Result finish(AuthenticationLinkStore.Link link) {
        AuthenticationSubject subject = subject(link);
        boolean paid = subject.paid(link.subjectId()) || subject.finish(link.subjectId());
        return paid ? new Result.Paid() : new Result.NotPaid();
    }

    private AuthenticationSubject subject(AuthenticationLinkStore.Link link) {
        return subjects.get(link.kind());
    }
}
