package clinic.relief.payments;

/** A card Stripe saved for a customer: its payment method id and what may be shown of it (never the number). */
record SavedCard(String customerId, String paymentMethodId, String brand, String last4, int expMonth, int expYear) {}
