/** Card payments through Stripe: the card on file, fees charged off-session, and Stripe's webhooks. */
@NullMarked
package clinic.relief.payments;

import org.jspecify.annotations.NullMarked;
