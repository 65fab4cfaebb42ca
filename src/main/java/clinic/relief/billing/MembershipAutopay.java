package clinic.relief.billing;

import java.time.YearMonth;
import java.util.UUID;

import clinic.relief.shared.Money;

/**
 * What the payments module implements to charge membership dues to the card on file. Billing asks it inside the
 * monthly charge's own transaction whether it takes the month's invoice; when it does, the month's credits wait
 * until the invoice is paid (by the card, or at the desk), and paying it resumes a membership paused for it.
 */
public interface MembershipAutopay {

    /**
     * Called in the charge's transaction: true when the patient's card on file will be charged for this invoice
     * (the charge is then owed and made after commit), false to leave the invoice for the desk as before.
     */
    boolean takes(Due due);

    /** Charges a taken invoice now, outside any transaction (the first month of a sale); what happened. */
    Outcome chargeNow(UUID invoiceId);

    /** One month's dues: the membership, its patient, the invoice and what it comes to. */
    record Due(UUID membershipId, UUID patientId, UUID invoiceId, YearMonth month, Money amount) {}

    /** Where a charge stands after {@link #chargeNow}. */
    enum Outcome {
        PAID,
        DECLINED,
        NEEDS_AUTHENTICATION,
        PENDING
    }
}
