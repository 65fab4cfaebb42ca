package clinic.relief.payments;

import java.util.List;
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

    /**
     * A payment waiting for the patient: its amount, the PaymentIntent and card to confirm, and whether the patient
     * is already at the bank's page with it (a try under way).
     */
    record Waiting(
            UUID subjectId, Money amount, String paymentIntentId, String paymentMethodId, boolean patientAtBank) {

        /**
         * The key of the confirmation with the patient present: one per try of the PaymentIntent, so a try after a
         * failed authentication asks Stripe again, and a second click during one try gets the same answer.
         */
        String confirmKey(int patientTry) {
            return "confirm-" + paymentIntentId + "-try-" + patientTry;
        }
    }

    Kind kind();

    /** The payment of {@code subjectId} while it waits for the patient's authentication (or they are at it). */
    Optional<Waiting> waiting(UUID subjectId);

    /**
     * In the caller's transaction, under the subject's lock: if it still waits and is still owed, marks it as being
     * authenticated by the patient and returns it as it was before (so {@link Waiting#patientAtBank()} says whether a
     * try was already under way); otherwise nothing (paid, waived, settled some other way).
     */
    Optional<Waiting> claimForPatient(UUID subjectId);

    /** Asks Stripe where the subject's PaymentIntent stands and records a payment it made, once; whether it is paid. */
    boolean finish(UUID subjectId);

    /** Whether the subject is paid (by the card or some other way), so its link only says so. */
    boolean paid(UUID subjectId);

    // ---- an invoice paid another way while a payment of it waits for the patient (PaidOtherwise)

    /** The invoice's payments of this kind waiting for the patient's authentication, no try under way. */
    List<Waiting> waitingOn(UUID invoiceId);

    /**
     * In the caller's transaction, under the subject's lock: the subject's PaymentIntent was cancelled at Stripe
     * because its invoice was paid another way; if it still waits with that intent, it ends (nothing more to pay).
     */
    void cancelled(UUID subjectId, String paymentIntentId);

    /** Whether the subject's invoice was paid another way while it waited, so its link says the invoice is paid. */
    boolean settledOtherwise(UUID subjectId);
}
