package clinic.relief.payments;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * A kind of off-session charge the patient's bank may want authenticated (3-D Secure): membership dues, a
 * late-cancellation or no-show fee, the desk's charge of the card on file. Each keeps the PaymentIntent Stripe left
 * waiting; {@link PaymentAuthentication} gives the patient one e-mailed link and one page for all of them.
 */
interface AuthenticationSubject {

    /** What a link pays; the dues keep the address their links always had. */
    enum Kind {
        DUES,
        FEE,
        CHECKOUT;

        /** The page the e-mailed link opens. */
        String path() {
            return this == DUES ? "/payments/dues" : "/payments/confirm";
        }

        /** The lower-case name used in message keys, idempotency keys and the page's element ids. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A payment waiting for the patient: its amount, the PaymentIntent and card to confirm, and its attempt. */
    record Waiting(UUID subjectId, Money amount, String paymentIntentId, String paymentMethodId, int attempt) {

        /** The key of the confirmation with the patient present: one per subject's attempt. */
        String confirmKey(Kind kind) {
            return kind.label() + "-confirm-" + subjectId + "-" + attempt;
        }
    }

    Kind kind();

    /** The payment of {@code subjectId} while it waits for the patient's authentication (or they are at it). */
    Optional<Waiting> waiting(UUID subjectId);

    /**
     * In the caller's transaction, under the subject's lock: if it still waits and is still owed, marks it as being
     * authenticated by the patient and returns it; otherwise nothing (paid, waived, settled some other way).
     */
    Optional<Waiting> claimForPatient(UUID subjectId);

    /** Asks Stripe where the subject's PaymentIntent stands and records a payment it made, once; whether it is paid. */
    boolean finish(UUID subjectId);

    /** Whether the subject is paid (by the card or some other way), so its link only says so. */
    boolean paid(UUID subjectId);
}
