package clinic.relief.payments;

/** What Stripe answered to an off-session charge. */
sealed interface ChargeOutcome {

    /** Charged: the PaymentIntent succeeded. */
    record Succeeded(String paymentIntentId) implements ChargeOutcome {}

    /** Refused by the card's bank or by Stripe (no money moved); {@code code} is Stripe's decline or error code. */
    record Declined(String code) implements ChargeOutcome {}

    /** The bank wants the patient to authenticate (3-D Secure); nothing was charged. */
    record NeedsAuthentication(String paymentIntentId) implements ChargeOutcome {}

    /** No answer (a timeout, a dropped connection): Stripe may or may not have charged; ask again with the same key. */
    record Unknown(String reason) implements ChargeOutcome {}
}
